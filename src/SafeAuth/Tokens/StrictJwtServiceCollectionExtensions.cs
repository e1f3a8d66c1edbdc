using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SafeAuth.Secrets;

namespace SafeAuth.Tokens;

/// <summary>Registers <see cref="StrictJwtValidator"/> with dependency injection, through the options pattern.</summary>
public static class StrictJwtServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StrictJwtValidationOptions"/> (set by <paramref name="configure"/> and any other
    /// <c>Configure&lt;StrictJwtValidationOptions&gt;</c>), checks them when the host starts (<c>ValidateOnStart</c>,
    /// so a bad configuration fails at startup with an <see cref="OptionsValidationException"/> naming every problem),
    /// and registers the <see cref="StrictJwtValidator"/> built from them as a singleton. While the host runs, that
    /// validator is also <see cref="StrictJwt.Default"/>; nothing process-wide is set before the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the validation options.</param>
    /// <returns>The options builder, for further configuration (for example <c>.Configure&lt;IConfiguration&gt;(...)</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OptionsBuilder<StrictJwtValidationOptions> AddStrictJwtValidation(this IServiceCollection services, Action<StrictJwtValidationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var builder = services.AddOptions<StrictJwtValidationOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StrictJwtValidationOptions>, StrictJwtValidationOptionsValidator>());
        services.TryAddSingleton(sp => new StrictJwtValidator(sp.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AmbientBinding>());
        return builder;
    }

    /// <summary>
    /// Registers strict JWT validation bound to <paramref name="configuration"/>, a section such as
    /// <c>builder.Configuration.GetSection("Jwt")</c>: <c>Issuer</c> with an HMAC <c>SigningKey</c> (base64, checked for
    /// <c>Algorithm</c>, default HS256) or an RSA <c>PublicKeyPem</c>, or an <c>Issuers</c> list of such entries;
    /// <c>Audience</c> or an <c>Audiences</c> list; optionally <c>ClockSkew</c> and <c>MaxTokenLifetime</c>. The settings
    /// are read and checked when the host starts: a missing, unparsable or weak setting stops the start with a message
    /// naming it (<see cref="SecretConfigurationException"/> for keys, <see cref="InvalidOperationException"/> otherwise).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the settings.</param>
    /// <returns>The options builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OptionsBuilder<StrictJwtValidationOptions> AddStrictJwtValidation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddStrictJwtValidation(options => StrictJwtSettings.Apply(configuration, options));
    }

    /// <summary>Makes the host's validator <see cref="StrictJwt.Default"/> while the host runs.</summary>
    private sealed class AmbientBinding : IHostedService
    {
        private readonly StrictJwtValidator _validator;

        public AmbientBinding(StrictJwtValidator validator) => _validator = validator;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            StrictJwt.Bind(_validator);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            StrictJwt.Unbind(_validator);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Checks <see cref="StrictJwtValidationOptions"/> with the same rules as the <see cref="StrictJwtValidator"/> constructor.</summary>
public sealed class StrictJwtValidationOptionsValidator : IValidateOptions<StrictJwtValidationOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, StrictJwtValidationOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The strict JWT validation options are null.");
        }

        try
        {
            _ = new StrictJwtValidator(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
