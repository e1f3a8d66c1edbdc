using System;
using System.Collections.Generic;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Settings for <see cref="StrictJwtValidator"/>. The defaults are strict; <see cref="StrictJwtValidator"/> checks the
/// settings when it is constructed and refuses any that would weaken validation.
/// </summary>
public sealed class StrictJwtValidationOptions
{
    /// <summary>The default <see cref="ClockSkew"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The largest accepted <see cref="ClockSkew"/>: 5 minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="MaxTokenLifetime"/>: 1 day.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromDays(1);

    /// <summary>The default <see cref="MaxTokenSizeInBytes"/>: 16 KiB.</summary>
    public const int DefaultMaxTokenSizeInBytes = 16 * 1024;

    /// <summary>The largest accepted <see cref="MaxTokenSizeInBytes"/>: 256 KiB.</summary>
    public const int MaxAllowedTokenSizeInBytes = 256 * 1024;

    /// <summary>The accepted issuer (<c>iss</c>). At least one of <see cref="Issuer"/> and <see cref="ValidIssuers"/> is required.</summary>
    public string? Issuer { get; set; }

    /// <summary>Further accepted issuers, compared ordinally.</summary>
    public IList<string> ValidIssuers { get; set; } = new List<string>();

    /// <summary>The accepted audience (<c>aud</c>). At least one of <see cref="Audience"/> and <see cref="ValidAudiences"/> is required.</summary>
    public string? Audience { get; set; }

    /// <summary>Further accepted audiences, compared ordinally.</summary>
    public IList<string> ValidAudiences { get; set; } = new List<string>();

    /// <summary>
    /// The keys that may have signed a token: RSA (2048 bits or more), EC (P-256, P-384, P-521) or symmetric (at
    /// least the hash size of every HMAC algorithm allowed). At least one is required.
    /// </summary>
    public IList<SecurityKey> SigningKeys { get; set; } = new List<SecurityKey>();

    /// <summary>
    /// The accepted <c>alg</c> values, compared ordinally. Empty means exactly one per key type: RS256 for RSA,
    /// ES256/ES384/ES512 matching the EC curve, HS256 for a symmetric key. <c>none</c> is always refused.
    /// </summary>
    public IList<string> ValidAlgorithms { get; set; } = new List<string>();

    /// <summary>The accepted <c>typ</c> header values (e.g. <c>at+jwt</c>), compared ordinally. Empty means <c>typ</c> is not checked.</summary>
    public IList<string> ValidTypes { get; set; } = new List<string>();

    /// <summary>The tolerance for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 30 seconds; more than 5 minutes is refused.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>The largest accepted <c>exp</c> minus <c>iat</c>. Default 1 day; <see langword="null"/> means no cap.</summary>
    public TimeSpan? MaxTokenLifetime { get; set; } = DefaultMaxTokenLifetime;

    /// <summary>The largest accepted token, checked before anything else. Default 16 KiB.</summary>
    public int MaxTokenSizeInBytes { get; set; } = DefaultMaxTokenSizeInBytes;

    /// <summary>Whether the <c>iat</c> claim is required. Default <see langword="true"/>.</summary>
    public bool RequireIssuedAt { get; set; } = true;

    /// <summary>
    /// Whether a nested JWT (<c>cty: JWT</c>, a JWS whose payload is another JWS) is accepted. When it is, the outer
    /// signature and the whole inner token are validated with these settings, and only one level of nesting is
    /// accepted. Default <see langword="false"/>.
    /// </summary>
    public bool AllowNestedTokens { get; set; }

    /// <summary>The clock used for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
