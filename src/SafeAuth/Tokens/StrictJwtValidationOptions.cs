using System;
using System.Collections.Generic;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Revocation;

namespace SafeAuth.Tokens;

/// <summary>
/// Settings for <see cref="StrictJwtValidator"/>, named as in IdentityModel's <see cref="TokenValidationParameters"/>
/// where the meaning is the same. The defaults are strict; <see cref="StrictJwtValidator"/> checks the settings when it is
/// constructed (and <see cref="StrictJwtServiceCollectionExtensions.AddStrictJwtValidation(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{StrictJwtValidationOptions})"/> at startup) and refuses any
/// that would weaken validation.
/// </summary>
/// <remarks>
/// Every signing key belongs to an issuer (RFC 8725 §3.8): a token's signature is verified only with the keys of the
/// issuer its <c>iss</c> names. With one issuer (<see cref="ValidIssuer"/> or a single <see cref="ValidIssuers"/> entry),
/// <see cref="IssuerSigningKeys"/> are that issuer's keys. With several, bind each key to its issuer with
/// <see cref="AddIssuer(string, SecurityKey[])"/> or <see cref="TrustedIssuers"/>.
/// </remarks>
public sealed class StrictJwtValidationOptions
{
    /// <summary>The default <see cref="ClockSkew"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The largest accepted <see cref="ClockSkew"/>: 5 minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="MaxTokenLifetime"/>: 1 day.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromDays(1);

    /// <summary>The default <see cref="MaximumTokenSizeInBytes"/>: 16 KiB.</summary>
    public const int DefaultMaximumTokenSizeInBytes = 16 * 1024;

    /// <summary>The largest accepted <see cref="MaximumTokenSizeInBytes"/>: 256 KiB.</summary>
    public const int MaxAllowedTokenSizeInBytes = 256 * 1024;

    /// <summary>The accepted issuer (<c>iss</c>), whose keys are <see cref="IssuerSigningKeys"/>.</summary>
    public string? ValidIssuer { get; set; }

    /// <summary>Further accepted issuers sharing <see cref="IssuerSigningKeys"/>; compared ordinally. With more than one issuer in all, bind keys with <see cref="AddIssuer(string, SecurityKey[])"/> instead.</summary>
    public IList<string> ValidIssuers { get; } = new List<string>();

    /// <summary>The keys of <see cref="ValidIssuer"/> (or of the single <see cref="ValidIssuers"/> entry).</summary>
    public IList<SecurityKey> IssuerSigningKeys { get; } = new List<SecurityKey>();

    /// <summary>Issuers, each with its own signing keys. A token is verified only with the keys of the issuer it names.</summary>
    public IList<TrustedIssuer> TrustedIssuers { get; } = new List<TrustedIssuer>();

    /// <summary>The accepted audience (<c>aud</c>). At least one of <see cref="ValidAudience"/> and <see cref="ValidAudiences"/> is required.</summary>
    public string? ValidAudience { get; set; }

    /// <summary>Further accepted audiences, compared ordinally.</summary>
    public IList<string> ValidAudiences { get; } = new List<string>();

    /// <summary>
    /// The accepted <c>alg</c> values, compared ordinally. Empty means exactly one per key: the algorithm a key declares
    /// (a <see cref="JsonWebKey"/>'s <c>alg</c>, a SafeAuth <c>HmacSigningKey</c>'s), else RS256 for RSA, ES256/ES384/ES512
    /// matching the EC curve and HS256 for a symmetric key. <c>none</c> is always refused.
    /// </summary>
    public IList<string> ValidAlgorithms { get; } = new List<string>();

    /// <summary>
    /// The accepted <c>typ</c> header values (e.g. <c>at+jwt</c>). Media types compare case-insensitively, with the
    /// <c>application/</c> prefix optional (RFC 7515 §4.1.9), so <c>at+jwt</c> also accepts <c>application/at+jwt</c>
    /// (RFC 9068 §4). Empty means: no <c>typ</c>, <c>JWT</c>, <c>JOSE</c> or <c>at+jwt</c>, and, while
    /// <see cref="AcceptOnlyAccessTokens"/> is set, nothing that marks another kind of token.
    /// </summary>
    public IList<string> ValidTypes { get; } = new List<string>();

