using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// The pre-parse gate run on the raw token text before IdentityModel sees it (reference §8(a)): size, charset and
/// segments, canonical base64url, UTF-8 JSON objects without duplicate members, and the header and date checks that
/// IdentityModel does not make.
/// </summary>
internal static class JwtGate
{
    /// <summary>The longest accepted <c>kid</c>; <c>kid</c> is only ever an exact dictionary key.</summary>
    internal const int MaxKeyIdLength = 256;

    /// <summary>9999-12-31T23:59:59Z, the last instant a <see cref="DateTime"/> can hold.</summary>
    internal const double MaxNumericDate = 253402300799;

    internal static InspectedToken? Inspect(string? token, GateSettings settings, bool isInner, out JwtValidationFailure failure, out string message)
    {
        if (!TrySplit(token, settings, out var segments, out failure, out message))
        {
            return null;
        }

        // 4. Header: a UTF-8 JSON object without duplicate members.
        var header = GateJson.ReadObject(segments.HeaderBytes, "header", out failure, out message);
        if (header is null)
        {
            return null;
        }

        if (!CheckAlgorithm(header, settings, out var algorithm, out failure, out message)
            || !CheckProcessingMembers(header, settings, isInner, out var nested, out failure, out message)
            || !TokenKinds.CheckType(header, settings, nested, out failure, out message)
            || !CheckKeyId(header, out var keyId, out failure, out message))
        {
            return null;
        }

        var inspected = new InspectedToken(token!, segments.Header, segments.Payload, segments.SignatureBytes, segments.PayloadBytes, algorithm, keyId, nested);
        if (nested)
        {
            // The payload of a nested JWT is the inner token's compact text; the inner token gets the full gate later.
            foreach (var b in segments.PayloadBytes)
            {
                if (b > 0x7F || !(b == '.' || IsBase64UrlChar((char)b)))
                {
                    return Fail(JwtValidationFailure.Malformed, "The payload of a nested JWT is not a compact JWS.", out failure, out message);
                }
            }

            return inspected;
        }

        return CheckPayload(inspected, settings, out failure, out message) ? inspected : null;
    }

    /// <summary>Steps 1–3: size, charset and segment count, non-empty segments, canonical base64url.</summary>
    private static bool TrySplit(string? token, GateSettings settings, out Segments segments, out JwtValidationFailure failure, out string message)
    {
        segments = default;
        if (string.IsNullOrEmpty(token))
        {
            return Refuse(JwtValidationFailure.Malformed, "The token is null or empty.", out failure, out message);
        }

        // 1. Size, before anything else looks at the text.
        if (token.Length > settings.MaxTokenSizeInBytes)
        {
            return Refuse(JwtValidationFailure.TooLarge,
                Format("The token is longer than the {0}-byte limit.", settings.MaxTokenSizeInBytes), out failure, out message);
        }

        if (!CheckShape(token, out failure, out message))
        {
            return false;
        }

        var firstDot = token.IndexOf('.');
        var secondDot = token.IndexOf('.', firstDot + 1);
        var headerSegment = token.Substring(0, firstDot);
        var payloadSegment = token.Substring(firstDot + 1, secondDot - firstDot - 1);
        var signatureSegment = token.Substring(secondDot + 1);

        if (headerSegment.Length == 0)
        {
            return Refuse(JwtValidationFailure.Malformed, "The header segment is empty.", out failure, out message);
        }

        if (payloadSegment.Length == 0)
        {
            return Refuse(JwtValidationFailure.Malformed, "The payload segment is empty.", out failure, out message);
        }

        if (signatureSegment.Length == 0)
        {
            return Refuse(JwtValidationFailure.UnsignedToken, "The signature segment is empty: unsigned tokens are never accepted.", out failure, out message);
        }

        // 3. Canonical base64url without padding.
        var headerBytes = DecodeSegment(headerSegment);
        var payloadBytes = DecodeSegment(payloadSegment);
        var signatureBytes = DecodeSegment(signatureSegment);
        if (headerBytes is null || payloadBytes is null || signatureBytes is null)
        {
            return Refuse(JwtValidationFailure.Malformed, "A segment is not canonical base64url without padding.", out failure, out message);
        }

        segments = new Segments(headerSegment, payloadSegment, headerBytes, payloadBytes, signatureBytes);
        return Accept(out failure, out message);
    }

