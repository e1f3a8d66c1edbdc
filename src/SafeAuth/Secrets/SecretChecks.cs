using System;
using System.Collections.Generic;
namespace SafeAuth.Secrets;

/// <summary>Checks shared by the loaders. Messages name the setting and never contain the value.</summary>
internal static class SecretChecks
{
    /// <summary>Sample values copied from tutorials and docs, compared case-insensitively after trimming.</summary>
    internal static readonly HashSet<string> KnownSamples = new(StringComparer.OrdinalIgnoreCase)
    {
        "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "secret", "secretkey", "secret-key", "secret_key",
        "mysecret", "mysecretkey", "my-secret-key", "my_secret_key", "supersecret", "supersecretkey", "super-secret-key",
        "super_secret_key", "changeme", "change-me", "change_me", "password", "passw0rd", "p@ssw0rd", "default", "test",
        "testsecret", "test-secret", "client-secret", "client_secret", "clientsecret", "jwtsecret", "jwt-secret", "jwt_secret",
        "this is my custom secret key for authentication", "thisismysecretkey", "thisisasecretkey", "qwerty", "123456",
    };

    /// <summary>Words people build passwords from; random base64 text of key length practically never contains them
    /// (six letters or more: about one chance in 10^7 per word for a 64-byte key).</summary>
    private static readonly string[] MemorableWords =
    {
        "secret", "password", "passwd", "changeme", "example", "sample", "default", "signing", "private",
        "qwerty", "letmein", "jwtkey", "apikey",
    };

    public static string Require(string settingName, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.Missing, $"The secret setting '{settingName}' is missing or empty.");
        }

        var trimmed = value.Trim();
        if (IsPlaceholder(trimmed))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.Placeholder, $"The secret setting '{settingName}' still holds a placeholder; set the real value in user secrets, the environment or a key vault.");
        }

        if (KnownSamples.Contains(trimmed))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.KnownSample, $"The secret setting '{settingName}' holds a well-known sample value; generate a new random secret.");
        }

        return trimmed;
    }

    public static bool IsPlaceholder(string text)
    {
        if (text.Length >= 2 && ((text[0] == '<' && text[^1] == '>') || (text[0] == '{' && text[^1] == '}') || (text[0] == '%' && text[^1] == '%' && text.Length > 2)))
        {
            return true;
        }

        return (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal) || text.StartsWith("$(", StringComparison.Ordinal))
               || text.StartsWith("YOUR_", StringComparison.Ordinal) || text.StartsWith("YOUR-", StringComparison.Ordinal)
               || (text.Length > 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal));
    }

    public static bool ContainsMemorableWord(string text)
    {
        foreach (var word in MemorableWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fewer distinct values than a random value of this length would show, or an arithmetic run (0,1,2,…).</summary>
    public static bool HasLowVariety(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return true;
        }

        Span<bool> seen = stackalloc bool[256];
        var distinct = 0;
        foreach (var b in bytes)
        {
            if (!seen[b])
            {
                seen[b] = true;
                distinct++;
            }
        }

        if (distinct < Math.Min(16, bytes.Length / 2))
        {
            return true;
        }

        var step = (byte)(bytes[1] - bytes[0]);
        for (var i = 2; i < bytes.Length; i++)
        {
            if ((byte)(bytes[i] - bytes[i - 1]) != step)
            {
                return false;
            }
        }

        return true;
    }

    public static bool HasLowVariety(string text) =>
        HasLowVariety(System.Text.Encoding.UTF8.GetBytes(text));
}
