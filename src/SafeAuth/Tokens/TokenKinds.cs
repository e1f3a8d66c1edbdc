using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SafeAuth.Tokens;

/// <summary>
/// What a token says it is (RFC 8725 §3.11): its <c>typ</c> media type, compared case-insensitively with the
/// <c>application/</c> prefix optional (RFC 7515 §4.1.9), and the claims that only other kinds of token carry.
/// </summary>
internal static class TokenKinds
{
    /// <summary>The <c>typ</c> values an access token may carry when no <c>ValidTypes</c> are configured.</summary>
    internal static readonly string[] DefaultAccessTokenTypes = { "jwt", "jose", "at+jwt" };

    /// <summary>Media types that mark a token as something other than an access token, with what they mark.</summary>
    private static readonly Dictionary<string, string> OtherKinds = new(StringComparer.Ordinal)
    {
        ["logout+jwt"] = "an OpenID Connect logout token",
        ["secevent+jwt"] = "a security event token (RFC 8417)",
        ["dpop+jwt"] = "a DPoP proof (RFC 9449)",
        ["id_token+jwt"] = "an ID token",
        ["token-introspection+jwt"] = "a token introspection response (RFC 9701)",
        ["oauth-authz-req+jwt"] = "an authorization request object (RFC 9101)",
        ["client-authentication+jwt"] = "a client assertion",
        ["kb+jwt"] = "an SD-JWT key binding token",
        ["entity-statement+jwt"] = "an OpenID Federation entity statement",
        ["jwk-set+jwt"] = "a signed JWK set",
        ["txn-token+jwt"] = "a transaction token",
        ["refresh+jwt"] = "a refresh token",
    };

    /// <summary>Lower-case, without the optional <c>application/</c> prefix.</summary>
    public static string Normalize(string mediaType)
    {
        var lower = mediaType.ToLowerInvariant();
        return lower.StartsWith("application/", StringComparison.Ordinal) ? lower.Substring("application/".Length) : lower;
    }

    /// <summary>What <paramref name="normalizedType"/> marks, when it is a known kind of token other than an access token.</summary>
    public static string? OtherKind(string normalizedType)
        => OtherKinds.TryGetValue(normalizedType, out var kind) ? kind : null;

    /// <summary>Step 7: <c>typ</c>, checked on the innermost token only.</summary>
    public static bool CheckType(Dictionary<string, JsonMember> header, GateSettings settings, bool nested, out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;
        header.TryGetValue("typ", out var typ);
        if (typ.Kind != JsonTokenType.None && typ.Kind != JsonTokenType.String)
        {
            return Refuse(JwtValidationFailure.InvalidType, "The 'typ' header is not a string.", out failure, out message);
        }

        if (nested)
        {
            return true;
        }

        var present = typ.Kind == JsonTokenType.String && !string.IsNullOrEmpty(typ.String);
        var normalized = present ? Normalize(typ.String!) : null;
        if (settings.ValidTypes.Count > 0)
        {
            if (normalized is null)
            {
                return Refuse(JwtValidationFailure.InvalidType, "The 'typ' header is missing, and an explicit type is required.", out failure, out message);
            }

            return settings.ValidTypes.Contains(normalized)
                || Refuse(JwtValidationFailure.InvalidType, "The 'typ' header is not one of the accepted types.", out failure, out message);
        }

        if (normalized is null || !settings.AcceptOnlyAccessTokens || Array.IndexOf(DefaultAccessTokenTypes, normalized) >= 0)
        {
            return true;
        }

        var kind = OtherKind(normalized);
        return Refuse(
            JwtValidationFailure.NotAnAccessToken,
            kind is null
                ? "The 'typ' header names a type that is not an access token (JWT, at+jwt); list it in ValidTypes to accept it."
                : "The 'typ' header marks " + kind + ", not an access token.",
            out failure,
            out message);
    }

    /// <summary>Claims only ID tokens, logout and security-event tokens and DPoP proofs carry.</summary>
    public static bool CheckClaims(Dictionary<string, JsonMember> payload, GateSettings settings, out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;
        if (!settings.AcceptOnlyAccessTokens)
        {
            return true;
        }

        foreach (var claim in new[] { "nonce", "at_hash", "c_hash", "s_hash" })
        {
            if (payload.ContainsKey(claim))
            {
                return Refuse(JwtValidationFailure.NotAnAccessToken, Format("The token carries '{0}', which marks an ID token, not an access token.", claim), out failure, out message);
            }
        }

        if (payload.TryGetValue("token_use", out var use) && !(use.Kind == JsonTokenType.String && string.Equals(use.String, "access", StringComparison.Ordinal)))
        {
            return Refuse(JwtValidationFailure.NotAnAccessToken, "The token's 'token_use' claim is not 'access'.", out failure, out message);
        }

        if (payload.ContainsKey("events"))
        {
            return Refuse(JwtValidationFailure.NotAnAccessToken, "The token carries 'events', which marks a logout or security event token, not an access token.", out failure, out message);
        }

        if (payload.ContainsKey("htm") && payload.ContainsKey("htu"))
        {
            return Refuse(JwtValidationFailure.NotAnAccessToken, "The token carries 'htm' and 'htu', which mark a DPoP proof, not an access token.", out failure, out message);
        }

        return true;
    }

    private static bool Refuse(JwtValidationFailure reason, string text, out JwtValidationFailure failure, out string message)
    {
        failure = reason;
        message = text;
        return false;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
