using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeAuth.Revocation;
using StackExchange.Redis;

namespace SafeAuth.Redis;

/// <summary>Registers the Redis stores in place of the in-memory ones.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Uses Redis for token revocation and refresh tokens, so every instance of the app sees the same revocations and a
    /// refresh token redeemed on one is spent on all. Call it with <c>AddStrictJwtRevocation</c> /
    /// <c>AddRefreshTokenRotation</c>, in any order.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, for example <c>localhost:6379</c>.</param>
    /// <param name="keyPrefix">Prefix of every key. Default <c>safeauth:</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddSafeAuthRedisStores(this IServiceCollection services, string configuration, string keyPrefix = "safeauth:")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.Replace(ServiceDescriptor.Singleton<ITokenRevocationStore>(sp => new RedisTokenRevocationStore(sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix, sp.GetService<TimeProvider>())));
        services.Replace(ServiceDescriptor.Singleton<IRefreshTokenStore>(sp => new RedisRefreshTokenStore(sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix, sp.GetService<TimeProvider>())));
        return services;
    }
}
