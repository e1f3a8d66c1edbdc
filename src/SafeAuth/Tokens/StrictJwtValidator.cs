using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Revocation;

namespace SafeAuth.Tokens;

/// <summary>
/// Validates compact JWS tokens strictly: a pre-parse gate on the raw text, then
/// <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/> with fail-closed parameters
/// holding only the keys of the issuer the token names, then the date checks IdentityModel does not make (<c>iat</c>,
/// maximum lifetime), all against the configured <see cref="TimeProvider"/>. Immutable and thread-safe once constructed.
/// </summary>
public sealed partial class StrictJwtValidator
{
    private readonly KeyAlgorithmPolicy _policy;
    private readonly IssuerKeys _issuerKeys;
    private readonly GateSettings _gate;
    private readonly string[] _audiences;
    private readonly string[] _validTypes;
    private readonly TimeSpan _clockSkew;
    private readonly TimeSpan? _maxTokenLifetime;
    private readonly bool _requireIssuedAt;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler;
    private readonly Dictionary<string, TokenValidationParameters> _parametersByIssuer;
    private readonly ITokenRevocationStore? _revocations;
    private readonly bool _revocationFailOpen;

    /// <summary>Checks <paramref name="options"/> and builds a validator from a snapshot of them.</summary>
    /// <param name="options">The validation settings; later changes to them do not affect this validator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A setting would weaken validation: no issuer, keys shared by several issuers, no audience, no key, <c>none</c> or an
    /// unknown algorithm, an algorithm that matches no key's type, a short, text or low-variety HMAC key, an RSA modulus
    /// under 2048 bits, an EC key off P-256/P-384/P-521, a clock skew above 5 minutes, and so on.
    /// </exception>
    public StrictJwtValidator(StrictJwtValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        _issuerKeys = IssuerKeys.Create(options);
        _audiences = Audiences(options);
        _validTypes = CopyNonBlank(options.ValidTypes, nameof(options.ValidTypes)).Select(TokenKinds.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        CheckTypesAgainstKind(_validTypes, options.AcceptOnlyAccessTokens);
        _clockSkew = CheckClockSkew(options.ClockSkew);

        if (options.MaxTokenLifetime is TimeSpan lifetime && lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxTokenLifetime must be positive, or null for no cap.", nameof(options));
        }

        _maxTokenLifetime = options.MaxTokenLifetime;
        if (options.MaximumTokenSizeInBytes <= 0 || options.MaximumTokenSizeInBytes > StrictJwtValidationOptions.MaxAllowedTokenSizeInBytes)
        {
            throw new ArgumentException("MaximumTokenSizeInBytes must be between 1 and 262144 (256 KiB); 16 KiB is the default.", nameof(options));
        }

        _timeProvider = options.TimeProvider ?? throw new ArgumentException("TimeProvider must not be null.", nameof(options));
        _requireIssuedAt = options.RequireIssuedAt;
        _revocations = options.RevocationStore;
        _revocationFailOpen = options.AcceptTokensWhenRevocationStoreIsUnavailable;
        if (_revocations is not null && !_requireIssuedAt)
        {
            throw new ArgumentException("A RevocationStore needs RequireIssuedAt: a subject's tokens are revoked by their 'iat'.", nameof(options));
        }

        var keys = _issuerKeys.AllKeys.ToList();
        _policy = KeyAlgorithmPolicy.Create(keys, options.ValidAlgorithms, i => _issuerKeys.Label(keys[i]));
        _gate = new GateSettings(options.MaximumTokenSizeInBytes, _policy.Algorithms, _validTypes, options.AllowNestedTokens, options.AcceptOnlyAccessTokens);
        _handler = new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = options.MaximumTokenSizeInBytes };

        // One parameter set per issuer, holding only that issuer's keys. The handler's own lifetime and type checks are
        // off: the dates are checked below against the TimeProvider and the type by the gate.
        _parametersByIssuer = new Dictionary<string, TokenValidationParameters>(StringComparer.Ordinal);
        foreach (var issuer in _issuerKeys.Issuers)
        {
            var parameters = CreateParameters(new[] { issuer }, _issuerKeys.KeysOf(issuer)!);
            parameters.ValidateLifetime = false;
            parameters.ValidTypes = null;
            parameters.LogValidationExceptions = false;
            _parametersByIssuer.Add(issuer, parameters);
        }
    }

    /// <summary>The effective <c>alg</c> allowlist, in a fixed order.</summary>
    public IReadOnlyList<string> ValidAlgorithms => _policy.Algorithms;

    /// <summary>The trusted issuers, in configuration order.</summary>
    public IReadOnlyList<string> ValidIssuers => _issuerKeys.Issuers;

