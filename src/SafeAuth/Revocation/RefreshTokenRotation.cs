using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tokens;

namespace SafeAuth.Revocation;

/// <summary>
/// Short-lived access tokens with rotating refresh tokens (RFC 9700 §4.14): a refresh token is 256 random bits, stored
/// only as a hash, bound to its client and subject, and redeemable once; redeeming returns a new access token and a new
/// refresh token; redeeming a spent one revokes its whole family and the subject's access tokens. Thread-safe.
/// </summary>
public sealed class RefreshTokenRotation
{
    /// <summary>The length of a refresh token: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    private readonly IRefreshTokenStore _store;
    private readonly ITokenRevocationStore _revocations;
    private readonly StrictJwtIssuer _issuer;
    private readonly RefreshTokenOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where refresh tokens are kept.</param>
    /// <param name="revocations">Where revoked access tokens are kept (consulted by the validator).</param>
    /// <param name="issuer">Issues the access tokens.</param>
    /// <param name="options">Lifetimes.</param>
    /// <exception cref="ArgumentException">A lifetime is not positive, or the absolute lifetime is shorter than the sliding one.</exception>
    public RefreshTokenRotation(IRefreshTokenStore store, ITokenRevocationStore revocations, StrictJwtIssuer issuer, IOptions<RefreshTokenOptions> options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _revocations = revocations ?? throw new ArgumentNullException(nameof(revocations));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        var problem = _options.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _time = _options.TimeProvider;
    }

    /// <summary>Signs <paramref name="subject"/> in for <paramref name="clientId"/>: a new family, an access token and its first refresh token.</summary>
    /// <param name="subject">The <c>sub</c> of the access tokens.</param>
    /// <param name="clientId">The client the tokens are issued to (written as <c>client_id</c>, RFC 9068).</param>
    /// <param name="claims">Further access-token claims.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<RefreshTokenResult> SignInAsync(string subject, string clientId, IEnumerable<Claim>? claims = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var now = _time.GetUtcNow();
        var (token, hash) = NewToken();
        var family = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var familyEnd = now + _options.AbsoluteLifetime;
        var record = new RefreshTokenRecord(hash, family, subject, clientId, now, Min(now + _options.SlidingLifetime, familyEnd), familyEnd);
        await _store.StoreAsync(record, cancellationToken).ConfigureAwait(false);
        return RefreshTokenResult.Issued(AccessToken(subject, clientId, claims), token, record);
    }

    /// <summary>Redeems <paramref name="refreshToken"/> for <paramref name="clientId"/>. Never throws for a bad token: the result says why.</summary>
    /// <param name="refreshToken">The refresh token the client presented.</param>
    /// <param name="clientId">The authenticated client.</param>
    /// <param name="claims">Further claims for the new access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens, or the reason for the refusal.</returns>
    public async Task<RefreshTokenResult> RedeemAsync(string? refreshToken, string clientId, IEnumerable<Claim>? claims = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        if (!TryHash(refreshToken, out var presented))
        {
            return RefreshTokenResult.Refused(RefreshTokenStatus.Malformed, "The refresh token is not 43 base64url characters (256 random bits).");
        }

        var now = _time.GetUtcNow();
        var (token, hash) = NewToken();
        RefreshTokenRedemption outcome;
        try
        {
            outcome = await _store.RedeemAsync(presented, hash, clientId, now, _options.SlidingLifetime, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == RefreshTokenStatus.Reused && outcome.Presented is { } stolen)
            {
                // Someone holds a spent token: end every session of the subject, refresh and access tokens alike.
                await _revocations.RevokeSubjectAsync(stolen.Subject, now, now + _options.AccessTokenRetention, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RevocationStoreUnavailableException e)
        {
            return RefreshTokenResult.Refused(RefreshTokenStatus.StoreUnavailable, "The refresh token store cannot be reached: " + e.Message);
        }

        return outcome.Status == RefreshTokenStatus.Redeemed
            ? RefreshTokenResult.Issued(AccessToken(outcome.Replacement!.Subject, clientId, claims), token, outcome.Replacement)
            : RefreshTokenResult.Refused(outcome.Status, Describe(outcome.Status), outcome.Presented);
    }

    /// <summary>Ends every session of <paramref name="subject"/> now: its refresh-token families and its access tokens ("sign out everywhere", a ban).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once both stores have it.</returns>
    /// <exception cref="RevocationStoreUnavailableException">A store cannot be reached.</exception>
    public async Task SignOutEverywhereAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var now = _time.GetUtcNow();
        await _store.RevokeSubjectAsync(subject, now, now + _options.AbsoluteLifetime, cancellationToken).ConfigureAwait(false);
        await _revocations.RevokeSubjectAsync(subject, now, now + _options.AccessTokenRetention, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store key of a refresh token: the base64url SHA-256 of its bytes, or <see langword="false"/> when it is not one.</summary>
    public static bool TryHash(string? refreshToken, out string hash)
    {
        hash = string.Empty;
        if (refreshToken is null || refreshToken.Length != TokenLength)
        {
            return false;
        }

        foreach (var c in refreshToken)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(refreshToken);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != 32 || !string.Equals(Base64UrlEncoder.Encode(bytes), refreshToken, StringComparison.Ordinal))
        {
            return false;
        }

        hash = Base64UrlEncoder.Encode(SHA256.HashData(bytes));
        return true;
    }

    private static (string Token, string Hash) NewToken()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        return (Base64UrlEncoder.Encode(bytes), Base64UrlEncoder.Encode(SHA256.HashData(bytes)));
    }

    private string AccessToken(string subject, string clientId, IEnumerable<Claim>? claims)
    {
        var all = new List<Claim> { new("client_id", clientId) };
        if (claims is not null)
        {
            all.AddRange(claims);
        }

        return _issuer.Issue(subject, all);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Describe(RefreshTokenStatus status) => status switch
    {
        RefreshTokenStatus.Unknown => "The refresh token is unknown: never issued, or forgotten after it expired.",
        RefreshTokenStatus.Expired => "The refresh token has expired; sign in again.",
        RefreshTokenStatus.Reused => "The refresh token was already redeemed: its family and the subject's access tokens are now revoked.",
        RefreshTokenStatus.WrongClient => "The refresh token was issued to another client; its family is now revoked.",
        _ => "The refresh token's family or subject has been revoked; sign in again.",
    };
}
