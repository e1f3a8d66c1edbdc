using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafeAuth.Browser;

/// <summary>Registers the in-memory <see cref="ITokenStore"/> with dependency injection.</summary>
public static class TokenStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InMemoryTokenStore"/> as the <see cref="ITokenStore"/>, <b>scoped</b>: Blazor Server
    /// creates one per circuit (one per user connection), Blazor WebAssembly one per app (one per browser tab).
    /// Tokens are therefore never shared between users. Never register the store as a singleton in a server app.
    /// An <see cref="ITokenStore"/> registered before this call is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInMemoryTokenStore(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddScoped<ITokenStore>(static provider =>
            new InMemoryTokenStore(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
