using System;
using System.IdentityModel.Tokens.Jwt;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SafeAuth.Tokens;

/// <summary>
/// An application-wide default <see cref="StrictJwtValidator"/> for code that has no validator in scope. Configure it once
/// at startup with <see cref="Configure(StrictJwtValidationOptions)"/> or
/// <see cref="StrictJwtServiceCollectionExtensions.AddStrictJwtValidation"/>. Until then every read fails: there is no
/// fallback that validates with nothing. Thread-safe.
/// </summary>
public static class StrictJwt
{
    private static StrictJwtValidator? s_default;

    /// <summary>The configured default validator.</summary>
    /// <exception cref="InvalidOperationException">No default has been configured.</exception>
    public static StrictJwtValidator Default
        => Volatile.Read(ref s_default) ?? throw new InvalidOperationException(
            "No default strict JWT validator is configured. Call StrictJwt.Configure(new StrictJwtValidationOptions { Issuer = ..., Audience = ..., SigningKeys = { ... } }) " +
            "at startup, or services.AddStrictJwtValidation(options => ...), before reading tokens through StrictJwt.");

    /// <summary>Builds a validator from <paramref name="options"/> and makes it the default, replacing any earlier one.</summary>
    /// <param name="options">The validation settings; they are checked now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings would weaken validation (see <see cref="StrictJwtValidator(StrictJwtValidationOptions)"/>).</exception>
    public static void Configure(StrictJwtValidationOptions options)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));
        Configure(new StrictJwtValidator(options));
    }

    /// <summary>Makes <paramref name="validator"/> the default, replacing any earlier one.</summary>
    /// <param name="validator">The validator to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validator"/> is null.</exception>
    public static void Configure(StrictJwtValidator validator)
    {
        if (validator is null)
            throw new ArgumentNullException(nameof(validator));
        Volatile.Write(ref s_default, validator);
    }

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No default has been configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static JsonWebToken ReadValidatedJsonWebToken(string token)
        => Default.ValidateAndRead(token);

    /// <summary>
    /// Validates <paramref name="token"/> with <see cref="Default"/> and returns it as a <see cref="JwtSecurityToken"/>
    /// read from the same, validated text.
    /// </summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No default has been configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static JwtSecurityToken ReadValidatedJwtSecurityToken(string token)
    {
        JsonWebToken validated = Default.ValidateAndRead(token);
        return new JwtSecurityToken(validated.EncodedToken);
    }

    /// <summary>Validates <paramref name="token"/> with <see cref="Default"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="InvalidOperationException">No default has been configured.</exception>
    /// <exception cref="JwtValidationException">The token failed validation.</exception>
    public static Task<JsonWebToken> ReadValidatedJsonWebTokenAsync(string token, CancellationToken cancellationToken = default)
        => Default.ValidateAndReadAsync(token, cancellationToken);

    /// <summary>Forgets the default (tests only).</summary>
    internal static void Reset() => Volatile.Write(ref s_default, null);
}
