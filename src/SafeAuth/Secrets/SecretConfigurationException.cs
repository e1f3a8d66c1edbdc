using System;

namespace SafeAuth.Secrets;

/// <summary>Why a configured secret was refused.</summary>
public enum SecretProblem
{
    /// <summary>The setting or environment variable is missing, empty or whitespace.</summary>
    Missing,

    /// <summary>The value is a placeholder such as <c>&lt;your-key&gt;</c>, <c>${KEY}</c> or <c>YOUR_KEY</c>.</summary>
    Placeholder,

    /// <summary>The value is a well-known sample secret (for example jwt.io's <c>your-256-bit-secret</c>).</summary>
    KnownSample,

    /// <summary>A signing key is not text of its encoding (base64, base64url or hex).</summary>
    NotBase64,

    /// <summary>The key or secret is shorter than the algorithm or policy requires.</summary>
    TooShort,

    /// <summary>The value is a human-memorable password (dictionary words, printable text used as key bytes).</summary>
    HumanMemorable,

    /// <summary>The key bytes or secret characters show too little variety to be random.</summary>
    LowVariety,

    /// <summary>The algorithm is not one this loader supports.</summary>
    UnsupportedAlgorithm,

    /// <summary>An RSA key is not PEM text this loader can import, or its modulus or exponent is unsafe.</summary>
    InvalidKey,

    /// <summary>A signing key's text could be read in more than one encoding (hex digits are valid base64 too); name the encoding.</summary>
    AmbiguousEncoding,
}

/// <summary>
/// A secret could not be loaded: the message names the setting (or environment variable) and the problem, and never
/// contains the secret itself.
/// </summary>
public sealed class SecretConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="settingName"/>.</summary>
    /// <param name="settingName">The configuration key or environment variable that was read.</param>
    /// <param name="problem">What is wrong with its value.</param>
    /// <param name="message">A message that names the setting and never echoes the secret.</param>
    public SecretConfigurationException(string settingName, SecretProblem problem, string message)
        : base(message)
    {
        SettingName = settingName;
        Problem = problem;
    }

    /// <summary>The configuration key or environment variable that was read.</summary>
    public string SettingName { get; }

    /// <summary>What is wrong with its value.</summary>
    public SecretProblem Problem { get; }
}
