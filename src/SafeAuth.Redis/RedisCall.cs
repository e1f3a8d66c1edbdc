using System;
using System.Threading.Tasks;
using SafeAuth.Revocation;
using StackExchange.Redis;

namespace SafeAuth.Redis;

/// <summary>Turns the connection's failures into <see cref="RevocationStoreUnavailableException"/>, so callers fail closed on one type.</summary>
internal static class RedisCall
{
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