    /// <summary>
    /// Whether tokens that mark themselves as something other than an access token are refused: an ID token
    /// (<c>nonce</c>, <c>at_hash</c>, <c>c_hash</c>, <c>s_hash</c>, <c>token_use</c> other than <c>access</c>), a logout or
    /// security-event token (<c>events</c>, <c>typ: logout+jwt</c>, <c>secevent+jwt</c>), a DPoP proof (<c>htm</c>/<c>htu</c>,
    /// <c>typ: dpop+jwt</c>) and any <c>typ</c> outside <see cref="ValidTypes"/>. Default <see langword="true"/>; set it to
    /// <see langword="false"/> only in code that validates those other tokens on purpose.
    /// </summary>
    public bool AcceptOnlyAccessTokens { get; set; } = true;

    /// <summary>The tolerance for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 30 seconds; more than 5 minutes is refused.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>The largest accepted <c>exp</c> minus <c>iat</c>. Default 1 day; <see langword="null"/> means no cap.</summary>
    public TimeSpan? MaxTokenLifetime { get; set; } = DefaultMaxTokenLifetime;

    /// <summary>The largest accepted token, checked before anything else. Default 16 KiB, at most 256 KiB.</summary>
    public int MaximumTokenSizeInBytes { get; set; } = DefaultMaximumTokenSizeInBytes;

    /// <summary>Whether the <c>iat</c> claim is required. Default <see langword="true"/>.</summary>
    public bool RequireIssuedAt { get; set; } = true;

    /// <summary>
    /// Whether a nested JWT (<c>cty: JWT</c>, a JWS whose payload is another JWS) is accepted. When it is, the outer
    /// signature must verify with a key of the inner token's issuer, the whole inner token is validated with these
    /// settings, and only one level of nesting is accepted. Default <see langword="false"/>.
    /// </summary>
    public bool AllowNestedTokens { get; set; }

    /// <summary>
    /// Where revoked tokens are remembered (<see cref="StrictJwtRevocationServiceCollectionExtensions.AddStrictJwtRevocation"/>
    /// sets it). When set, a token whose <c>jti</c> is revoked, or whose subject's tokens are revoked up to its <c>iat</c>, is
    /// refused as <see cref="JwtValidationFailure.Revoked"/>, after one store round trip. Default <see langword="null"/>: no check.
    /// </summary>
    public ITokenRevocationStore? RevocationStore { get; set; }

    /// <summary>
    /// Fail-open: accept tokens when <see cref="RevocationStore"/> cannot be reached, instead of refusing them as
    /// <see cref="JwtValidationFailure.RevocationStoreUnavailable"/>. Default <see langword="false"/> (fail closed).
    /// </summary>
    public bool AcceptTokensWhenRevocationStoreIsUnavailable { get; set; }

    /// <summary>The clock used for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Trusts <paramref name="issuer"/> with its own <paramref name="signingKeys"/>.</summary>
    /// <param name="issuer">The exact <c>iss</c> value.</param>
    /// <param name="signingKeys">The keys that issuer signs with; at least one.</param>
    /// <returns>These options, for chaining.</returns>
    public StrictJwtValidationOptions AddIssuer(string issuer, params SecurityKey[] signingKeys)
    {
        TrustedIssuers.Add(new TrustedIssuer(issuer, signingKeys));
        return this;
    }

    /// <summary>Trusts each of <paramref name="issuers"/> (for example from <c>SigningKeyLoader.IssuersFromConfiguration</c>).</summary>
    /// <param name="issuers">The issuers and their keys.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuers"/> is null.</exception>
    public StrictJwtValidationOptions AddIssuers(IEnumerable<TrustedIssuer> issuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        foreach (var issuer in issuers)
        {
            TrustedIssuers.Add(issuer);
        }

        return this;
    }
}
