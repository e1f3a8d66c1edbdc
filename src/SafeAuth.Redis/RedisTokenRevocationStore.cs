using System;
using System.Threading;
using System.Threading.Tasks;
using SafeAuth.Revocation;
using StackExchange.Redis;

namespace SafeAuth.Redis;

/// <summary>
/// Revocations on Redis, shared by every instance of an app. A revoked <c>jti</c> is a key that expires with the token; a
/// subject's cut-off is a key that only ever moves forward (a script) and expires when its tokens have. A check is one
/// round trip (one MGET). Errors of the connection surface as <see cref="RevocationStoreUnavailableException"/>.
/// </summary>
public sealed class RedisTokenRevocationStore : ITokenRevocationStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keyPrefix">Prefix of every key. Default <c>safeauth:</c>.</param>
    /// <param name="timeProvider">The clock for time-to-live. Default <see cref="TimeProvider.System"/>.</param>
    public RedisTokenRevocationStore(IConnectionMultiplexer redis, string keyPrefix = "safeauth:", TimeProvider? timeProvider = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public Task RevokeTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        var ttl = expiresAt - _time.GetUtcNow();
        return ttl <= TimeSpan.Zero
            ? Task.CompletedTask
            : RedisCall.RunAsync(() => _redis.GetDatabase().StringSetAsync(_prefix + "jti:" + tokenId, "1", ttl), "revoke a token");
    }

    /// <inheritdoc/>
    public Task RevokeSubjectAsync(string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return RedisCall.RaiseCutoffAsync(_redis, _prefix + "sub:" + subject, issuedUpTo, keepUntil, _time.GetUtcNow(), "revoke a subject");
    }

    /// <inheritdoc/>
    public async Task<RevocationState> CheckAsync(string? tokenId, string? subject, CancellationToken cancellationToken = default)
    {
        RedisKey jti = tokenId is null ? _prefix + "jti:" : _prefix + "jti:" + tokenId;
        RedisKey sub = subject is null ? _prefix + "sub:" : _prefix + "sub:" + subject;
        var values = await RedisCall.RunAsync(() => _redis.GetDatabase().StringGetAsync(new[] { jti, sub }), "check a token").ConfigureAwait(false);
        var tokenRevoked = tokenId is not null && values[0].HasValue;
        DateTimeOffset? upTo = subject is not null && values[1].HasValue && long.TryParse(values[1].ToString(), out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new RevocationState(tokenRevoked, upTo);
    }
}
