namespace SafeAuth.Tokens;

/// <summary>
/// The check that rejected a token in <see cref="StrictJwtValidator"/>. <see cref="None"/> means the token is valid.
/// </summary>
public enum JwtValidationFailure
{
    /// <summary>The token passed every check.</summary>
    None = 0,

    /// <summary>
    /// The text is not a compact JWS: a character outside <c>[A-Za-z0-9_.-]</c>, a segment count other than three,
    /// an empty segment, non-canonical base64url, or a header or payload that is not a UTF-8 JSON object.
    /// </summary>
    Malformed,

    /// <summary>The token is longer than <see cref="StrictJwtValidationOptions.MaximumTokenSizeInBytes"/>.</summary>
    TooLarge,

    /// <summary>The token is a JWE (five segments, or an <c>enc</c> header); only signed tokens are accepted.</summary>
    EncryptedTokenNotAccepted,

    /// <summary>The header declares a nested JWT (<c>cty: JWT</c>) and nested tokens are not accepted.</summary>
    NestedTokenNotAccepted,

    /// <summary>The token is unsigned: its signature segment is empty, or its <c>alg</c> header is <c>none</c> in any casing.</summary>
    UnsignedToken,

    /// <summary>The <c>alg</c> header names an algorithm outside the allowlist, or one that does not belong to the key that verified it.</summary>
    AlgorithmNotAllowed,

    /// <summary>The <c>alg</c> header is missing, empty or not a string.</summary>
    MissingAlgorithm,

    /// <summary>The header carries <c>crit</c>; no critical extension is understood.</summary>
    CriticalHeaderNotSupported,

    /// <summary>A JSON object in the header or payload repeats a member name.</summary>
    DuplicateMember,

    /// <summary><c>exp</c>, <c>nbf</c> or <c>iat</c> is not a JSON number within the range of a date.</summary>
    InvalidNumericDate,

    /// <summary>No key of the token's issuer verifies the signature.</summary>
    InvalidSignature,

    /// <summary>The <c>iss</c> claim is missing, not a string, or not a trusted issuer (ordinal compare).</summary>
    InvalidIssuer,

    /// <summary>The <c>aud</c> claim is missing, empty, or names no accepted audience (ordinal compare).</summary>
    InvalidAudience,

    /// <summary>The <c>typ</c> header is not a string, or <see cref="StrictJwtValidationOptions.ValidTypes"/> is set and <c>typ</c> is missing or not one of them.</summary>
    InvalidType,

    /// <summary>The <c>exp</c> claim is missing.</summary>
    MissingExpiration,

    /// <summary>The token expired longer ago than the clock skew.</summary>
    Expired,

    /// <summary>The <c>nbf</c> claim is later than now plus the clock skew.</summary>
    NotYetValid,

    /// <summary>The <c>iat</c> claim is missing while <see cref="StrictJwtValidationOptions.RequireIssuedAt"/> is set.</summary>
    MissingIssuedAt,

    /// <summary>The <c>iat</c> claim is later than now plus the clock skew.</summary>
    IssuedInFuture,

    /// <summary><c>exp</c> minus <c>iat</c> exceeds <see cref="StrictJwtValidationOptions.MaxTokenLifetime"/>.</summary>
    LifetimeTooLong,

    /// <summary>Anything else IdentityModel rejected.</summary>
    Other,

    /// <summary>The <c>nbf</c> claim is later than the <c>exp</c> claim.</summary>
    InvalidLifetime,

    /// <summary>The <c>kid</c> header is not a string, is empty, or is longer than the accepted 256 characters.</summary>
    InvalidKeyId,

    /// <summary>The header carries a member that changes how the token is processed and is not supported (<c>zip</c>, <c>b64</c>).</summary>
    UnsupportedHeaderParameter,

    /// <summary>
    /// The token marks itself as something other than an access token: an ID token, a logout or security event token, a
    /// DPoP proof, or another <c>typ</c> (see <see cref="StrictJwtValidationOptions.AcceptOnlyAccessTokens"/>).
    /// </summary>
    NotAnAccessToken,

    /// <summary>The token's <c>jti</c>, or its subject's tokens up to its <c>iat</c>, are revoked (<see cref="StrictJwtValidationOptions.RevocationStore"/>).</summary>
    Revoked,

    /// <summary>The revocation store could not be reached, and validation fails closed.</summary>
    RevocationStoreUnavailable,
}
