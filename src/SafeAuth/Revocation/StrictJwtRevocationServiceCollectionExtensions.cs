using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafeAuth.Revocation;

namespace SafeAuth.Tokens;

/// <summary>Registers token revocation and refresh-token rotation with dependency injection.</summary>
public static class StrictJwtRevocationServiceCollectionExtensions
{
    /// <summary>
    /// Makes the <see cref="StrictJwtValidator"/> consult an <see cref="ITokenRevocationStore"/>: the one registered
    /// already (for example by SafeAuth.Redis), else an <see cref="InMemoryTokenRevocationStore"/> for a single instance.
    /// Validation fails closed when the store cannot be reached unless
    /// <see cref="StrictJwtRevocationOptions.AcceptTokensWhenStoreIsUnavailable"/> is set.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the revocation options; may be null for the defaults (fail closed).</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<StrictJwtRevocationOptions> AddStrictJwtRevocation(this IServiceCollection services, Action<StrictJwtRevocationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITokenRevocationStore>(sp => new InMemoryTokenRevocationStore(sp.GetService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<StrictJwtValidationOptions>, RevocationStoreSetup>());
        var builder = services.AddOptions<StrictJwtRevocationOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Registers <see cref="RefreshTokenRotation"/> with the <see cref="IRefreshTokenStore"/> registered already, else an
    /// <see cref="InMemoryRefreshTokenStore"/>, and <see cref="AddStrictJwtRevocation"/>. The app registers the
    /// <see cref="StrictJwtIssuer"/> that issues the access tokens. Lifetimes are checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the lifetimes; may be null for the defaults (14 days sliding, 30 days absolute).</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<RefreshTokenOptions> AddRefreshTokenRotation(this IServiceCollection services, Action<RefreshTokenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStrictJwtRevocation();
        services.TryAddSingleton<IRefreshTokenStore>(sp => new InMemoryRefreshTokenStore(sp.GetService<TimeProvider>()));
        services.TryAddSingleton<RefreshTokenRotation>();
        var builder = services.AddOptions<RefreshTokenOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return builder.Validate(o => o.Problem() is null, "The refresh token lifetimes are invalid: positive, absolute at least sliding and at most 400 days.").ValidateOnStart();
    }

    /// <summary>Hands the registered store and the fail-open choice to the validator's options.</summary>
    private sealed class RevocationStoreSetup : IConfigureOptions<StrictJwtValidationOptions>
    {
        private readonly ITokenRevocationStore _store;
        private readonly IOptions<StrictJwtRevocationOptions> _options;

        public RevocationStoreSetup(ITokenRevocationStore store, IOptions<StrictJwtRevocationOptions> options)
        {
            _store = store;
            _options = options;
        }

        public void Configure(StrictJwtValidationOptions options)
        {
            options.RevocationStore = _store;
            options.AcceptTokensWhenRevocationStoreIsUnavailable = _options.Value.AcceptTokensWhenStoreIsUnavailable;
        }
    }
}

/// <summary>Settings of <see cref="StrictJwtRevocationServiceCollectionExtensions.AddStrictJwtRevocation"/>.</summary>
public sealed class StrictJwtRevocationOptions
{
    /// <summary>
    /// Fail-open: accept tokens when the revocation store cannot be reached (revoked tokens then pass until it is back).
    /// Default <see langword="false"/>: such tokens are refused as <see cref="JwtValidationFailure.RevocationStoreUnavailable"/>.
    /// </summary>
    public bool AcceptTokensWhenStoreIsUnavailable { get; set; }
}
