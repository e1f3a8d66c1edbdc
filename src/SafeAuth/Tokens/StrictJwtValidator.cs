using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Validates compact JWS tokens strictly: a pre-parse gate on the raw text, then
/// <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/> with fail-closed parameters,
/// then the date checks IdentityModel does not make (<c>iat</c>, maximum lifetime), all against the configured
/// <see cref="TimeProvider"/>. Immutable and thread-safe once constructed.
/// </summary>
public sealed class StrictJwtValidator
{
    private readonly KeyAlgorithmPolicy _policy;
    private readonly GateSettings _gate;
    private readonly string? _issuer;
    private readonly string[] _issuers;
    private readonly string? _audience;
    private readonly string[] _audiences;
    private readonly string[] _validTypes;
    private readonly TimeSpan _clockSkew;
    private readonly TimeSpan? _maxTokenLifetime;
    private readonly int _maxTokenSizeInBytes;
    private readonly bool _requireIssuedAt;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler;
    private readonly TokenValidationParameters _handlerParameters;

    /// <summary>Checks <paramref name="options"/> and builds a validator from a snapshot of them.</summary>
    /// <param name="options">The validation settings; later changes to them do not affect this validator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A setting would weaken validation: no issuer, no audience, no key, <c>none</c> or an unknown algorithm, an algorithm
    /// that matches no key's type, a short HMAC key, an RSA key under 2048 bits, a clock skew above 5 minutes, and so on.
    /// </exception>
    public StrictJwtValidator(StrictJwtValidationOptions options)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));

        _issuer = NullIfEmpty(options.Issuer, nameof(options.Issuer));
        _issuers = CopyNonBlank(options.ValidIssuers, nameof(options.ValidIssuers));
        if (_issuer is null && _issuers.Length == 0)
            throw new ArgumentException("An issuer is required: set Issuer or ValidIssuers (RFC 8725 §3.8).", nameof(options));

        _audience = NullIfEmpty(options.Audience, nameof(options.Audience));
        _audiences = CopyNonBlank(options.ValidAudiences, nameof(options.ValidAudiences));
        if (_audience is null && _audiences.Length == 0)
            throw new ArgumentException("An audience is required: set Audience or ValidAudiences (RFC 8725 §3.9).", nameof(options));

        _validTypes = CopyNonBlank(options.ValidTypes, nameof(options.ValidTypes));

        if (options.ClockSkew < TimeSpan.Zero)
            throw new ArgumentException("ClockSkew must not be negative.", nameof(options));
        if (options.ClockSkew > StrictJwtValidationOptions.MaxClockSkew)
            throw new ArgumentException("ClockSkew must not exceed 5 minutes; 30 seconds is the default.", nameof(options));
        _clockSkew = options.ClockSkew;

        if (options.MaxTokenLifetime is TimeSpan lifetime && lifetime <= TimeSpan.Zero)
            throw new ArgumentException("MaxTokenLifetime must be positive, or null for no cap.", nameof(options));
        _maxTokenLifetime = options.MaxTokenLifetime;

        if (options.MaxTokenSizeInBytes <= 0 || options.MaxTokenSizeInBytes > StrictJwtValidationOptions.MaxAllowedTokenSizeInBytes)
            throw new ArgumentException("MaxTokenSizeInBytes must be between 1 and 262144 (256 KiB); 16 KiB is the default.", nameof(options));
        _maxTokenSizeInBytes = options.MaxTokenSizeInBytes;

        _timeProvider = options.TimeProvider ?? throw new ArgumentException("TimeProvider must not be null.", nameof(options));
        _requireIssuedAt = options.RequireIssuedAt;

        _policy = KeyAlgorithmPolicy.Create(options.SigningKeys, options.ValidAlgorithms);
        _gate = new GateSettings(_maxTokenSizeInBytes, _policy.Algorithms, _validTypes, options.AllowNestedTokens);

        _handler = new JsonWebTokenHandler
        {
            MapInboundClaims = false,
            MaximumTokenSizeInBytes = _maxTokenSizeInBytes,
        };

        // The handler's own lifetime check reads the system clock; the dates are checked below against the
        // TimeProvider instead. Everything else stays as in CreateTokenValidationParameters.
        _handlerParameters = CreateTokenValidationParameters();
        _handlerParameters.ValidateLifetime = false;
        _handlerParameters.LogValidationExceptions = false;
    }

    /// <summary>The effective <c>alg</c> allowlist, in a fixed order.</summary>
    public IReadOnlyList<string> ValidAlgorithms => _policy.Algorithms;

    /// <summary>
    /// Creates fail-closed <see cref="TokenValidationParameters"/> matching these settings, e.g. for ASP.NET Core's
    /// JwtBearer: issuer, audience, lifetime and signing key validated; signed tokens and <c>exp</c> required;
    /// <see cref="TokenValidationParameters.ValidAlgorithms"/> set; no validator delegates. Each call returns a new instance.
    /// </summary>
    /// <returns>New validation parameters.</returns>
    /// <remarks>
    /// These parameters cannot express the pre-parse gate, the <c>iat</c> and lifetime-cap checks, the per-key algorithm
    /// binding or the size cap (set <see cref="TokenHandler.MaximumTokenSizeInBytes"/> on the handler); IdentityModel's
    /// own lifetime check reads the system clock, not <see cref="StrictJwtValidationOptions.TimeProvider"/>. Prefer
    /// <see cref="ValidateAsync"/> where the token text is at hand.
    /// </remarks>
    public TokenValidationParameters CreateTokenValidationParameters()
    {
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = _issuer,
            ValidIssuers = _issuers.ToList(),
            ValidateAudience = true,
            ValidAudience = _audience,
            ValidAudiences = _audiences.ToList(),
            IgnoreTrailingSlashWhenValidatingAudience = false,
            RequireAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = _clockSkew,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            IssuerSigningKeys = _policy.Keys.ToList(),
            ValidAlgorithms = _policy.Algorithms.ToList(),
            ValidTypes = _validTypes.Length == 0 ? null : _validTypes.ToList(),
            ValidateTokenReplay = false,
            SaveSigninToken = false,
        };
    }

    /// <summary>Validates <paramref name="token"/>. Never throws for a bad token: the result says what failed.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The result; check <see cref="StrictJwtValidationResult.IsValid"/>.</returns>
    public async Task<StrictJwtValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        InspectedToken? inspected = JwtGate.Inspect(token, _gate, isInner: false, out JwtValidationFailure failure, out string message);
        if (inspected is null)
            return StrictJwtValidationResult.Failed(failure, message);

        if (inspected.IsNested)
        {
            if (!VerifyOuterSignature(inspected))
                return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidSignature, "The outer signature of the nested token could not be verified with any configured key.");

            string innerText = Encoding.ASCII.GetString(inspected.PayloadBytes);
            inspected = JwtGate.Inspect(innerText, _gate, isInner: true, out failure, out message);
            if (inspected is null)
                return StrictJwtValidationResult.Failed(failure, "Inner token: " + message);
        }

        return await ValidateInspectedAsync(inspected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates <paramref name="token"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public JsonWebToken ValidateAndRead(string token)
        => ValidateAsync(token).GetAwaiter().GetResult().ThrowIfInvalid().Token;

    /// <summary>Validates <paramref name="token"/> and returns it.</summary>
    /// <param name="token">The compact JWS text.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The validated token.</returns>
    /// <exception cref="JwtValidationException">Any check failed; <see cref="JwtValidationException.Failure"/> says which.</exception>
    public async Task<JsonWebToken> ValidateAndReadAsync(string token, CancellationToken cancellationToken = default)
    {
        StrictJwtValidationResult result = await ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        return result.ThrowIfInvalid().Token;
    }

    private async Task<StrictJwtValidationResult> ValidateInspectedAsync(InspectedToken inspected, CancellationToken cancellationToken)
    {
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(inspected.Token, _handlerParameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ValidateTokenAsync reports failures in the result; should it ever throw, fail closed all the same.
            return StrictJwtValidationResult.Failed(Classify(e), Describe(Classify(e), e), e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!result.IsValid)
        {
            JwtValidationFailure failure = Classify(result.Exception);
            return StrictJwtValidationResult.Failed(failure, Describe(failure, result.Exception), result.Exception);
        }

        if (result.SecurityToken is not JsonWebToken jwt)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.Other, "IdentityModel returned no JSON Web Token.");

        // Each key is used only with the algorithms bound to it (RFC 8725 §3.1), whatever IdentityModel would allow.
        if (!string.Equals(jwt.Alg, inspected.Algorithm, StringComparison.Ordinal) || jwt.SigningKey is null || !_policy.IsAllowed(jwt.SigningKey, inspected.Algorithm))
            return StrictJwtValidationResult.Failed(JwtValidationFailure.AlgorithmNotAllowed, "The token was verified by a key that is not bound to its 'alg'.");

        StrictJwtValidationResult? dateFailure = CheckDates(inspected);
        if (dateFailure is not null)
            return dateFailure;

        ClaimsIdentity identity = result.ClaimsIdentity ?? new ClaimsIdentity(jwt.Claims, "SafeAuth.StrictJwt");
        return StrictJwtValidationResult.Success(jwt, identity);
    }

    private StrictJwtValidationResult? CheckDates(InspectedToken token)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        DateTimeOffset expires = FromNumericDate(token.Expires!.Value);
        DateTimeOffset? notBefore = token.NotBefore is double nbf ? FromNumericDate(nbf) : null;
        DateTimeOffset? issuedAt = token.IssuedAt is double iat ? FromNumericDate(iat) : null;

        if (notBefore > expires)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.InvalidLifetime, "The 'nbf' claim is later than the 'exp' claim.");
        if (notBefore > now + _clockSkew)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.NotYetValid, "The token is not valid yet ('nbf' is later than now plus the clock skew).");
        if (expires < now - _clockSkew)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.Expired, "The token has expired ('exp' is earlier than now minus the clock skew).");

        if (issuedAt is null && _requireIssuedAt)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.MissingIssuedAt, "The 'iat' claim is missing.");
        if (issuedAt > now + _clockSkew)
            return StrictJwtValidationResult.Failed(JwtValidationFailure.IssuedInFuture, "The 'iat' claim is later than now plus the clock skew.");

        if (_maxTokenLifetime is TimeSpan cap)
        {
            DateTimeOffset start = issuedAt ?? notBefore ?? now;
            if (expires - start > cap)
            {
                return StrictJwtValidationResult.Failed(
                    JwtValidationFailure.LifetimeTooLong,
                    string.Format(CultureInfo.InvariantCulture, "The token's lifetime ('exp' minus 'iat') exceeds the {0} cap.", cap));
            }
        }

        return null;
    }

    private bool VerifyOuterSignature(InspectedToken token)
    {
        byte[] signingInput = Encoding.ASCII.GetBytes(token.HeaderSegment + "." + token.PayloadSegment);
        foreach (SecurityKey key in _policy.Keys)
        {
            if (!_policy.IsAllowed(key, token.Algorithm))
                continue;
            if (token.KeyId is not null && key.KeyId is not null && !string.Equals(token.KeyId, key.KeyId, StringComparison.Ordinal))
                continue;

            CryptoProviderFactory factory = key.CryptoProviderFactory ?? CryptoProviderFactory.Default;
            SignatureProvider? provider = null;
            try
            {
                provider = factory.CreateForVerifying(key, token.Algorithm);
                if (provider.Verify(signingInput, token.Signature))
                    return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A key that cannot verify this algorithm simply does not match.
            }
            finally
            {
                if (provider is not null)
                    factory.ReleaseSignatureProvider(provider);
            }
        }

        return false;
    }

    private static DateTimeOffset FromNumericDate(double seconds)
        => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    internal static JwtValidationFailure Classify(Exception? exception) => exception switch
    {
        null => JwtValidationFailure.Other,
        SecurityTokenInvalidAlgorithmException => JwtValidationFailure.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidSignatureException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidSigningKeyException => JwtValidationFailure.InvalidSignature,
        SecurityTokenInvalidIssuerException => JwtValidationFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => JwtValidationFailure.InvalidAudience,
        SecurityTokenInvalidTypeException => JwtValidationFailure.InvalidType,
        SecurityTokenNoExpirationException => JwtValidationFailure.MissingExpiration,
        SecurityTokenExpiredException => JwtValidationFailure.Expired,
        SecurityTokenNotYetValidException => JwtValidationFailure.NotYetValid,
        SecurityTokenInvalidLifetimeException => JwtValidationFailure.InvalidLifetime,
        SecurityTokenDecryptionFailedException => JwtValidationFailure.EncryptedTokenNotAccepted,
        SecurityTokenMalformedException => JwtValidationFailure.Malformed,
        ArgumentException => JwtValidationFailure.Malformed, // IDX14101 and kin: a claim IdentityModel cannot read
        _ => JwtValidationFailure.Other,
    };

    private static string Describe(JwtValidationFailure failure, Exception? exception)
    {
        string text = failure switch
        {
            JwtValidationFailure.AlgorithmNotAllowed => "The 'alg' header is not allowed.",
            JwtValidationFailure.InvalidSignature => "The signature could not be verified with any configured key.",
            JwtValidationFailure.InvalidIssuer => "The 'iss' claim is missing or is not an accepted issuer.",
            JwtValidationFailure.InvalidAudience => "The 'aud' claim is missing, empty, or names no accepted audience.",
            JwtValidationFailure.InvalidType => "The 'typ' header is missing or is not an accepted type.",
            JwtValidationFailure.MissingExpiration => "The 'exp' claim is missing.",
            JwtValidationFailure.Expired => "The token has expired.",
            JwtValidationFailure.NotYetValid => "The token is not valid yet.",
            JwtValidationFailure.InvalidLifetime => "The token's lifetime is invalid.",
            JwtValidationFailure.EncryptedTokenNotAccepted => "Encrypted tokens are not accepted.",
            JwtValidationFailure.Malformed => "The token is malformed.",
            _ => "IdentityModel rejected the token.",
        };

        // IdentityModel messages start with a stable code such as "IDX10503:"; keep only the code, since the rest
        // may quote token content.
        string? code = exception?.Message is { Length: >= 8 } m && m.StartsWith("IDX", StringComparison.Ordinal) && m.Length > 8 && m[8] == ':'
            ? m.Substring(0, 8)
            : null;
        return code is null ? text : text + " (" + code + ")";
    }

    private static string? NullIfEmpty(string? value, string name)
    {
        if (value is null || value.Length == 0)
            return null;
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException(name + " must not be blank.", name);
        return value;
    }

    private static string[] CopyNonBlank(IList<string>? values, string name)
    {
        if (values is null)
            throw new ArgumentException(name + " must not be null.", name);
        foreach (string? value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new ArgumentException(name + " must not contain a null or blank entry.", name);
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }
}
