using System;
using System.Threading.Tasks;
using SafeAuth.Revocation;
using StackExchange.Redis;

namespace SafeAuth.Redis;

/// <summary>Turns the connection's failures into <see cref="RevocationStoreUnavailableException"/>, so callers fail closed on one type.</summary>
internal static class RedisCall
{
    // KEYS[1] the cut-off key. ARGV: cut-off, keep-until, now (Unix ms). The cut-off and its lifetime only move forward.
    private const string RaiseCutoff = """
        local cutoff = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(ARGV[1]))
        local ttl = math.max(tonumber(ARGV[2]) - tonumber(ARGV[3]), redis.call('PTTL', KEYS[1]), 1)
        redis.call('SET', KEYS[1], cutoff, 'PX', ttl)
        return cutoff
        """;

    /// <summary>Moves a subject's cut-off forward (never back), remembered until <paramref name="keepUntil"/> at least.</summary>
    public static Task RaiseCutoffAsync(IConnectionMultiplexer redis, string key, DateTimeOffset upTo, DateTimeOffset keepUntil, DateTimeOffset now, string what)
        => RunAsync(
            () => redis.GetDatabase().ScriptEvaluateAsync(RaiseCutoff, new RedisKey[] { key }, new RedisValue[] { upTo.ToUnixTimeMilliseconds(), keepUntil.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() }),
            what);

    public static async Task RunAsync(Func<Task> call, string what)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw Unavailable(what, e);
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw Unavailable(what, e);
        }
    }

    private static bool IsConnectionFailure(Exception e)
        => e is RedisConnectionException or RedisTimeoutException or RedisServerException or ObjectDisposedException;

    private static RevocationStoreUnavailableException Unavailable(string what, Exception e)
        => new($"Redis could not {what} ({e.GetType().Name}).", e);
}
