using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SafeAuth.Tokens;

/// <summary>
/// The ambient <see cref="StrictJwtValidator"/> for code that has no validator in scope (where SafeAuth's code fixes point).
/// It is the validator that <see cref="StrictJwtServiceCollectionExtensions.AddStrictJwtValidation(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{StrictJwtValidationOptions})"/> registers, bound
/// while the host that owns it runs, or one set explicitly with <see cref="Configure(StrictJwtValidator)"/>. With none, or
/// with two running hosts that registered different validators, every call fails with a message saying so: there is no
/// fallback that validates with nothing, and no guess between two configurations. Thread-safe.
/// </summary>
public static class StrictJwt
{
    private static readonly object Gate = new();
    private static readonly List<StrictJwtValidator> HostValidators = new();
    private static StrictJwtValidator? _configured;

    /// <summary>The ambient validator.</summary>
    /// <exception cref="InvalidOperationException">None is configured, or running hosts registered different validators.</exception>
    public static StrictJwtValidator Default
    {
        get
        {
            lock (Gate)
            {
                if (_configured is not null)
                {
                    return _configured;
                }

                return HostValidators.Count switch
                {
                    1 => HostValidators[0],
                    0 => throw new InvalidOperationException(
                        "No strict JWT validator is configured for StrictJwt. Register one with services.AddStrictJwtValidation(options => ...) " +
                        "in a host that is running (it binds when the host starts), or call StrictJwt.Configure(new StrictJwtValidator(options)) at startup; " +
                        "where a StrictJwtValidator can be injected, inject it instead."),
                    _ => throw new InvalidOperationException(
                        "Several running hosts registered different strict JWT validators, so StrictJwt cannot tell which one applies. " +
                        "Inject StrictJwtValidator where tokens are validated, or call StrictJwt.Configure to choose one."),
                };
            }
        }
    }

    /// <summary>Makes <paramref name="validator"/> the ambient validator for the whole process, ahead of any host's.</summary>
    /// <param name="validator">The validator to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validator"/> is null.</exception>
    public static void Configure(StrictJwtValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        lock (Gate)
        {
            _configured = validator;
        }
    }

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No ambient validator is configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static JsonWebToken ValidateJsonWebToken(string token)
        => Default.ValidateJsonWebToken(token);

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns it as a <see cref="JwtSecurityToken"/> read from the same, validated text.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No ambient validator is configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static JwtSecurityToken ValidateJwtSecurityToken(string token)
        => Default.ValidateJwtSecurityToken(token);

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No ambient validator is configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static Task<JsonWebToken> ValidateJsonWebTokenAsync(string token, CancellationToken cancellationToken = default)
        => Default.ValidateJsonWebTokenAsync(token, cancellationToken);

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns its payload JSON.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The payload JSON of the validated token.</returns>
    /// <exception cref="InvalidOperationException">No ambient validator is configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static string ValidatePayloadJson(string token)
        => Default.ValidatePayloadJson(token);

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and deserializes its payload to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the claims are read into.</typeparam>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The payload of the validated token.</returns>
    /// <exception cref="InvalidOperationException">No ambient validator is configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    /// <exception cref="System.Text.Json.JsonException">The payload does not fit <typeparamref name="T"/>.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Deserializes the payload with reflection-based System.Text.Json.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Deserializes the payload with reflection-based System.Text.Json.")]
    public static T ValidatePayload<T>(string token)
        => Default.ValidatePayload<T>(token);

    /// <summary>Binds a running host's validator.</summary>
    internal static void Bind(StrictJwtValidator validator)
    {
        lock (Gate)
        {
            if (!HostValidators.Contains(validator))
            {
                HostValidators.Add(validator);
            }
        }
    }

    /// <summary>Unbinds a stopping host's validator.</summary>
    internal static void Unbind(StrictJwtValidator validator)
    {
        lock (Gate)
        {
            HostValidators.Remove(validator);
        }
    }

    /// <summary>Forgets every validator (tests only).</summary>
    internal static void Reset()
    {
        lock (Gate)
        {
            _configured = null;
            HostValidators.Clear();
        }
    }
}
