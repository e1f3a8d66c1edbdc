using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Revocation;

/// <summary>
/// Where revoked access tokens are remembered: one token by its <c>jti</c> until that token's own <c>exp</c>, or every
/// token of a subject issued up to an instant ("sign out everywhere", a ban). <see cref="Tokens.StrictJwtValidator"/>
/// consults it once per validation when it is configured. Implementations must be safe for concurrent use and make
/// <see cref="CheckAsync"/> one round trip at most.
/// </summary>
public interface ITokenRevocationStore
{
    /// <summary>Revokes the token with this <c>jti</c> until <paramref name="expiresAt"/> (its <c>exp</c>; later it is refused as expired anyway).</summary>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expiresAt">The token's <c>exp</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the revocation is stored.</returns>
    Task RevokeTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes every token of <paramref name="subject"/> issued at or before <paramref name="issuedUpTo"/>, remembered until
    /// <paramref name="keepUntil"/> (when every such token has expired). A later, earlier instant never shortens it.
    /// </summary>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="issuedUpTo">Tokens whose <c>iat</c> is at or before this instant are revoked.</param>
    /// <param name="keepUntil">How long to remember it: the longest lifetime a token of this subject can have.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the revocation is stored.</returns>
    Task RevokeSubjectAsync(string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default);

    /// <summary>Reads, in one round trip, whether the token is revoked and up to when the subject's tokens are.</summary>
    /// <param name="tokenId">The token's <c>jti</c>, if it has one.</param>
    /// <param name="subject">The token's <c>sub</c>, if it has one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What is revoked.</returns>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached.</exception>
    Task<RevocationState> CheckAsync(string? tokenId, string? subject, CancellationToken cancellationToken = default);
}

/// <summary>What a revocation store knows about one token.</summary>
/// <param name="TokenRevoked">The token's <c>jti</c> is revoked.</param>
/// <param name="SubjectRevokedUpTo">Tokens of the subject issued at or before this instant are revoked; <see langword="null"/> when none are.</param>
public readonly record struct RevocationState(bool TokenRevoked, DateTimeOffset? SubjectRevokedUpTo);

/// <summary>A revocation or refresh-token store could not be reached; validation fails closed unless configured otherwise.</summary>
public sealed class RevocationStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store client's exception.</param>
    public RevocationStoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
