using System;
using System.Text;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// Recognizes credentials by their format: JWTs (three base64url segments whose header is JSON naming <c>alg</c>),
/// PEM private-key blocks with a body, Microsoft Entra client secrets, and provider keys with a fixed shape
/// (<see cref="ProviderSecretFormats"/>). Cheap substring checks run before any decoding.
/// </summary>
internal static class SecretLiteralDetector
{
    private const int MinimumJwtLength = 30;
    private const int MinimumPemBody = 64;

    private static readonly string[] PrivateKeyHeaders =
    {
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----",
        "-----BEGIN DSA PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
    };

    public static SecretLiteralKind? Detect(string text)
    {
        if (text.Length < MinimumJwtLength)
        {
            return ProviderSecretFormats.Detect(text);
        }

        if (text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0 && HasPrivateKeyBlock(text))
        {
            return SecretLiteralKind.PrivateKey;
        }

        if (text.IndexOf("eyJ", StringComparison.Ordinal) >= 0 && HasJwt(text))
        {
            return SecretLiteralKind.Jwt;
        }

        if (IsEntraClientSecret(text))
        {
            return SecretLiteralKind.EntraClientSecret;
        }

        return ProviderSecretFormats.Detect(text);
    }

    /// <summary>A PEM private-key header followed by base64 body text (a lone header line is parsing code, not a key).</summary>
    private static bool HasPrivateKeyBlock(string text)
    {
        foreach (var header in PrivateKeyHeaders)
        {
            var start = text.IndexOf(header, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var body = 0;
            for (var i = start + header.Length; i < text.Length && text[i] != '-'; i++)
            {
                var c = text[i];
                if (IsBase64Char(c) || c == '=')
                {
                    body++;
                }
                else if (c is not ('\r' or '\n' or ' ' or '\t' or ':' or ',') && !char.IsLetterOrDigit(c))
                {
                    // "Proc-Type: 4,ENCRYPTED" headers of legacy PEM are letters, digits and a few marks.
                    break;
                }
            }

            if (body >= MinimumPemBody)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasJwt(string text)
    {
        var index = 0;
        while ((index = text.IndexOf("eyJ", index, StringComparison.Ordinal)) >= 0)
        {
            if ((index == 0 || !IsBase64UrlChar(text[index - 1])) && IsJwtAt(text, index))
            {
                return true;
            }

            index += 3;
        }

        return false;
    }

    private static bool IsJwtAt(string text, int start)
    {
        var headerEnd = SegmentEnd(text, start);
        if (headerEnd >= text.Length || text[headerEnd] != '.' || headerEnd - start < 10)
        {
            return false;
        }

        var payloadEnd = SegmentEnd(text, headerEnd + 1);
        if (payloadEnd - (headerEnd + 1) < 2 || payloadEnd >= text.Length || text[payloadEnd] != '.')
        {
            return false;
        }

        var signatureEnd = SegmentEnd(text, payloadEnd + 1);
        if (signatureEnd < text.Length && text[signatureEnd] == '.')
        {
            // Five segments: an encrypted token (JWE) is still a token.
            signatureEnd = SegmentEnd(text, SegmentEnd(text, signatureEnd + 1) + 1);
        }

        var header = DecodeBase64Url(text, start, headerEnd - start);
        return header is not null
               && header.TrimStart().StartsWith("{", StringComparison.Ordinal)
               && header.IndexOf("\"alg\"", StringComparison.Ordinal) >= 0;
    }

    private static int SegmentEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && IsBase64UrlChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string? DecodeBase64Url(string text, int start, int length)
    {
        var builder = new StringBuilder(length + 3);
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            builder.Append(c == '-' ? '+' : c == '_' ? '/' : c);
        }

        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(builder.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Entra client secrets: three characters, a digit, <c>Q~</c>, then 31 to 34 of <c>[A-Za-z0-9_~.-]</c>
    /// (the format secret scanners use); the whole literal is the secret.
    /// </summary>
    private static bool IsEntraClientSecret(string text)
    {
        var value = text.Trim();
        if (value.Length is < 37 or > 40)
        {
            return false;
        }

        var marker = value.IndexOf("Q~", StringComparison.Ordinal);
        if (marker is not (3 or 4))
        {
            return false;
        }

        var letters = 0;
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!(IsAsciiLetterOrDigit(c) || c is '_' or '~' or '.' or '-'))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
        }

        return letters >= 8 && digits >= 2;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsBase64UrlChar(char c) => IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static bool IsBase64Char(char c) => IsAsciiLetterOrDigit(c) || c is '+' or '/';
}
