using System;

namespace SafeAuth.Secrets;

/// <summary>Decodes a signing key's text in exactly one encoding, refusing text that could be read in two.</summary>
internal static class KeyText
{
    public static byte[] Decode(string settingName, string text, SigningKeyEncoding encoding)
    {
        var bytes = encoding switch
        {
            SigningKeyEncoding.Hex => Hex(text),
            SigningKeyEncoding.Base64 => Base64(text, urlSafe: false),
            SigningKeyEncoding.Base64Url => Base64(text, urlSafe: true),
            SigningKeyEncoding.Unambiguous => Unambiguous(settingName, text),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown signing key encoding."),
        };

        return bytes ?? throw new SecretConfigurationException(settingName, SecretProblem.NotBase64,
            $"The signing key '{settingName}' is not valid {Describe(encoding)} text; store random bytes in that encoding.");
    }

    private static byte[]? Unambiguous(string settingName, string text)
    {
        if (IsHex(text))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.AmbiguousEncoding,
                $"The signing key '{settingName}' is made only of hex digits, which is valid base64 too (for other bytes); pass SigningKeyEncoding.Hex or SigningKeyEncoding.Base64 to say which it is.");
        }

        // One alphabet each: text with '-' or '_' is read as base64url, which refuses '+' and '/', so mixed text fails.
        return Base64(text, urlSafe: text.IndexOfAny(new[] { '-', '_' }) >= 0);
    }

    private static byte[]? Base64(string text, bool urlSafe)
    {
        var compact = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var body = compact.TrimEnd('=');
        var padding = compact.Length - body.Length;
        // Padding, when present, completes the last quantum; any other malformed length fails the decoding below.
        if (padding > 0 && compact.Length % 4 != 0)
        {
            return null;
        }

        foreach (var c in body)
        {
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')
                || (urlSafe ? c is '-' or '_' : c is '+' or '/');
            if (!ok)
            {
                return null;
            }
        }

        // Only this alphabet's characters are left, so mapping base64url's two onto base64's is right for both.
        var standard = body.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            var bytes = Convert.FromBase64String(standard);

            // Non-canonical text (unused bits set) would give one key two spellings.
            return string.Equals(Convert.ToBase64String(bytes).TrimEnd('='), standard.TrimEnd('='), StringComparison.Ordinal) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[]? Hex(string text) => IsHex(text) ? Convert.FromHexString(text) : null;

    private static bool IsHex(string text)
    {
        if (text.Length == 0 || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(SigningKeyEncoding encoding) => encoding switch
    {
        SigningKeyEncoding.Hex => "hex",
        SigningKeyEncoding.Base64 => "base64",
        SigningKeyEncoding.Base64Url => "base64url",
        _ => "base64 or base64url",
    };
}