    /// <summary>
    /// Creates fail-closed <see cref="TokenValidationParameters"/> matching these settings, e.g. for ASP.NET Core's
    /// JwtBearer: issuer, audience, lifetime and signing key validated; signed tokens and <c>exp</c> required;
    /// <see cref="TokenValidationParameters.ValidAlgorithms"/> set; with several issuers, an
    /// <see cref="TokenValidationParameters.IssuerSigningKeyResolver"/> that offers only the keys of the issuer a token
    /// names. Each call returns a new instance.
    /// </summary>
    /// <returns>New validation parameters.</returns>
    /// <remarks>
    /// These parameters cannot express the pre-parse gate, the token-kind, <c>iat</c> and lifetime-cap checks, the per-key
    /// algorithm binding or the size cap (set <see cref="TokenHandler.MaximumTokenSizeInBytes"/> on the handler);
    /// IdentityModel's own lifetime check reads the system clock, not <see cref="StrictJwtValidationOptions.TimeProvider"/>.
    /// Prefer <see cref="ValidateAsync"/> where the token text is at hand.
    /// </remarks>
    public TokenValidationParameters CreateTokenValidationParameters()
    {
        var parameters = CreateParameters(_issuerKeys.Issuers, _issuerKeys.AllKeys);
        if (_issuerKeys.Issuers.Count > 1)
        {
            var issuerKeys = _issuerKeys;
            parameters.TryAllIssuerSigningKeys = false;
            parameters.IssuerSigningKeyResolver = (_, token, _, _) => issuerKeys.KeysOf(token?.Issuer) ?? Array.Empty<SecurityKey>();
        }

        return parameters;
    }

    /// <summary>Validates <paramref name="token"/>. Never throws for a bad token: the result says what failed.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The result; check <see cref="StrictJwtValidationResult.IsValid"/>.</returns>
    public async Task<StrictJwtValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var inspected = JwtGate.Inspect(token, _gate, isInner: false, out var failure, out var message);
        if (inspected is null)
        {
            return StrictJwtValidationResult.Failed(failure, message);
        }

        SecurityKey? outerKey = null;
        if (inspected.IsNested)
        {
            outerKey = VerifyOuterSignature(inspected);
            if (outerKey is null)
            {
                return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidSignature, "The outer signature of the nested token could not be verified with any configured key.");
            }

            var innerText = Encoding.ASCII.GetString(inspected.PayloadBytes);
            inspected = JwtGate.Inspect(innerText, _gate, isInner: true, out failure, out message);
            if (inspected is null)
            {
                return StrictJwtValidationResult.Failed(failure, "Inner token: " + message);
            }

