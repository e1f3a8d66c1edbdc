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
    /// A scoped or transient <see cref="ITokenStore"/> registered before this call is kept; a singleton one is refused,
    /// because it would hand one user's token to every other user of a server app.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="InvalidOperationException">An <see cref="ITokenStore"/> is already registered as a singleton.</exception>
    public static IServiceCollection AddInMemoryTokenStore(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ITokenStore) && descriptor.Lifetime == ServiceLifetime.Singleton)
            {
                throw new InvalidOperationException(
                    "An ITokenStore is already registered as a singleton: every user of the app would share one token store. "
                    + "Remove that registration, or register the store scoped (one per Blazor circuit or browser tab).");
            }
        }

        services.TryAddScoped<ITokenStore>(static provider =>
            new InMemoryTokenStore(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
