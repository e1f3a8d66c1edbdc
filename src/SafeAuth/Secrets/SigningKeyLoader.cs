using System;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace SafeAuth.Secrets;

/// <summary>
/// Loads signing keys from configuration or the environment and refuses weak ones: HMAC keys must be base64 or
/// base64url text of at least 32 (HS256), 48 (HS384) or 64 (HS512) random bytes; passwords, printable text, known
/// sample secrets and low-variety bytes are refused; RSA keys must be at least 2048 bits (RFC 7518 §3.2, §3.3,
/// RFC 8725 §3.5). Exceptions name the setting and never contain the key.
/// </summary>
public static class SigningKeyLoader
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    /// <summary>Reads the HMAC key stored base64-encoded under <paramref name="key"/> and checks it for <paramref name="algorithm"/>.</summary>
    /// <param name="configuration">The application configuration (user secrets, environment, key vault providers…).</param>
    /// <param name="key">The configuration key, for example <c>Jwt:SigningKey</c>.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c> (the <c>SecurityAlgorithms</c> URIs are accepted too).</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing or the key is weak.</exception>
    public static byte[] FromConfiguration(IConfiguration configuration, string key, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return FromBase64(key, configuration[key], algorithm);
    }

    /// <summary>Reads the HMAC key stored base64-encoded in the environment variable <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable, for example <c>JWT_SIGNING_KEY</c>.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing or the key is weak.</exception>
    public static byte[] FromEnvironment(string variable, string algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return FromBase64(variable, Environment.GetEnvironmentVariable(variable), algorithm);
    }

    /// <summary>Decodes and checks a base64 or base64url HMAC key obtained elsewhere (a key vault client, a secret store).</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="value">The base64 or base64url text.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="SecretConfigurationException">The value is missing or the key is weak.</exception>
    public static byte[] FromBase64(string settingName, string? value, string algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var minimum = MinimumHmacKeyBytes(settingName, algorithm);
        var text = SecretChecks.Require(settingName, value);

        if (SecretChecks.ContainsMemorableWord(text))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.HumanMemorable,
                $"The signing key '{settingName}' looks like a password; use {minimum} or more random bytes, base64-encoded (for example from RandomNumberGenerator.GetBytes({minimum})).");
        }

        var bytes = DecodeBase64(text);
        if (bytes is null)
        {
            throw new SecretConfigurationException(settingName, SecretProblem.NotBase64,
                $"The signing key '{settingName}' is not base64 or base64url text; store {minimum} or more random bytes, base64-encoded.");
        }

        if (bytes.Length < minimum)
        {
            throw new SecretConfigurationException(settingName, SecretProblem.TooShort,
                $"The signing key '{settingName}' has {bytes.Length} bytes; {algorithm} needs at least {minimum}.");
        }

        if (IsPrintableText(bytes))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.HumanMemorable,
                $"The signing key '{settingName}' decodes to printable text, a password rather than a key; use {minimum} or more random bytes.");
        }

        if (SecretChecks.HasLowVariety(bytes))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.LowVariety,
                $"The signing key '{settingName}' shows too little variety to be random; generate it with a cryptographic random number generator.");
        }

        return bytes;
    }

    /// <summary>Reads an RSA key (PEM, private or public) from configuration and refuses keys under 2048 bits.</summary>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="key">The configuration key, for example <c>Jwt:RsaPrivateKey</c>.</param>
    /// <returns>The imported key; dispose it when done.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing, not PEM, or the key is too small.</exception>
    public static RSA RsaFromConfiguration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RsaFromPem(key, configuration[key]);
    }

    /// <summary>Reads an RSA key (PEM) from the environment variable <paramref name="variable"/>; refuses keys under 2048 bits.</summary>
    /// <param name="variable">The environment variable.</param>
    /// <returns>The imported key; dispose it when done.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing, not PEM, or the key is too small.</exception>
    public static RSA RsaFromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return RsaFromPem(variable, Environment.GetEnvironmentVariable(variable));
    }

    /// <summary>Imports a PEM RSA key and refuses keys under 2048 bits.</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The imported key; dispose it when done.</returns>
    /// <exception cref="SecretConfigurationException">The value is missing, not PEM, or the key is too small.</exception>
    public static RSA RsaFromPem(string settingName, string? pem)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var text = SecretChecks.Require(settingName, pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new SecretConfigurationException(settingName, SecretProblem.InvalidKey, $"The RSA key '{settingName}' is not a PEM RSA key this loader can import.");
        }

        if (rsa.KeySize < MinimumRsaKeySize)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            throw new SecretConfigurationException(settingName, SecretProblem.TooShort, $"The RSA key '{settingName}' has {size} bits; at least {MinimumRsaKeySize} are required.");
        }

        return rsa;
    }

    /// <summary>The smallest HMAC key, in bytes, for <paramref name="algorithm"/>: the hash output size.</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c>, <c>HS512</c> or the matching <c>SecurityAlgorithms</c> URI.</param>
    /// <returns>32, 48 or 64.</returns>
    /// <exception cref="SecretConfigurationException">The algorithm is not an HMAC algorithm.</exception>
    public static int MinimumHmacKeyBytes(string settingName, string algorithm) => algorithm switch
    {
        "HS256" or "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256" => 32,
        "HS384" or "http://www.w3.org/2001/04/xmldsig-more#hmac-sha384" => 48,
        "HS512" or "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512" => 64,
        _ => throw new SecretConfigurationException(settingName, SecretProblem.UnsupportedAlgorithm,
            $"The signing key '{settingName}' is requested for '{algorithm}'; use HS256, HS384 or HS512."),
    };

    private static byte[]? DecodeBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        switch (normalized.Length % 4)
        {
            case 1:
                return null;
            case 2:
                normalized += "==";
                break;
            case 3:
                normalized += "=";
                break;
        }

        var buffer = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Every byte printable ASCII: text (a password) encoded as base64, not random bytes.</summary>
    private static bool IsPrintableText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
