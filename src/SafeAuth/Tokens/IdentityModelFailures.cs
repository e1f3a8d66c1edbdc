using System;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>Maps IdentityModel's validation exceptions to a <see cref="JwtValidationFailure"/> and a message that quotes no token content.</summary>
internal static class IdentityModelFailures
{
    internal static JwtValidationFailure Classify(Exception? exception) => exception switch
    {
        null => JwtValidationFailure.Other,
        SecurityTokenInvalidAlgorithmException => JwtValidationFailure.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidSignatureException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidSigningKeyException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidIssuerException => JwtValidationFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => JwtValidationFailure.InvalidAudience,
        SecurityTokenInvalidTypeException => JwtValidationFailure.InvalidType,
        SecurityTokenNoExpirationException => JwtValidationFailure.MissingExpiration,
        SecurityTokenExpiredException => JwtValidationFailure.Expired,
        SecurityTokenNotYetValidException => JwtValidationFailure.NotYetValid,
        SecurityTokenInvalidLifetimeException => JwtValidationFailure.InvalidLifetime,
        SecurityTokenDecryptionFailedException => JwtValidationFailure.EncryptedTokenNotAccepted,
        SecurityTokenMalformedException => JwtValidationFailure.Malformed,
        ArgumentException => JwtValidationFailure.Malformed, // IDX14101 and kin: a claim IdentityModel cannot read
        _ => JwtValidationFailure.Other,
    };

    internal static string Describe(JwtValidationFailure failure, Exception? exception)
    {
        var text = failure switch
        {
            JwtValidationFailure.AlgorithmNotAllowed => "The 'alg' header is not allowed.",
            JwtValidationFailure.InvalidSignature => "The signature could not be verified with any configured key.",
            JwtValidationFailure.InvalidIssuer => "The 'iss' claim is missing or is not an accepted issuer.",
            JwtValidationFailure.InvalidAudience => "The 'aud' claim is missing, empty, or names no accepted audience.",
            JwtValidationFailure.InvalidType => "The 'typ' header is missing or is not an accepted type.",
            JwtValidationFailure.MissingExpiration => "The 'exp' claim is missing.",
            JwtValidationFailure.Expired => "The token has expired.",
            JwtValidationFailure.NotYetValid => "The token is not valid yet.",
            JwtValidationFailure.InvalidLifetime => "The token's lifetime is invalid.",
            JwtValidationFailure.EncryptedTokenNotAccepted => "Encrypted tokens are not accepted.",
            JwtValidationFailure.Malformed => "The token is malformed.",
            _ => "IdentityModel rejected the token.",
        };

        // IdentityModel messages start with a stable code such as "IDX10503:"; keep only the code, since the rest
        // may quote token content.
        var code = exception?.Message is { Length: >= 8 } m && m.StartsWith("IDX", StringComparison.Ordinal) && m.Length > 8 && m[8] == ':'
            ? m.Substring(0, 8)
            : null;
        return code is null ? text : text + " (" + code + ")";
    }
}
