using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SafeAuth.Tokens;

/// <summary>
/// The outcome of <see cref="StrictJwtValidator.ValidateAsync"/>. When <see cref="IsValid"/> is <see langword="false"/>,
/// <see cref="Token"/> and <see cref="ClaimsIdentity"/> are <see langword="null"/> (the nullable annotations make the
/// compiler ask for the check), so a failed result cannot be mistaken for a success.
/// </summary>
public sealed class StrictJwtValidationResult
{
    private StrictJwtValidationResult(JwtValidationFailure failure, string? failureMessage, Exception? exception, JsonWebToken? token, ClaimsIdentity? claimsIdentity)
    {
        Failure = failure;
        FailureMessage = failureMessage;
        Exception = exception;
        Token = token;
        ClaimsIdentity = claimsIdentity;
    }

    /// <summary>Whether the token passed every check; when it is <see langword="true"/>, <see cref="Token"/> and <see cref="ClaimsIdentity"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Token), nameof(ClaimsIdentity))]
    public bool IsValid => Failure == JwtValidationFailure.None;

    /// <summary>The check that rejected the token; <see cref="JwtValidationFailure.None"/> when it is valid.</summary>
    public JwtValidationFailure Failure { get; }

    /// <summary>A description of the failed check, or <see langword="null"/> when the token is valid. Never contains key material.</summary>
    public string? FailureMessage { get; }

    /// <summary>The IdentityModel exception behind the failure, where there was one.</summary>
    public Exception? Exception { get; }

    /// <summary>The validated token, or <see langword="null"/> when <see cref="IsValid"/> is <see langword="false"/>.</summary>
    public JsonWebToken? Token { get; }

    /// <summary>The claims of the validated token, or <see langword="null"/> when <see cref="IsValid"/> is <see langword="false"/>.</summary>
    public ClaimsIdentity? ClaimsIdentity { get; }

    internal static StrictJwtValidationResult Success(JsonWebToken token, ClaimsIdentity claimsIdentity)
        => new StrictJwtValidationResult(JwtValidationFailure.None, null, null, token, claimsIdentity);

    internal static StrictJwtValidationResult Failed(JwtValidationFailure failure, string message, Exception? exception = null)
    {
        if (failure == JwtValidationFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure));
        }

        return new StrictJwtValidationResult(failure, message, exception, null, null);
    }
}
