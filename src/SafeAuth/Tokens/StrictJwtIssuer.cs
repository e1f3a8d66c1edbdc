using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Issues signed JWTs that always carry <c>exp</c>, <c>iat</c>, <c>nbf</c> and <c>jti</c>, taken from an injected
/// <see cref="TimeProvider"/>, with a <c>typ</c> header and an algorithm bound to the signing key. It refuses a
/// lifetime above its cap and never issues an unsigned token. Tokens it issues validate with <see cref="StrictJwtValidator"/>
/// configured with the same issuer, audience, key and type.
/// </summary>
public sealed class StrictJwtIssuer
{
    /// <summary>Claims the issuer writes itself; callers may not supply them.</summary>
    private static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal)
    {
        JwtRegisteredClaimNames.Exp, JwtRegisteredClaimNames.Iat, JwtRegisteredClaimNames.Nbf, JwtRegisteredClaimNames.Jti,
        JwtRegisteredClaimNames.Iss, JwtRegisteredClaimNames.Aud, JwtRegisteredClaimNames.Sub,
    };

    private readonly string _issuer;
    private readonly string _audience;
    private readonly SigningCredentials _credentials;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _maxLifetime;
    private readonly string _tokenType;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler;

    /// <summary>Creates an issuer, checking every setting.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// No issuer, audience or signing key; a weak key (short HMAC key, RSA under 2048 bits, unsupported curve); an
    /// algorithm that does not fit the key; a lifetime that is not positive or is above <see cref="StrictJwtIssuerOptions.MaxLifetime"/>;
    /// a cap above 1 day; a blank token type; no clock.
    /// </exception>
    public StrictJwtIssuer(StrictJwtIssuerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _issuer = string.IsNullOrWhiteSpace(options.Issuer)
            ? throw new ArgumentException("An issuer is required: set StrictJwtIssuerOptions.Issuer.", nameof(options))
            : options.Issuer;
        _audience = string.IsNullOrWhiteSpace(options.Audience)
            ? throw new ArgumentException("An audience is required: set StrictJwtIssuerOptions.Audience.", nameof(options))
            : options.Audience;
        if (options.SigningKey is null)
        {
            throw new ArgumentException("A signing key is required: set StrictJwtIssuerOptions.SigningKey. Without one the token would be unsigned (alg: none).", nameof(options));
        }

        if (options.MaxLifetime <= TimeSpan.Zero || options.MaxLifetime > StrictJwtIssuerOptions.MaxAllowedLifetime)
        {
            throw new ArgumentException("MaxLifetime must be positive and at most 1 day; refresh tokens, not long-lived access tokens, keep sessions open.", nameof(options));
        }

        _maxLifetime = options.MaxLifetime;
        _lifetime = CheckLifetime(options.Lifetime, _maxLifetime, nameof(options));

        _tokenType = string.IsNullOrWhiteSpace(options.TokenType)
            ? throw new ArgumentException("TokenType must not be blank; use at+jwt for access tokens (RFC 9068).", nameof(options))
            : options.TokenType;
        _timeProvider = options.TimeProvider ?? throw new ArgumentException("TimeProvider must not be null.", nameof(options));

        KeyAlgorithmPolicy policy;
        try
        {
            policy = KeyAlgorithmPolicy.Create(
                new[] { options.SigningKey },
                options.Algorithm is null ? Array.Empty<string>() : new[] { options.Algorithm },
                _ => "SigningKey");
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The signing key or algorithm is refused: " + e.Message, nameof(options), e);
        }

        Algorithm = policy.Algorithms.Count == 1
            ? policy.Algorithms[0]
            : throw new ArgumentException("The signing key fits several algorithms; set StrictJwtIssuerOptions.Algorithm.", nameof(options));
        _credentials = new SigningCredentials(options.SigningKey, Algorithm);
        _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
    }

    /// <summary>The algorithm every token is signed with.</summary>
    public string Algorithm { get; }

    /// <summary>The lifetime of a token when none is given to <see cref="Issue"/>.</summary>
    public TimeSpan Lifetime => _lifetime;

    /// <summary>Issues a token for <paramref name="subject"/> that expires after <paramref name="lifetime"/> (or <see cref="Lifetime"/>).</summary>
    /// <param name="subject">The <c>sub</c> claim. Required.</param>
    /// <param name="claims">Further claims. <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>jti</c>, <c>iss</c>, <c>aud</c> and <c>sub</c> are written by the issuer and refused here.</param>
    /// <param name="lifetime">The token's lifetime; positive and at most the configured cap.</param>
    /// <returns>The compact, signed JWT.</returns>
    /// <exception cref="ArgumentException">No subject, a reserved or null claim.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not positive or exceeds the cap.</exception>
    public string Issue(string subject, IEnumerable<Claim>? claims = null, TimeSpan? lifetime = null)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new ArgumentException("A subject (sub) is required.", nameof(subject));
        }

        var effectiveLifetime = _lifetime;
        if (lifetime is TimeSpan requested)
        {
            if (requested <= TimeSpan.Zero || requested > _maxLifetime)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(lifetime),
                    string.Format(CultureInfo.InvariantCulture, "The lifetime must be positive and at most {0} (StrictJwtIssuerOptions.MaxLifetime).", _maxLifetime));
            }

            effectiveLifetime = requested;
        }

        var identity = new ClaimsIdentity();
        identity.AddClaim(new Claim(JwtRegisteredClaimNames.Sub, subject));
        if (claims is not null)
        {
            foreach (var claim in claims)
            {
                if (claim is null)
                {
                    throw new ArgumentException("Claims must not contain null.", nameof(claims));
                }

                if (ReservedClaims.Contains(claim.Type))
                {
                    throw new ArgumentException($"The claim '{claim.Type}' is written by the issuer and cannot be supplied.", nameof(claims));
                }

                identity.AddClaim(claim);
            }
        }

        // Whole seconds: JWT NumericDates have no fractions, and iat/nbf/exp must agree exactly.
        var now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds()).UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            Subject = identity,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + effectiveLifetime,
            TokenType = _tokenType,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        };
        return _handler.CreateToken(descriptor);
    }

    private static TimeSpan CheckLifetime(TimeSpan lifetime, TimeSpan max, string parameterName)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("Lifetime must be positive.", parameterName);
        }

        if (lifetime > max)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Lifetime {0} exceeds MaxLifetime {1}.", lifetime, max), parameterName);
        }

        return lifetime;
    }
}
