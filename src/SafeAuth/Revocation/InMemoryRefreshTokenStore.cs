using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Revocation;

/// <summary>
/// Refresh tokens kept in this process, by hash: for one instance (and tests). Redemption is atomic under a lock; spent
/// tokens are remembered until they would have expired, so reuse is detected, and then forgotten.
/// </summary>
public sealed class InMemoryRefreshTokenStore : IRefreshTokenStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, RefreshTokenRecord> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _revokedFamilies = new(StringComparer.Ordinal);
    private readonly SubjectCutoffs _revokedSubjects = new();
    private readonly TimeProvider _time;
    private int _writes;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock that decides when entries are forgotten; default <see cref="TimeProvider.System"/>.</param>
    public InMemoryRefreshTokenStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public Task StoreAsync(RefreshTokenRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _tokens[record.TokenHash] = record;
            Purge();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<RefreshTokenRedemption> RedeemAsync(string tokenHash, string replacementHash, string clientId, DateTimeOffset now, TimeSpan slidingLifetime, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(tokenHash, out var record))
            {
                return Done(RefreshTokenStatus.Unknown, null);
            }

            if (_revokedFamilies.ContainsKey(record.FamilyId)
                || record.FamilyCreatedAt <= _revokedSubjects.UpTo(record.Subject, now))
            {
                return Done(RefreshTokenStatus.Revoked, record);
            }

            if (record.Used || !string.Equals(record.ClientId, clientId, StringComparison.Ordinal))
            {
                _revokedFamilies[record.FamilyId] = record.FamilyExpiresAt;
                return Done(record.Used ? RefreshTokenStatus.Reused : RefreshTokenStatus.WrongClient, record);
            }

            if (record.ExpiresAt <= now)
            {
                return Done(RefreshTokenStatus.Expired, record);
            }

            _tokens[tokenHash] = record with { Used = true };
            var expires = now + slidingLifetime < record.FamilyExpiresAt ? now + slidingLifetime : record.FamilyExpiresAt;
            var replacement = record with { TokenHash = replacementHash, ExpiresAt = expires, Used = false };
            _tokens[replacementHash] = replacement;
            Purge();
            return Task.FromResult(new RefreshTokenRedemption(RefreshTokenStatus.Redeemed, record, replacement));
        }
    }

    /// <inheritdoc/>
    public Task RevokeSubjectAsync(string subject, DateTimeOffset startedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        lock (_gate)
        {
            _revokedSubjects.Raise(subject, startedUpTo, keepUntil);
        }

        return Task.CompletedTask;
    }

    private static Task<RefreshTokenRedemption> Done(RefreshTokenStatus status, RefreshTokenRecord? record)
        => Task.FromResult(new RefreshTokenRedemption(status, record, null));

    /// <summary>Drops tokens, families and subjects past their lifetime, every 64 writes.</summary>
    private void Purge()
    {
        if (++_writes % 64 != 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var record in new List<RefreshTokenRecord>(_tokens.Values))
        {
            if (record.ExpiresAt < now)
            {
                _tokens.Remove(record.TokenHash);
            }
        }

        foreach (var family in new List<string>(_revokedFamilies.Keys))
        {
            if (_revokedFamilies[family] < now)
            {
                _revokedFamilies.Remove(family);
            }
        }

        _revokedSubjects.Purge(now);
    }
}
