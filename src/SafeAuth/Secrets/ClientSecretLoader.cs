using System;
using Microsoft.Extensions.Configuration;
using SafeAuth.Shared;

namespace SafeAuth.Secrets;

/// <summary>
/// Loads OAuth / OpenID Connect client secrets from configuration or the environment and refuses missing values,
/// placeholders (judged by the same rules as the analyzers), known sample values, short values and human-made passwords
/// and phrases, also when spelt with digits and symbols (<c>P@ssw0rd…</c>). Exceptions name the setting and
/// never contain the secret.
/// </summary>
public static class ClientSecretLoader
{
    /// <summary>The shortest client secret accepted, in characters. Issued secrets (Entra, Google, Auth0) are longer.</summary>
    public const int MinimumLength = 16;

    /// <summary>Reads the client secret under <paramref name="key"/>.</summary>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="key">The configuration key, for example <c>Authentication:ClientSecret</c>.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing or the secret is weak.</exception>
    public static string FromConfiguration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Check(key, configuration[key]);
    }

    /// <summary>Reads the client secret from the environment variable <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable, for example <c>CLIENT_SECRET</c>.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing or the secret is weak.</exception>
    public static string FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return Check(variable, Environment.GetEnvironmentVariable(variable));
    }

    /// <summary>Checks a client secret obtained elsewhere (a key vault client, a secret store).</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="value">The secret.</param>
    /// <returns>The trimmed secret.</returns>
    /// <exception cref="SecretConfigurationException">The value is missing or weak.</exception>
    public static string Check(string settingName, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var secret = SecretChecks.Require(settingName, value);
        if (secret.Length < MinimumLength)
        {
            throw new SecretConfigurationException(settingName, SecretProblem.TooShort,
                $"The client secret '{settingName}' has {secret.Length} characters; issued client secrets have at least {MinimumLength}.");
        }

        if (SecretChecks.HasLowVariety(secret))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.LowVariety,
                $"The client secret '{settingName}' shows too little variety to be an issued secret.");
        }

        if (SecretTextRules.ContainsMemorableWord(secret) || SecretTextRules.LooksLikeWords(secret))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.HumanMemorable,
                $"The client secret '{settingName}' looks like a password; use the secret your authorization server issued.");
        }

        return secret;
    }
}
