using System;
using Microsoft.Extensions.Configuration;

namespace SafeAuth.Secrets;

/// <summary>
/// Loads any other secret text (a service token, a PEM private key) from configuration or the environment, refusing
/// missing values, placeholders and known sample values. Exceptions name the setting and never contain the value.
/// </summary>
public static class SecretLoader
{
    /// <summary>Reads the secret under <paramref name="key"/>.</summary>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="key">The configuration key.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing or holds a placeholder or sample value.</exception>
    public static string FromConfiguration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return SecretChecks.Require(key, configuration[key]);
    }

    /// <summary>Reads the secret from the environment variable <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing or holds a placeholder or sample value.</exception>
    public static string FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return SecretChecks.Require(variable, Environment.GetEnvironmentVariable(variable));
    }
}
