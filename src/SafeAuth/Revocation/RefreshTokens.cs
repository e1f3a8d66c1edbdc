using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Revocation;

/// <summary>
/// A stored refresh token: never the token itself, only its SHA-256 hash, bound to one client and one subject, in a
/// family that starts at sign-in and ends at <see cref="FamilyExpiresAt"/> (the absolute lifetime) whatever rotations happen.
/// </summary>
/// <param name="TokenHash">The base64url SHA-256 of the token's 32 random bytes.</param>
/// <param name="FamilyId">The sign-in this token descends from; reuse of any member revokes the whole family.</param>
/// <param name="Subject">The <c>sub</c> the access tokens are issued for.</param>
/// <param name="ClientId">The client the token was issued to; another client cannot redeem it.</param>
/// <param name="FamilyCreatedAt">When the family began (the sign-in).</param>
/// <param name="ExpiresAt">When this token expires: the sliding lifetime after its issue, never after <see cref="FamilyExpiresAt"/>.</param>
/// <param name="FamilyExpiresAt">When the family expires (the absolute lifetime).</param>
/// <param name="Used">Whether the token has been redeemed.</param>
public sealed record RefreshTokenRecord(
    string TokenHash,
    string FamilyId,
    string Subject,
    string ClientId,
    DateTimeOffset FamilyCreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset FamilyExpiresAt,
    bool Used = false);

/// <summary>Why a refresh token was or was not redeemed.</summary>
public enum RefreshTokenStatus
{
    /// <summary>Redeemed: a new access token and a new refresh token were issued, and this one is spent.</summary>
    Redeemed = 0,

    /// <summary>The text is not a refresh token of this service (length, characters); the store was not asked.</summary>
    Malformed,

    /// <summary>No such token (never issued, or forgotten after it expired).</summary>
    Unknown,

    /// <summary>The token's sliding or absolute lifetime is over.</summary>
    Expired,

    /// <summary>The token was already redeemed: its whole family and the subject's access tokens are now revoked (RFC 9700 §4.14.2).</summary>
    Reused,

    /// <summary>Another client presented the token; its family is revoked, since the token is in the wrong hands.</summary>
    WrongClient,

    /// <summary>The token's family or subject was revoked (a reuse, a sign-out everywhere).</summary>
    Revoked,

    /// <summary>The store could not be reached; nothing was redeemed.</summary>
    StoreUnavailable,
}

/// <summary>What the store did with one redemption.</summary>
/// <param name="Status">The outcome; only <see cref="RefreshTokenStatus.Redeemed"/> stored <paramref name="Replacement"/>.</param>
/// <param name="Presented">The record of the presented token, when it exists.</param>
/// <param name="Replacement">The new token's record, when redeemed.</param>
public readonly record struct RefreshTokenRedemption(RefreshTokenStatus Status, RefreshTokenRecord? Presented, RefreshTokenRecord? Replacement);

/// <summary>
/// Where refresh tokens are kept, by hash. <see cref="RedeemAsync"/> is atomic: of any number of concurrent redemptions of
/// one token exactly one succeeds, and a redemption of a spent token revokes its family in the same step.
/// </summary>
public interface IRefreshTokenStore
{
    /// <summary>Stores a new token (the first of a family, at sign-in).</summary>
    /// <param name="record">The token's record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is stored.</returns>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached.</exception>
    Task StoreAsync(RefreshTokenRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: finds <paramref name="tokenHash"/>; refuses it when unknown, revoked, spent (then revokes its family),
    /// presented by another client (then revokes its family) or expired; otherwise marks it spent and stores its
    /// replacement <paramref name="replacementHash"/> in the same family, expiring <paramref name="slidingLifetime"/>
    /// after <paramref name="now"/> but never after the family.
    /// </summary>
    /// <param name="tokenHash">The presented token's hash.</param>
    /// <param name="replacementHash">The new token's hash.</param>
    /// <param name="clientId">The client presenting it.</param>
    /// <param name="now">The current time.</param>
    /// <param name="slidingLifetime">How long the new token lives.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached.</exception>
    Task<RefreshTokenRedemption> RedeemAsync(string tokenHash, string replacementHash, string clientId, DateTimeOffset now, TimeSpan slidingLifetime, CancellationToken cancellationToken = default);

    /// <summary>Revokes every refresh-token family of <paramref name="subject"/> that began at or before <paramref name="startedUpTo"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="startedUpTo">Families that began at or before this instant are revoked.</param>
    /// <param name="keepUntil">How long to remember it: the absolute lifetime.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is stored.</returns>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached.</exception>
    Task RevokeSubjectAsync(string subject, DateTimeOffset startedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default);
}
