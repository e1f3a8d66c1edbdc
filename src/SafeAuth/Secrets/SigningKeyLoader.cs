using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Shared;
using SafeAuth.Tokens;

namespace SafeAuth.Secrets;

/// <summary>
/// Loads signing keys from configuration or the environment and refuses weak ones. An HMAC key must be at least 32
/// (HS256), 48 (HS384) or 64 (HS512) random bytes written in one clear encoding; the decoded bytes are judged, so a
/// password in base64 (with or without <c>echo</c>'s newline), a passphrase, a phrase that happens to be valid base64,
/// a known sample and low-variety bytes are all refused. An RSA key must have a modulus of at least 2048 bits and a
/// sound exponent (RFC 7518 §3.2, §3.3, RFC 8725 §3.5). Each loader returns a <see cref="SecurityKey"/> for the algorithm
/// it checked. Exceptions name the setting and never contain the key.
/// </summary>
public static class SigningKeyLoader
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    /// <summary>Reads the HMAC key stored under <paramref name="key"/> and checks it for <paramref name="algorithm"/>.</summary>
    /// <param name="configuration">The application configuration (user secrets, environment, key vault providers…).</param>
    /// <param name="key">The configuration key, for example <c>Jwt:SigningKey</c>.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c> (the <c>SecurityAlgorithms</c> URIs are accepted too).</param>
    /// <param name="encoding">How the bytes are written; by default base64 or base64url when unambiguous.</param>
    /// <returns>The checked key, bound to <paramref name="algorithm"/>.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing or the key is weak.</exception>
    public static HmacSigningKey FromConfiguration(IConfiguration configuration, string key, string algorithm, SigningKeyEncoding encoding = SigningKeyEncoding.Unambiguous)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return FromText(key, configuration[key], algorithm, encoding);
    }

    /// <summary>Reads the HMAC key stored in the environment variable <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable, for example <c>JWT_SIGNING_KEY</c>.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</param>
    /// <param name="encoding">How the bytes are written; by default base64 or base64url when unambiguous.</param>
    /// <returns>The checked key, bound to <paramref name="algorithm"/>.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing or the key is weak.</exception>
    public static HmacSigningKey FromEnvironment(string variable, string algorithm, SigningKeyEncoding encoding = SigningKeyEncoding.Unambiguous)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return FromText(variable, Environment.GetEnvironmentVariable(variable), algorithm, encoding);
    }

    /// <summary>Decodes and checks an HMAC key obtained elsewhere (a key vault client, a secret store).</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="value">The encoded key.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</param>
    /// <param name="encoding">How the bytes are written; by default base64 or base64url when unambiguous.</param>
    /// <returns>The checked key, bound to <paramref name="algorithm"/>.</returns>
    /// <exception cref="SecretConfigurationException">The value is missing, ambiguous or the key is weak.</exception>
    public static HmacSigningKey FromText(string settingName, string? value, string algorithm, SigningKeyEncoding encoding = SigningKeyEncoding.Unambiguous)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var minimum = MinimumHmacKeyBytes(settingName, algorithm);
        var text = SecretChecks.Require(settingName, value);
        if (text.IndexOf(' ') >= 0 || SecretTextRules.ContainsMemorableWord(text) || SecretTextRules.LooksLikeWords(text))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.HumanMemorable,
                $"The signing key '{settingName}' reads as a password or phrase, not encoded random bytes; use {minimum} or more random bytes, base64-encoded (for example from RandomNumberGenerator.GetBytes({minimum})).");
        }

        var bytes = KeyText.Decode(settingName, text, encoding);
        return Check(settingName, bytes, algorithm, minimum);
    }

    /// <summary>Checks HMAC key bytes obtained elsewhere (a hardware module, a key derivation) for <paramref name="algorithm"/>.</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="key">The key bytes; they are copied.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</param>
    /// <returns>The checked key, bound to <paramref name="algorithm"/>.</returns>
    /// <exception cref="SecretConfigurationException">The key is weak.</exception>
    public static HmacSigningKey FromBytes(string settingName, ReadOnlySpan<byte> key, string algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        return Check(settingName, key.ToArray(), algorithm, MinimumHmacKeyBytes(settingName, algorithm));
    }

    /// <summary>
    /// Reads several issuers, each with its own key, from the children of <paramref name="section"/>: each child has an
    /// <c>Issuer</c> and either an HMAC <c>SigningKey</c> (checked for <paramref name="algorithm"/>) or an RSA
    /// <c>PublicKeyPem</c>. Pass the result to <see cref="StrictJwtValidationOptions.AddIssuers"/>.
    /// </summary>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="section">The section key, for example <c>Jwt:Issuers</c>.</param>
    /// <param name="algorithm">The HMAC algorithm for <c>SigningKey</c> entries.</param>
    /// <returns>The issuers, in configuration order.</returns>
    /// <exception cref="SecretConfigurationException">The section is empty, an issuer or key is missing, or a key is weak.</exception>
    public static IReadOnlyList<TrustedIssuer> IssuersFromConfiguration(IConfiguration configuration, string section, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(section);
        var issuers = new List<TrustedIssuer>();
        foreach (var child in configuration.GetSection(section).GetChildren())
        {
            var path = section + ":" + child.Key;
            var issuer = child["Issuer"];
            if (string.IsNullOrWhiteSpace(issuer))
            {
                throw new SecretConfigurationException(path + ":Issuer", SecretProblem.Missing, $"The setting '{path}:Issuer' is missing: every key must belong to an issuer.");
            }

            SecurityKey key = child["PublicKeyPem"] is { Length: > 0 } pem
                ? RsaFromPem(path + ":PublicKeyPem", pem)
                : FromText(path + ":SigningKey", child["SigningKey"], algorithm);
            issuers.Add(new TrustedIssuer(issuer, key));
        }

        return issuers.Count > 0
            ? issuers
            : throw new SecretConfigurationException(section, SecretProblem.Missing, $"The section '{section}' lists no issuer.");
    }

    /// <summary>Reads an RSA key (PEM, private or public) from configuration.</summary>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="key">The configuration key, for example <c>Jwt:RsaPrivateKey</c>.</param>
    /// <returns>The imported, checked key.</returns>
    /// <exception cref="SecretConfigurationException">The setting is missing, not PEM, or the key is unsafe.</exception>
    public static RsaSecurityKey RsaFromConfiguration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RsaFromPem(key, configuration[key]);
    }

    /// <summary>Reads an RSA key (PEM) from the environment variable <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable.</param>
    /// <returns>The imported, checked key.</returns>
    /// <exception cref="SecretConfigurationException">The variable is missing, not PEM, or the key is unsafe.</exception>
    public static RsaSecurityKey RsaFromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return RsaFromPem(variable, Environment.GetEnvironmentVariable(variable));
    }

    /// <summary>Imports a PEM RSA key and refuses a modulus under 2048 bits (leading zeros not counted) or an unsafe exponent.</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The imported, checked key.</returns>
    /// <exception cref="SecretConfigurationException">The value is missing, not PEM, or the key is unsafe.</exception>
    public static RsaSecurityKey RsaFromPem(string settingName, string? pem)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var text = SecretChecks.Require(settingName, pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            var bits = KeyMaterial.BitLength(parameters.Modulus);
            if (bits < MinimumRsaKeySize)
            {
                throw new SecretConfigurationException(settingName, SecretProblem.TooShort, $"The RSA key '{settingName}' has a {bits}-bit modulus; at least {MinimumRsaKeySize} bits are required.");
            }

            if (!KeyMaterial.IsValidRsaExponent(parameters.Exponent))
            {
                throw new SecretConfigurationException(settingName, SecretProblem.InvalidKey, $"The RSA key '{settingName}' has an even or too small public exponent, which makes signatures forgeable.");
            }

            return new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new SecretConfigurationException(settingName, SecretProblem.InvalidKey, $"The RSA key '{settingName}' is not a PEM RSA key this loader can import.");
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>The smallest HMAC key, in bytes, for <paramref name="algorithm"/>: the hash output size.</summary>
    /// <param name="settingName">The name used in error messages.</param>
    /// <param name="algorithm"><c>HS256</c>, <c>HS384</c>, <c>HS512</c> or the matching <c>SecurityAlgorithms</c> URI.</param>
    /// <returns>32, 48 or 64.</returns>
    /// <exception cref="SecretConfigurationException">The algorithm is not an HMAC algorithm.</exception>
    public static int MinimumHmacKeyBytes(string settingName, string algorithm) => ShortName(settingName, algorithm) switch
    {
        SecurityAlgorithms.HmacSha384 => 48,
        SecurityAlgorithms.HmacSha512 => 64,
        _ => 32,
    };

    private static string ShortName(string settingName, string algorithm) => algorithm switch
    {
        "HS256" or SecurityAlgorithms.HmacSha256Signature => SecurityAlgorithms.HmacSha256,
        "HS384" or SecurityAlgorithms.HmacSha384Signature => SecurityAlgorithms.HmacSha384,
        "HS512" or SecurityAlgorithms.HmacSha512Signature => SecurityAlgorithms.HmacSha512,
        _ => throw new SecretConfigurationException(settingName, SecretProblem.UnsupportedAlgorithm,
            $"The signing key '{settingName}' is requested for '{algorithm}'; use HS256, HS384 or HS512."),
    };

    private static HmacSigningKey Check(string settingName, byte[] bytes, string algorithm, int minimum)
    {
        if (bytes.Length < minimum)
        {
            throw new SecretConfigurationException(settingName, SecretProblem.TooShort,
                $"The signing key '{settingName}' has {bytes.Length} bytes; {algorithm} needs at least {minimum}.");
        }

        if (KeyMaterial.LooksLikeText(bytes))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.HumanMemorable,
                $"The signing key '{settingName}' decodes to text, a password rather than a key; use {minimum} or more random bytes.");
        }

        if (KeyMaterial.HasLowVariety(bytes))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.LowVariety,
                $"The signing key '{settingName}' shows too little variety to be random; generate it with a cryptographic random number generator.");
        }

        return new HmacSigningKey(bytes, ShortName(settingName, algorithm));
    }
}
