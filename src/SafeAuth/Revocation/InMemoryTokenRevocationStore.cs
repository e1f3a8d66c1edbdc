using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Revocation;

/// <summary>
/// Revocations kept in this process: for one instance (and tests). Entries are forgotten once the tokens they cover
/// have expired, so the store does not grow without bound. Several instances need a shared store (SafeAuth.Redis).
/// </summary>
public sealed class InMemoryTokenRevocationStore : ITokenRevocationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly SubjectCutoffs _subjects = new();
    private readonly TimeProvider _time;
    private int _writes;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock that decides when entries are forgotten; default <see cref="TimeProvider.System"/>.</param>
    public InMemoryTokenRevocationStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public Task RevokeTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        lock (_gate)
        {
            _tokens[tokenId] = _tokens.TryGetValue(tokenId, out var known) && known > expiresAt ? known : expiresAt;
            Purge();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RevokeSubjectAsync(string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        lock (_gate)
        {
            _subjects.Raise(subject, issuedUpTo, keepUntil);
            Purge();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<RevocationState> CheckAsync(string? tokenId, string? subject, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var token = tokenId is not null && _tokens.TryGetValue(tokenId, out var until) && until >= now;
            return Task.FromResult(new RevocationState(token, _subjects.UpTo(subject, now)));
        }
    }

    /// <summary>Drops what has expired, every 64 writes.</summary>
    private void Purge()
    {
        if (++_writes % 64 != 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var key in new List<string>(_tokens.Keys))
        {
            if (_tokens[key] < now)
            {
                _tokens.Remove(key);
            }
        }

        _subjects.Purge(now);
    }
}
