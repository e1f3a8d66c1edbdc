using System;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Settings for <see cref="StrictJwtIssuer"/>. <see cref="StrictJwtIssuer"/> checks them when it is constructed and
/// refuses any that would produce a weak token.
/// </summary>
public sealed class StrictJwtIssuerOptions
{
    /// <summary>The default <see cref="Lifetime"/>: 15 minutes.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The default <see cref="MaxLifetime"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaxLifetime = TimeSpan.FromHours(1);

    /// <summary>The largest accepted <see cref="MaxLifetime"/>: 1 day, the default lifetime cap of <see cref="StrictJwtValidator"/>.</summary>
    public static readonly TimeSpan MaxAllowedLifetime = TimeSpan.FromDays(1);

    /// <summary>The default <see cref="TokenType"/>: <c>at+jwt</c> (RFC 9068 access tokens).</summary>
    public const string DefaultTokenType = "at+jwt";

    /// <summary>The issuer written to <c>iss</c>. Required.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience written to <c>aud</c>. Required.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The key that signs every token: RSA (2048 bits or more), EC (P-256, P-384, P-521) or symmetric (at least the
    /// hash size of its HMAC algorithm, e.g. 32 bytes for HS256). Required: without it a token would be unsigned.
    /// </summary>
    public SecurityKey? SigningKey { get; set; }

    /// <summary>
    /// The signing algorithm. <see langword="null"/> (the default) picks the one that matches the key: RS256 for RSA,
    /// ES256/ES384/ES512 for the EC curve, HS256 for a symmetric key. An algorithm that does not fit the key is refused.
    /// </summary>
    public string? Algorithm { get; set; }

    /// <summary>The lifetime of a token when <see cref="StrictJwtIssuer.Issue"/> is not given one. Default 15 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = DefaultLifetime;

    /// <summary>The longest lifetime the issuer writes; a longer one is refused. Default 1 hour, at most 1 day.</summary>
    public TimeSpan MaxLifetime { get; set; } = DefaultMaxLifetime;

    /// <summary>The <c>typ</c> header (RFC 8725 §3.11). Default <c>at+jwt</c>.</summary>
    public string TokenType { get; set; } = DefaultTokenType;

    /// <summary>The clock for <c>iat</c>, <c>nbf</c> and <c>exp</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
