using System;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Thrown by <see cref="StrictJwtValidator.ValidateJsonWebToken(string)"/> and the <see cref="StrictJwt"/> helpers when a token
/// fails validation. The message names the failed check; it never contains key material or the token text.
/// </summary>
public sealed class JwtValidationException : SecurityTokenValidationException
{
    /// <summary>Creates the exception for a failed check.</summary>
    /// <param name="failure">The check that failed.</param>
    /// <param name="message">A description of the failure.</param>
    public JwtValidationException(JwtValidationFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception for a failed check, keeping the exception that caused it.</summary>
    /// <param name="failure">The check that failed.</param>
    /// <param name="message">A description of the failure.</param>
    /// <param name="innerException">The IdentityModel exception behind the failure, if any.</param>
    public JwtValidationException(JwtValidationFailure failure, string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The check that failed.</summary>
    public JwtValidationFailure Failure { get; }
}
