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

    private const int MaxJsonDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static InspectedToken? Inspect(string? token, GateSettings settings, bool isInner, out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;

        if (string.IsNullOrEmpty(token))
            return Fail(JwtValidationFailure.Malformed, "The token is null or empty.", out failure, out message);

        // 1. Size, before anything else looks at the text.
        if (token.Length > settings.MaxTokenSizeInBytes)
        {
            return Fail(JwtValidationFailure.TooLarge,
                Format("The token is longer than the {0}-byte limit.", settings.MaxTokenSizeInBytes), out failure, out message);
        }

        // 2. Charset [A-Za-z0-9_.-] and segment count.
        int dots = 0;
        foreach (char c in token)
        {
            if (c == '.')
                dots++;
            else if (!IsBase64UrlChar(c))
                return Fail(JwtValidationFailure.Malformed, "The token contains a character outside [A-Za-z0-9_.-]: it is not a compact JWS (JSON serialization, padding, whitespace and '+'/'/' are refused).", out failure, out message);
        }

        if (dots == 4)
            return Fail(JwtValidationFailure.EncryptedTokenNotAccepted, "The token has five segments: it is a JWE, and only signed tokens (JWS) are accepted.", out failure, out message);
        if (dots != 2)
            return Fail(JwtValidationFailure.Malformed, Format("The token has {0} segments; a compact JWS has exactly three.", dots + 1), out failure, out message);

        int firstDot = token.IndexOf('.');
        int secondDot = token.IndexOf('.', firstDot + 1);
        string headerSegment = token.Substring(0, firstDot);
        string payloadSegment = token.Substring(firstDot + 1, secondDot - firstDot - 1);
        string signatureSegment = token.Substring(secondDot + 1);

        if (headerSegment.Length == 0)
            return Fail(JwtValidationFailure.Malformed, "The header segment is empty.", out failure, out message);
        if (payloadSegment.Length == 0)
            return Fail(JwtValidationFailure.Malformed, "The payload segment is empty.", out failure, out message);
        if (signatureSegment.Length == 0)
            return Fail(JwtValidationFailure.UnsignedToken, "The signature segment is empty: unsigned tokens are never accepted.", out failure, out message);

        // 3. Canonical base64url without padding.
        byte[]? headerBytes = DecodeSegment(headerSegment);
        byte[]? payloadBytes = DecodeSegment(payloadSegment);
        byte[]? signatureBytes = DecodeSegment(signatureSegment);
        if (headerBytes is null || payloadBytes is null || signatureBytes is null)
            return Fail(JwtValidationFailure.Malformed, "A segment is not canonical base64url without padding.", out failure, out message);

        // 4. Header: a UTF-8 JSON object without duplicate members.
        Dictionary<string, JsonMember>? header = ReadObject(headerBytes, "header", out failure, out message);
        if (header is null)
            return null;

        if (header.ContainsKey("enc"))
            return Fail(JwtValidationFailure.EncryptedTokenNotAccepted, "The header carries 'enc': it describes a JWE, and only signed tokens are accepted.", out failure, out message);

        // 5. alg: present, a string, in the allowlist by ordinal compare; 'none' never.
        if (!header.TryGetValue("alg", out JsonMember alg) || alg.Kind != JsonTokenType.String || string.IsNullOrEmpty(alg.String))
            return Fail(JwtValidationFailure.MissingAlgorithm, "The 'alg' header is missing, empty or not a string.", out failure, out message);
        string algorithm = alg.String!;
        if (algorithm.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return Fail(JwtValidationFailure.AlgorithmNotAllowed, "The 'alg' header is 'none' (in some casing): unsigned tokens are never accepted.", out failure, out message);
        if (!settings.Algorithms.Contains(algorithm))
            return Fail(JwtValidationFailure.AlgorithmNotAllowed, "The 'alg' header names an algorithm that is not in the allowlist (exact case).", out failure, out message);

        // 6. Members that change processing.
        if (header.ContainsKey("crit"))
            return Fail(JwtValidationFailure.CriticalHeaderNotSupported, "The header carries 'crit'; no critical header extension is supported (RFC 7515 §4.1.11).", out failure, out message);
        if (header.ContainsKey("b64"))
            return Fail(JwtValidationFailure.UnsupportedHeaderParameter, "The header carries 'b64' (RFC 7797 unencoded payload), which is not supported.", out failure, out message);
        if (header.ContainsKey("zip"))
            return Fail(JwtValidationFailure.UnsupportedHeaderParameter, "The header carries 'zip'; compressed payloads are not accepted.", out failure, out message);

        bool nested = false;
        if (header.TryGetValue("cty", out JsonMember cty))
        {
            if (cty.Kind != JsonTokenType.String)
                return Fail(JwtValidationFailure.Malformed, "The 'cty' header is not a string.", out failure, out message);
            if (string.Equals(cty.String, "JWT", StringComparison.OrdinalIgnoreCase))
            {
                if (!settings.AllowNestedTokens)
                    return Fail(JwtValidationFailure.NestedTokenNotAccepted, "The header declares a nested JWT ('cty': 'JWT'), and nested tokens are not accepted.", out failure, out message);
                if (isInner)
                    return Fail(JwtValidationFailure.NestedTokenNotAccepted, "The inner token of a nested JWT is itself nested; only one level of nesting is accepted.", out failure, out message);
                nested = true;
            }
        }

        // 7. typ (checked on the innermost token only, RFC 8725 §3.11).
        header.TryGetValue("typ", out JsonMember typ);
        if (typ.Kind != JsonTokenType.None && typ.Kind != JsonTokenType.String)
            return Fail(JwtValidationFailure.InvalidType, "The 'typ' header is not a string.", out failure, out message);
        if (!nested && settings.ValidTypes.Count > 0)
        {
            if (typ.Kind == JsonTokenType.None || string.IsNullOrEmpty(typ.String))
                return Fail(JwtValidationFailure.InvalidType, "The 'typ' header is missing, and an explicit type is required.", out failure, out message);
            if (!settings.ValidTypes.Contains(typ.String!))
                return Fail(JwtValidationFailure.InvalidType, "The 'typ' header is not one of the accepted types (exact case).", out failure, out message);
        }

        // 8. kid: only ever an exact dictionary key, so a string of bounded length.
        string? keyId = null;
        if (header.TryGetValue("kid", out JsonMember kid))
        {
            if (kid.Kind != JsonTokenType.String || string.IsNullOrEmpty(kid.String))
                return Fail(JwtValidationFailure.InvalidKeyId, "The 'kid' header is empty or not a string.", out failure, out message);
            if (kid.String!.Length > MaxKeyIdLength)
                return Fail(JwtValidationFailure.InvalidKeyId, Format("The 'kid' header is longer than {0} characters.", MaxKeyIdLength), out failure, out message);
            keyId = kid.String;
        }

        var inspected = new InspectedToken(token, headerSegment, payloadSegment, signatureBytes, payloadBytes, algorithm, keyId, nested);
        if (nested)
        {
            // The payload of a nested JWT is the inner token's compact text; the inner token gets the full gate later.
            foreach (byte b in payloadBytes)
            {
                if (b > 0x7F || !(b == '.' || IsBase64UrlChar((char)b)))
                    return Fail(JwtValidationFailure.Malformed, "The payload of a nested JWT is not a compact JWS.", out failure, out message);
            }

            return inspected;
        }

        // 9. Payload: a UTF-8 JSON object without duplicate members, with numeric dates.
        Dictionary<string, JsonMember>? payload = ReadObject(payloadBytes, "payload", out failure, out message);
        if (payload is null)
            return null;

        if (!TryReadNumericDate(payload, "exp", out double? exp) ||
            !TryReadNumericDate(payload, "nbf", out double? nbf) ||
            !TryReadNumericDate(payload, "iat", out double? iat))
        {
            return Fail(JwtValidationFailure.InvalidNumericDate, "'exp', 'nbf' or 'iat' is not a JSON number of seconds between 1970 and 9999 (RFC 7519 §2 NumericDate; strings are refused).", out failure, out message);
        }

        // iss and aud are compared by IdentityModel, but only once they have the shape RFC 7519 §4.1 gives them.
        if (payload.TryGetValue("iss", out JsonMember iss) && iss.Kind != JsonTokenType.String)
            return Fail(JwtValidationFailure.InvalidIssuer, "The 'iss' claim is not a string.", out failure, out message);
        if (payload.TryGetValue("aud", out JsonMember aud) && aud.Kind != JsonTokenType.String && !(aud.Kind == JsonTokenType.StartArray && aud.IsArrayOfStrings))
            return Fail(JwtValidationFailure.InvalidAudience, "The 'aud' claim is neither a string nor an array of strings.", out failure, out message);

        if (exp is null)
            return Fail(JwtValidationFailure.MissingExpiration, "The 'exp' claim is missing; every token must expire.", out failure, out message);

        inspected.Expires = exp;
        inspected.NotBefore = nbf;
        inspected.IssuedAt = iat;
        return inspected;
    }

    private static bool TryReadNumericDate(Dictionary<string, JsonMember> payload, string name, out double? value)
    {
        value = null;
        if (!payload.TryGetValue(name, out JsonMember member))
            return true;
        if (member.Kind != JsonTokenType.Number || member.Number is not double number)
            return false;
        if (double.IsNaN(number) || double.IsInfinity(number) || number < 0 || number > MaxNumericDate)
            return false;
        value = number;
        return true;
    }

    private static Dictionary<string, JsonMember>? ReadObject(byte[] utf8, string part, out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;

        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            Fail(JwtValidationFailure.Malformed, Format("The {0} starts with a byte order mark.", part), out failure, out message);
            return null;
        }

        try
        {
            _ = StrictUtf8.GetCharCount(utf8);
        }
        catch (DecoderFallbackException)
        {
            Fail(JwtValidationFailure.Malformed, Format("The {0} is not valid UTF-8 (RFC 8725 §3.7).", part), out failure, out message);
            return null;
        }

        var members = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Fail(JwtValidationFailure.Malformed, Format("The {0} is not a JSON object.", part), out failure, out message);
                return null;
            }

            // One name set per open object; null for an open array.
            var scopes = new Stack<HashSet<string>?>();
            scopes.Push(new HashSet<string>(StringComparer.Ordinal));
            string? topLevelName = null;
            string? topLevelArray = null;
            bool arrayOfStrings = true;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        string name = reader.GetString()!;
                        if (!scopes.Peek()!.Add(name))
                        {
                            Fail(JwtValidationFailure.DuplicateMember, Format("The {0} repeats a member name; duplicates are refused rather than resolved (RFC 7515 §4, RFC 7519 §4).", part), out failure, out message);
                            return null;
                        }

                        if (scopes.Count == 1)
                            topLevelName = name;
                        break;
                    case JsonTokenType.StartObject:
                        if (scopes.Count == 2 && topLevelArray is not null)
                            arrayOfStrings = false;
                        Record(members, scopes, ref topLevelName, new JsonMember(JsonTokenType.StartObject, null, null));
                        scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        if (scopes.Count == 2 && topLevelArray is not null)
                            arrayOfStrings = false;
                        if (scopes.Count == 1)
                        {
                            topLevelArray = topLevelName;
                            arrayOfStrings = true;
                        }

                        Record(members, scopes, ref topLevelName, new JsonMember(JsonTokenType.StartArray, null, null));
                        scopes.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                        scopes.Pop();
                        break;
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        if (scopes.Count == 1 && topLevelArray is not null)
                        {
                            members[topLevelArray] = new JsonMember(JsonTokenType.StartArray, null, null, arrayOfStrings);
                            topLevelArray = null;
                        }

                        break;
                    case JsonTokenType.String:
                        Record(members, scopes, ref topLevelName, new JsonMember(JsonTokenType.String, reader.GetString(), null));
                        break;
                    case JsonTokenType.Number:
                        if (scopes.Count == 2 && topLevelArray is not null)
                            arrayOfStrings = false;
                        Record(members, scopes, ref topLevelName, new JsonMember(JsonTokenType.Number, null, reader.TryGetDouble(out double d) ? d : null));
                        break;
                    default:
                        if (scopes.Count == 2 && topLevelArray is not null)
                            arrayOfStrings = false;
                        Record(members, scopes, ref topLevelName, new JsonMember(reader.TokenType, null, null));
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated or trailing content, comments, invalid escapes or lone surrogates.
            Fail(JwtValidationFailure.Malformed, Format("The {0} is not a single well-formed JSON object.", part), out failure, out message);
            return null;
        }

        return members;
    }

    private static void Record(Dictionary<string, JsonMember> members, Stack<HashSet<string>?> scopes, ref string? topLevelName, JsonMember value)
    {
        if (scopes.Count == 1 && topLevelName is not null)
        {
            members[topLevelName] = value;
            topLevelName = null;
        }
    }

    internal static byte[]? DecodeSegment(string segment)
    {
        if (segment.Length % 4 == 1)
            return null;

        var builder = new StringBuilder(segment.Length + 3);
        foreach (char c in segment)
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

    private static InspectedToken? Fail(JwtValidationFailure failure, string text, out JwtValidationFailure failureOut, out string messageOut)
    {
        failureOut = failure;
        messageOut = text;
        return null;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>The settings the gate needs, fixed when the validator is built.</summary>
internal sealed class GateSettings
{
    public GateSettings(int maxTokenSizeInBytes, IEnumerable<string> algorithms, IEnumerable<string> validTypes, bool allowNestedTokens)
    {
        MaxTokenSizeInBytes = maxTokenSizeInBytes;
        Algorithms = new HashSet<string>(algorithms, StringComparer.Ordinal);
        ValidTypes = new HashSet<string>(validTypes, StringComparer.Ordinal);
        AllowNestedTokens = allowNestedTokens;
    }

    public int MaxTokenSizeInBytes { get; }

    public HashSet<string> Algorithms { get; }

    public HashSet<string> ValidTypes { get; }

    public bool AllowNestedTokens { get; }
}

/// <summary>What the gate learnt about a token that passed it.</summary>
internal sealed class InspectedToken
{
    public InspectedToken(string token, string headerSegment, string payloadSegment, byte[] signature, byte[] payloadBytes, string algorithm, string? keyId, bool isNested)
    {
        Token = token;
        HeaderSegment = headerSegment;
        PayloadSegment = payloadSegment;
        Signature = signature;
        PayloadBytes = payloadBytes;
        Algorithm = algorithm;
        KeyId = keyId;
        IsNested = isNested;
    }

    public string Token { get; }

    public string HeaderSegment { get; }

    public string PayloadSegment { get; }

    public byte[] Signature { get; }

    public byte[] PayloadBytes { get; }

    public string Algorithm { get; }

    public string? KeyId { get; }

    public bool IsNested { get; }

    public double? Expires { get; set; }

    public double? NotBefore { get; set; }

    public double? IssuedAt { get; set; }
}

/// <summary>A top-level JSON member: its token kind and, for strings and numbers, its value.</summary>
internal readonly record struct JsonMember(JsonTokenType Kind, string? String, double? Number, bool IsArrayOfStrings = false);
