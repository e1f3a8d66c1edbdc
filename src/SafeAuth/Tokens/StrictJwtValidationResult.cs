using System;
using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SafeAuth.Tokens;

/// <summary>
/// The outcome of <see cref="StrictJwtValidator.ValidateAsync"/>. When <see cref="IsValid"/> is <see langword="false"/>,
/// <see cref="Token"/> and <see cref="ClaimsIdentity"/> throw, so a failed result cannot be mistaken for a success.
/// </summary>
public sealed class StrictJwtValidationResult
{
    private readonly JsonWebToken? _token;
    private readonly ClaimsIdentity? _claimsIdentity;

    private StrictJwtValidationResult(JwtValidationFailure failure, string? failureMessage, Exception? exception, JsonWebToken? token, ClaimsIdentity? claimsIdentity)
    {
        Failure = failure;
        FailureMessage = failureMessage;
        Exception = exception;
        _token = token;
        _claimsIdentity = claimsIdentity;
    }

    /// <summary>Whether the token passed every check.</summary>
    public bool IsValid => Failure == JwtValidationFailure.None;

    /// <summary>The check that rejected the token; <see cref="JwtValidationFailure.None"/> when it is valid.</summary>
    public JwtValidationFailure Failure { get; }

    /// <summary>A description of the failed check, or <see langword="null"/> when the token is valid. Never contains key material.</summary>
    public string? FailureMessage { get; }

    /// <summary>The IdentityModel exception behind the failure, where there was one.</summary>
    public Exception? Exception { get; }

    /// <summary>The validated token.</summary>
    /// <exception cref="InvalidOperationException">The token is not valid.</exception>
    public JsonWebToken Token => _token ?? throw NotValid(nameof(Token));

    /// <summary>The claims of the validated token.</summary>
    /// <exception cref="InvalidOperationException">The token is not valid.</exception>
    public ClaimsIdentity ClaimsIdentity => _claimsIdentity ?? throw NotValid(nameof(ClaimsIdentity));

    /// <summary>Throws a <see cref="JwtValidationException"/> naming the failure when the token is not valid.</summary>
    /// <returns>This result, for chaining.</returns>
    /// <exception cref="JwtValidationException">The token is not valid.</exception>
    public StrictJwtValidationResult ThrowIfInvalid()
    {
        if (!IsValid)
            throw new JwtValidationException(Failure, FailureMessage ?? Failure.ToString(), Exception);
        return this;
    }

    internal static StrictJwtValidationResult Success(JsonWebToken token, ClaimsIdentity claimsIdentity)
        => new StrictJwtValidationResult(JwtValidationFailure.None, null, null, token, claimsIdentity);

    internal static StrictJwtValidationResult Failed(JwtValidationFailure failure, string message, Exception? exception = null)
    {
        if (failure == JwtValidationFailure.None)
            throw new ArgumentOutOfRangeException(nameof(failure));
        return new StrictJwtValidationResult(failure, message, exception, null, null);
    }

    private InvalidOperationException NotValid(string member)
        => new InvalidOperationException(string.Format(
            CultureInfo.InvariantCulture,
            "The token failed validation ({0}: {1}); {2} is only available when IsValid is true.",
            Failure,
            FailureMessage,
            member));
}
