using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafeAuth.Revocation;
using StackExchange.Redis;

namespace SafeAuth.Redis;

/// <summary>
/// Refresh tokens on Redis, shared by every instance of an app, by hash. A redemption is one Lua script, so it is atomic:
/// of any number of concurrent redemptions of one token exactly one succeeds, and presenting a spent token revokes its
/// family in the same step. Every key expires (tokens with their lifetime, revoked families with the family), so
/// nothing grows without bound. For a single Redis node or a replicated primary (the script touches keys of one family
/// and one subject, which a cluster may place on different slots).
/// </summary>
public sealed class RedisRefreshTokenStore : IRefreshTokenStore
{
    // KEYS[1] presented token, KEYS[2] replacement. ARGV: client, now (ms), sliding (ms), prefix, replacement hash.
    private const string Redeem = """
        local v = redis.call('GET', KEYS[1])
        if not v then return {'unknown'} end
        local r = cjson.decode(v)
        local now = tonumber(ARGV[2])
        local cut = redis.call('GET', ARGV[4] .. 'rtsub:' .. r.s)
        if redis.call('EXISTS', ARGV[4] .. 'fam:' .. r.f) == 1 or (cut and tonumber(cut) >= r.fc) then return {'revoked', v} end
        if r.u == 1 or r.c ~= ARGV[1] then
          redis.call('SET', ARGV[4] .. 'fam:' .. r.f, '1', 'PX', math.max(1, r.fa - now))
          if r.u == 1 then return {'reused', v} end
          return {'wrongclient', v}
        end
        if r.e <= now then return {'expired', v} end
        r.u = 1
        redis.call('SET', KEYS[1], cjson.encode(r), 'KEEPTTL')
        local n = {h = ARGV[5], f = r.f, s = r.s, c = r.c, fc = r.fc, fa = r.fa, e = math.min(now + tonumber(ARGV[3]), r.fa), u = 0}
        local encoded = cjson.encode(n)
        redis.call('SET', KEYS[2], encoded, 'PX', math.max(1, n.e - now))
        return {'redeemed', v, encoded}
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keyPrefix">Prefix of every key. Default <c>safeauth:</c>.</param>
    /// <param name="timeProvider">The clock for time-to-live. Default <see cref="TimeProvider.System"/>.</param>
    public RedisRefreshTokenStore(IConnectionMultiplexer redis, string keyPrefix = "safeauth:", TimeProvider? timeProvider = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public Task StoreAsync(RefreshTokenRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ttl = record.ExpiresAt - _time.GetUtcNow();
        return RedisCall.RunAsync(
            () => _redis.GetDatabase().StringSetAsync(_prefix + "rt:" + record.TokenHash, Encode(record), ttl > TimeSpan.Zero ? ttl : TimeSpan.FromMilliseconds(1)),
            "store a refresh token");
    }

    /// <inheritdoc/>
    public async Task<RefreshTokenRedemption> RedeemAsync(string tokenHash, string replacementHash, string clientId, DateTimeOffset now, TimeSpan slidingLifetime, CancellationToken cancellationToken = default)
    {
        var result = await RedisCall.RunAsync(
            () => _redis.GetDatabase().ScriptEvaluateAsync(
                Redeem,
                new RedisKey[] { _prefix + "rt:" + tokenHash, _prefix + "rt:" + replacementHash },
                new RedisValue[] { clientId, now.ToUnixTimeMilliseconds(), (long)slidingLifetime.TotalMilliseconds, _prefix, replacementHash }),
            "redeem a refresh token").ConfigureAwait(false);
        var parts = (RedisResult[])result!;
        var status = ((string?)parts[0]) switch
        {
            "redeemed" => RefreshTokenStatus.Redeemed,
            "revoked" => RefreshTokenStatus.Revoked,
            "reused" => RefreshTokenStatus.Reused,
            "wrongclient" => RefreshTokenStatus.WrongClient,
            "expired" => RefreshTokenStatus.Expired,
            _ => RefreshTokenStatus.Unknown,
        };
        var presented = parts.Length > 1 ? Decode((string)parts[1]!) : null;
        var replacement = parts.Length > 2 ? Decode((string)parts[2]!) : null;
        return new RefreshTokenRedemption(status, presented, replacement);
    }

    /// <inheritdoc/>
    public Task RevokeSubjectAsync(string subject, DateTimeOffset startedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return RedisCall.RaiseCutoffAsync(_redis, _prefix + "rtsub:" + subject, startedUpTo, keepUntil, _time.GetUtcNow(), "revoke a subject's refresh tokens");
    }

    private static string Encode(RefreshTokenRecord r) => JsonSerializer.Serialize(new StoredRecord(
        r.TokenHash, r.FamilyId, r.Subject, r.ClientId, r.FamilyCreatedAt.ToUnixTimeMilliseconds(), r.ExpiresAt.ToUnixTimeMilliseconds(), r.FamilyExpiresAt.ToUnixTimeMilliseconds(), r.Used ? 1 : 0));

    private static RefreshTokenRecord? Decode(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var s = JsonSerializer.Deserialize<StoredRecord>(json);
        return s is null
            ? null
            : new RefreshTokenRecord(s.h, s.f, s.s, s.c, DateTimeOffset.FromUnixTimeMilliseconds(s.fc), DateTimeOffset.FromUnixTimeMilliseconds(s.e), DateTimeOffset.FromUnixTimeMilliseconds(s.fa), s.u == 1);
    }

    /// <summary>The stored form: short names, times in Unix milliseconds (what the script compares).</summary>
#pragma warning disable IDE1006 // The member names are the script's.
    private sealed record StoredRecord(string h, string f, string s, string c, long fc, long e, long fa, int u);
#pragma warning restore IDE1006
}