    /// <summary>Step 2: charset <c>[A-Za-z0-9_.-]</c> and segment count.</summary>
    private static bool CheckShape(string token, out JwtValidationFailure failure, out string message)
    {
        var dots = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!IsBase64UrlChar(c))
            {
                return Refuse(JwtValidationFailure.Malformed, "The token contains a character outside [A-Za-z0-9_.-]: it is not a compact JWS (JSON serialization, padding, whitespace and '+'/'/' are refused).", out failure, out message);
            }
        }

        if (dots == 4)
        {
            return Refuse(JwtValidationFailure.EncryptedTokenNotAccepted, "The token has five segments: it is a JWE, and only signed tokens (JWS) are accepted.", out failure, out message);
        }

        if (dots != 2)
        {
            return Refuse(JwtValidationFailure.Malformed, Format("The token has {0} segments; a compact JWS has exactly three.", dots + 1), out failure, out message);
        }

        return Accept(out failure, out message);
    }

    /// <summary>Step 5 (after a JWE's <c>enc</c>): <c>alg</c> present, a string, in the allowlist by ordinal compare; <c>none</c> never.</summary>
    private static bool CheckAlgorithm(Dictionary<string, JsonMember> header, GateSettings settings, out string algorithm, out JwtValidationFailure failure, out string message)
    {
        algorithm = string.Empty;
        if (header.ContainsKey("enc"))
        {
            return Refuse(JwtValidationFailure.EncryptedTokenNotAccepted, "The header carries 'enc': it describes a JWE, and only signed tokens are accepted.", out failure, out message);
        }

        if (!header.TryGetValue("alg", out var alg) || alg.Kind != JsonTokenType.String || string.IsNullOrEmpty(alg.String))
        {
            return Refuse(JwtValidationFailure.MissingAlgorithm, "The 'alg' header is missing, empty or not a string.", out failure, out message);
        }

        algorithm = alg.String!;
        if (algorithm.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(JwtValidationFailure.UnsignedToken, "The 'alg' header is 'none' (in some casing): unsigned tokens are never accepted.", out failure, out message);
        }

        if (!settings.Algorithms.Contains(algorithm))
        {
            return Refuse(JwtValidationFailure.AlgorithmNotAllowed, "The 'alg' header names an algorithm that is not in the allowlist (exact case).", out failure, out message);
        }

        return Accept(out failure, out message);
    }

    /// <summary>Step 6: members that change processing (<c>crit</c>, <c>b64</c>, <c>zip</c>, a nested <c>cty</c>).</summary>
    private static bool CheckProcessingMembers(Dictionary<string, JsonMember> header, GateSettings settings, bool isInner, out bool nested, out JwtValidationFailure failure, out string message)
    {
        nested = false;
        if (header.ContainsKey("crit"))
        {
            return Refuse(JwtValidationFailure.CriticalHeaderNotSupported, "The header carries 'crit'; no critical header extension is supported (RFC 7515 §4.1.11).", out failure, out message);
        }

        if (header.ContainsKey("b64"))
        {
            return Refuse(JwtValidationFailure.UnsupportedHeaderParameter, "The header carries 'b64' (RFC 7797 unencoded payload), which is not supported.", out failure, out message);
        }

        if (header.ContainsKey("zip"))
        {
            return Refuse(JwtValidationFailure.UnsupportedHeaderParameter, "The header carries 'zip'; compressed payloads are not accepted.", out failure, out message);
        }

        if (header.TryGetValue("cty", out var cty))
        {
            if (cty.Kind != JsonTokenType.String)
            {
                return Refuse(JwtValidationFailure.Malformed, "The 'cty' header is not a string.", out failure, out message);
            }
            // RFC 7515 §4.1.10: the "application/" prefix of a media type may be omitted, so both spellings mean nested.
            if (string.Equals(cty.String, "JWT", StringComparison.OrdinalIgnoreCase)
                || string.Equals(cty.String, "application/jwt", StringComparison.OrdinalIgnoreCase))
            {
                if (!settings.AllowNestedTokens)
                {
                    return Refuse(JwtValidationFailure.NestedTokenNotAccepted, "The header declares a nested JWT ('cty': 'JWT'), and nested tokens are not accepted.", out failure, out message);
                }

                if (isInner)
                {
                    return Refuse(JwtValidationFailure.NestedTokenNotAccepted, "The inner token of a nested JWT is itself nested; only one level of nesting is accepted.", out failure, out message);
                }

                nested = true;
            }
        }

        return Accept(out failure, out message);
    }

    /// <summary>Step 8: <c>kid</c> is only ever an exact dictionary key, so a string of bounded length.</summary>
    private static bool CheckKeyId(Dictionary<string, JsonMember> header, out string? keyId, out JwtValidationFailure failure, out string message)
    {
        keyId = null;
        if (header.TryGetValue("kid", out var kid))
        {
            if (kid.Kind != JsonTokenType.String || string.IsNullOrEmpty(kid.String))
            {
                return Refuse(JwtValidationFailure.InvalidKeyId, "The 'kid' header is empty or not a string.", out failure, out message);
            }

            if (kid.String!.Length > MaxKeyIdLength)
            {
                return Refuse(JwtValidationFailure.InvalidKeyId, Format("The 'kid' header is longer than {0} characters.", MaxKeyIdLength), out failure, out message);
            }

            keyId = kid.String;
        }

        return Accept(out failure, out message);
    }

    /// <summary>Step 9: the payload is a UTF-8 JSON object without duplicate members, with numeric dates and an <c>exp</c>.</summary>
    private static bool CheckPayload(InspectedToken inspected, GateSettings settings, out JwtValidationFailure failure, out string message)
    {
        var payload = GateJson.ReadObject(inspected.PayloadBytes, "payload", out failure, out message);
        if (payload is null)
        {
            return false;
        }

        if (!TryReadNumericDate(payload, "exp", out var exp) ||
            !TryReadNumericDate(payload, "nbf", out var nbf) ||
            !TryReadNumericDate(payload, "iat", out var iat))
        {
            return Refuse(JwtValidationFailure.InvalidNumericDate, "'exp', 'nbf' or 'iat' is not a JSON number of seconds between 1970 and 9999 (RFC 7519 §2 NumericDate; strings are refused).", out failure, out message);
        }

        // iss and aud are compared by IdentityModel, but only once they have the shape RFC 7519 §4.1 gives them.
        if (payload.TryGetValue("iss", out var iss) && iss.Kind != JsonTokenType.String)
        {
            return Refuse(JwtValidationFailure.InvalidIssuer, "The 'iss' claim is not a string.", out failure, out message);
        }

        if (payload.TryGetValue("aud", out var aud) && aud.Kind != JsonTokenType.String && !(aud.Kind == JsonTokenType.StartArray && aud.IsArrayOfStrings))
        {
            return Refuse(JwtValidationFailure.InvalidAudience, "The 'aud' claim is neither a string nor an array of strings.", out failure, out message);
        }

        if (!TokenKinds.CheckClaims(payload, settings, out failure, out message))
        {
            return false;
        }

        if (exp is null)
        {
            return Refuse(JwtValidationFailure.MissingExpiration, "The 'exp' claim is missing; every token must expire.", out failure, out message);
        }

        inspected.Issuer = iss.Kind == JsonTokenType.String ? iss.String : null;
        inspected.Expires = exp;
        inspected.NotBefore = nbf;
        inspected.IssuedAt = iat;
        return true;
    }

    private static bool TryReadNumericDate(Dictionary<string, JsonMember> payload, string name, out double? value)
    {
        value = null;
        if (!payload.TryGetValue(name, out var member))
        {
            return true;
        }

        if (member.Kind != JsonTokenType.Number || member.Number is not double number)
        {
            return false;
        }

        if (double.IsNaN(number) || double.IsInfinity(number) || number < 0 || number > MaxNumericDate)
        {
            return false;
        }

        value = number;
        return true;
    }

    internal static byte[]? DecodeSegment(string segment)
    {
        if (segment.Length % 4 == 1)
        {
            return null;
        }

        var builder = new StringBuilder(segment.Length + 3);
        foreach (var c in segment)
        {
            builder.Append(c switch
            {
                '-' => '+',
                '_' => '/',
                _ => c,
            });
        }

        builder.Append('=', (4 - (segment.Length % 4)) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(builder.ToString());
        }
        catch (FormatException)
        {
            return null;
        }

        // Refuse non-canonical encodings (non-zero unused bits), so one token has exactly one spelling.
        return string.Equals(Base64UrlEncoder.Encode(bytes), segment, StringComparison.Ordinal) ? bytes : null;
    }

    private static bool IsBase64UrlChar(char c)
        => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

    internal static InspectedToken? Fail(JwtValidationFailure failure, string text, out JwtValidationFailure failureOut, out string messageOut)
    {
        failureOut = failure;
        messageOut = text;
        return null;
    }

    internal static Dictionary<string, JsonMember>? FailJson(JwtValidationFailure failure, string text, out JwtValidationFailure failureOut, out string messageOut)
    {
        Fail(failure, text, out failureOut, out messageOut);
        return null;
    }

    private static bool Refuse(JwtValidationFailure failure, string text, out JwtValidationFailure failureOut, out string messageOut)
    {
        Fail(failure, text, out failureOut, out messageOut);
        return false;
    }

    private static bool Accept(out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;
        return true;
    }

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>The three segments of a compact JWS: the header and payload text, and the decoded bytes of all three.</summary>
internal readonly record struct Segments(string Header, string Payload, byte[] HeaderBytes, byte[] PayloadBytes, byte[] SignatureBytes);