            if (!_issuerKeys.Owns(inspected.Issuer, outerKey))
            {
                return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidSignature, "The outer signature of the nested token was made with a key that does not belong to the inner token's issuer.");
            }
        }

        return await ValidateInspectedAsync(inspected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates <paramref name="token"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public JsonWebToken ValidateJsonWebToken(string token)
        => Validated(ValidateAsync(token).GetAwaiter().GetResult());

    /// <summary>Validates <paramref name="token"/> and returns it as a <see cref="JwtSecurityToken"/> read from the same, validated text.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public JwtSecurityToken ValidateJwtSecurityToken(string token)
        => new(ValidateJsonWebToken(token).EncodedToken);

    /// <summary>Validates <paramref name="token"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public async Task<JsonWebToken> ValidateJsonWebTokenAsync(string token, CancellationToken cancellationToken = default)
        => Validated(await ValidateAsync(token, cancellationToken).ConfigureAwait(false));

    /// <summary>Validates <paramref name="token"/> and returns its payload, the JSON text of its claims.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The payload JSON of the validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public string ValidatePayloadJson(string token)
        => Base64UrlEncoder.Decode(ValidateJsonWebToken(token).EncodedPayload);

    /// <summary>
    /// Validates <paramref name="token"/> and deserializes its payload to <typeparamref name="T"/> with
    /// <see cref="JsonSerializer"/> (a dictionary of claims, or a type of the app's own).
    /// </summary>
    /// <typeparam name="T">The type the claims are read into.</typeparam>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The payload of the validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    /// <exception cref="JsonException">The payload does not fit <typeparamref name="T"/>.</exception>
    [RequiresUnreferencedCode("Deserializes the payload with reflection-based System.Text.Json; pass a JsonTypeInfo in trimmed apps.")]
    [RequiresDynamicCode("Deserializes the payload with reflection-based System.Text.Json; pass a JsonTypeInfo in AOT apps.")]
    public T ValidatePayload<T>(string token)
        => JsonSerializer.Deserialize<T>(ValidatePayloadJson(token))
           ?? throw new JsonException($"The payload of the validated token is 'null', not a {typeof(T).Name}.");

    private static JsonWebToken Validated(StrictJwtValidationResult result)
        => result.Token ?? throw new JwtValidationException(result.Failure, result.FailureMessage ?? result.Failure.ToString(), result.Exception);

    private async Task<StrictJwtValidationResult> ValidateInspectedAsync(InspectedToken inspected, CancellationToken cancellationToken)
    {
        // Only the keys of the issuer the token names can verify it (RFC 8725 §3.8).
        if (inspected.Issuer is null || !_parametersByIssuer.TryGetValue(inspected.Issuer, out var parameters))
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidIssuer, "The 'iss' claim is missing or is not a trusted issuer.");
        }

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(inspected.Token, parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ValidateTokenAsync reports failures in the result; should it ever throw, fail closed all the same.
            var thrown = IdentityModelFailures.Classify(e);
            return StrictJwtValidationResult.Failed(thrown, IdentityModelFailures.Describe(thrown, e), e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!result.IsValid)
        {
            var failure = IdentityModelFailures.Classify(result.Exception);
            var text = failure == JwtValidationFailure.InvalidSignature
                ? "The signature could not be verified with any key of the token's issuer."
                : IdentityModelFailures.Describe(failure, result.Exception);
            return StrictJwtValidationResult.Failed(failure, text, result.Exception);
        }

        if (result.SecurityToken is not JsonWebToken jwt)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.Other, "IdentityModel returned no JSON Web Token.");
        }

        var bindingFailure = CheckKeyBinding(jwt, inspected);
        if (bindingFailure is not null)
        {
            return bindingFailure;
        }

        var dateFailure = CheckDates(inspected);
        if (dateFailure is not null)
        {
            return dateFailure;
        }

        var revoked = await CheckRevocationAsync(jwt, inspected, cancellationToken).ConfigureAwait(false);
        if (revoked is not null)
        {
            return revoked;
        }

        var identity = result.ClaimsIdentity ?? new ClaimsIdentity(jwt.Claims, "SafeAuth.StrictJwt");
        return StrictJwtValidationResult.Success(jwt, identity);
    }

    /// <summary>Each key is used only with the algorithms bound to it (RFC 8725 §3.1) and only for its own issuer (§3.8).</summary>
    private StrictJwtValidationResult? CheckKeyBinding(JsonWebToken jwt, InspectedToken inspected)
    {
        if (!string.Equals(jwt.Alg, inspected.Algorithm, StringComparison.Ordinal) || jwt.SigningKey is null || !_policy.IsAllowed(jwt.SigningKey, inspected.Algorithm))
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.AlgorithmNotAllowed, "The token was verified by a key that is not bound to its 'alg'.");
        }

        return _issuerKeys.Owns(inspected.Issuer, jwt.SigningKey)
            ? null
            : StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidSignature, "The token was verified by a key that does not belong to its issuer.");
    }

    private StrictJwtValidationResult? CheckDates(InspectedToken token)
    {
        var now = _timeProvider.GetUtcNow();
        var expires = FromNumericDate(token.Expires!.Value);
        DateTimeOffset? notBefore = token.NotBefore is double nbf ? FromNumericDate(nbf) : null;
        DateTimeOffset? issuedAt = token.IssuedAt is double iat ? FromNumericDate(iat) : null;

        if (notBefore > expires)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidLifetime, "The 'nbf' claim is later than the 'exp' claim.");
        }

        if (notBefore > now + _clockSkew)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.NotYetValid, "The token is not valid yet ('nbf' is later than now plus the clock skew).");
        }

        if (expires < now - _clockSkew)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.Expired, "The token has expired ('exp' is earlier than now minus the clock skew).");
        }

        if (issuedAt is null && _requireIssuedAt)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.MissingIssuedAt, "The 'iat' claim is missing.");
        }

        if (issuedAt > now + _clockSkew)
        {
            return StrictJwtValidationResult.Failed(JwtValidationFailure.IssuedInFuture, "The 'iat' claim is later than now plus the clock skew.");
        }

        if (_maxTokenLifetime is TimeSpan cap && expires - (issuedAt ?? notBefore ?? now) > cap)
        {
            return StrictJwtValidationResult.Failed(
                JwtValidationFailure.LifetimeTooLong,
                string.Format(CultureInfo.InvariantCulture, "The token's lifetime ('exp' minus 'iat') exceeds the {0} cap.", cap));
        }

        return null;
    }

    private TokenValidationParameters CreateParameters(IReadOnlyList<string> issuers, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = issuers.ToList(),
        ValidateAudience = true,
        ValidAudiences = _audiences.ToList(),
        IgnoreTrailingSlashWhenValidatingAudience = false,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _clockSkew,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        IssuerSigningKeys = keys.ToList(),
        ValidAlgorithms = _policy.Algorithms.ToList(),
        ValidTypes = _validTypes.Length == 0 ? null : _validTypes.SelectMany(t => new[] { t, "application/" + t }).ToList(),
        ValidateTokenReplay = false,
        SaveSigninToken = false,
    };
}
