using System;
using Microsoft.Extensions.DependencyInjection;

namespace SafeAuth.Tokens;

/// <summary>Registers <see cref="StrictJwtValidator"/> with dependency injection.</summary>
public static class StrictJwtServiceCollectionExtensions
{
    /// <summary>
    /// Builds a <see cref="StrictJwtValidator"/> from the options <paramref name="configure"/> sets, registers it as a
    /// singleton, and makes it the <see cref="StrictJwt.Default"/>. The options are checked now, so a bad
    /// configuration fails at startup.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the validation options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options would weaken validation.</exception>
    public static IServiceCollection AddStrictJwtValidation(this IServiceCollection services, Action<StrictJwtValidationOptions> configure)
    {
        if (services is null)
            throw new ArgumentNullException(nameof(services));
        if (configure is null)
            throw new ArgumentNullException(nameof(configure));

        var options = new StrictJwtValidationOptions();
        configure(options);
        var validator = new StrictJwtValidator(options);
        services.AddSingleton(validator);
        StrictJwt.Configure(validator);
        return services;
    }
}
