using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests;

/// <summary>The shape of the public API: throwing reads, results that cannot be mistaken for success, fail-closed parameters.</summary>
public sealed class ValidatorApiTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public ValidatorApiTests(JwtFixture fixture) => _f = fixture;

    [Fact]
    public void ValidateAndRead_ReturnsTheToken()
    {
        JsonWebToken token = _f.RsaValidator.ValidateJsonWebToken(_f.ValidRs256());
        Assert.Equal("user-42", token.Subject);
    }

    [Fact]
    public async Task ValidateJsonWebTokenAsync_ReturnsTheToken()
    {
        JsonWebToken token = await _f.HmacValidator.ValidateJsonWebTokenAsync(_f.ValidHs256());
        Assert.Equal("HS256", token.Alg);
    }

    [Fact]
    public void ValidateAndRead_ThrowsWithTheFailure()
    {
        string forged = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        JwtValidationException e = Assert.Throws<JwtValidationException>(() => _f.RsaValidator.ValidateJsonWebToken(forged));
        Assert.Equal(JwtValidationFailure.InvalidSignature, e.Failure);
        Assert.IsAssignableFrom<SecurityTokenValidationException>(e);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(e.InnerException);
        Assert.Contains("signature", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(forged, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAndRead_ThrowsForGateFailures()
    {
        JwtValidationException e = Assert.Throws<JwtValidationException>(() => _f.RsaValidator.ValidateJsonWebToken("not a token"));
        Assert.Equal(JwtValidationFailure.Malformed, e.Failure);
        Assert.Null(e.InnerException);
    }

    [Fact]
    public async Task ValidateJsonWebTokenAsync_ThrowsWithTheFailure()
    {
        string expired = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetNumber("iat", JwtFixture.NowSeconds - 631).SetNumber("nbf", JwtFixture.NowSeconds - 631).SetNumber("exp", JwtFixture.NowSeconds - 31));
        JwtValidationException e = await Assert.ThrowsAsync<JwtValidationException>(() => _f.RsaValidator.ValidateJsonWebTokenAsync(expired));
        Assert.Equal(JwtValidationFailure.Expired, e.Failure);
    }

    [Fact]
    public void FailureMessages_NeverEchoTheHmacKey()
    {
        string forged = Jws.Create(JwtFixture.Header("HS256", JwtFixture.HmacKid), JwtFixture.Claims(), Jws.HS256(new byte[32]));
        JwtValidationException e = Assert.Throws<JwtValidationException>(() => _f.HmacValidator.ValidateJsonWebToken(forged));
        foreach (string form in new[] { Convert.ToBase64String(JwtFixture.HmacKeyBytes), Base64UrlEncoder.Encode(JwtFixture.HmacKeyBytes), Convert.ToHexString(JwtFixture.HmacKeyBytes) })
            Assert.DoesNotContain(form, e.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FailedResult_HasNoTokenOrClaims()
    {
        StrictJwtValidationResult result = await _f.RsaValidator.ValidateAsync(Jws.Unsigned(JwtFixture.Header("none").ToString(), JwtFixture.Claims().ToString()));
        Assert.False(result.IsValid);
        Assert.Equal(JwtValidationFailure.UnsignedToken, result.Failure);

        Assert.Null(result.Token);
        Assert.Null(result.ClaimsIdentity);
        Assert.Contains("unsigned", result.FailureMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FailedResult_CarriesTheIdentityModelException()
    {
        string wrongAudience = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("aud", "api://evil.example"));
        StrictJwtValidationResult result = await _f.RsaValidator.ValidateAsync(wrongAudience);
        Assert.Equal(JwtValidationFailure.InvalidAudience, result.Failure);
        Assert.IsType<SecurityTokenInvalidAudienceException>(result.Exception);
        Assert.Contains("IDX10214", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", result.FailureMessage, StringComparison.Ordinal);

        // An untrusted issuer is refused before any key is tried, and the message does not echo it either.
        string wrongIssuer = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("iss", "https://evil.example"));
        StrictJwtValidationResult issuer = await _f.RsaValidator.ValidateAsync(wrongIssuer);
        Assert.Equal(JwtValidationFailure.InvalidIssuer, issuer.Failure);
        Assert.Null(issuer.Exception);
        Assert.DoesNotContain("evil.example", issuer.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _f.RsaValidator.ValidateAsync(_f.ValidRs256(), cts.Token));
    }

    [Fact]
    public void CreateTokenValidationParameters_FailsClosed()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.ValidAudiences.Add("api://second"));
        TokenValidationParameters p = validator.CreateTokenValidationParameters();

        Assert.True(p.ValidateIssuer);
        Assert.True(p.ValidateAudience);
        Assert.True(p.ValidateLifetime);
        Assert.True(p.ValidateIssuerSigningKey);
        Assert.True(p.RequireSignedTokens);
        Assert.True(p.RequireExpirationTime);
        Assert.True(p.RequireAudience);
        Assert.False(p.IgnoreTrailingSlashWhenValidatingAudience);
        Assert.Null(p.ValidIssuer);
        Assert.Equal(new[] { JwtFixture.Issuer }, p.ValidIssuers);
        Assert.Null(p.ValidAudience);
        Assert.Equal(new[] { JwtFixture.Audience, "api://second" }, p.ValidAudiences);
        Assert.Equal(new[] { "RS256" }, p.ValidAlgorithms);
        Assert.Equal(new[] { "at+jwt", "application/at+jwt" }, p.ValidTypes);
        Assert.Null(p.IssuerSigningKeyResolver);
        Assert.Equal(TimeSpan.FromSeconds(30), p.ClockSkew);
        Assert.Same(_f.RsaKey, Assert.Single(p.IssuerSigningKeys));

        Assert.Null(p.SignatureValidator);
        Assert.Null(p.IssuerValidator);
        Assert.Null(p.AudienceValidator);
        Assert.Null(p.LifetimeValidator);
        Assert.Null(p.TypeValidator);
        Assert.Null(p.IssuerSigningKeyValidator);
        Assert.Null(p.AlgorithmValidator);
        Assert.Null(p.TokenReader);
        Assert.Null(p.IssuerSigningKeyResolver);

        Assert.NotSame(p, validator.CreateTokenValidationParameters());
    }

    [Fact]
    public async Task CreateTokenValidationParameters_WorkWithJsonWebTokenHandler()
    {
        // IdentityModel's lifetime check reads the system clock, so this token is issued at the real current time.
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string token = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetNumber("iat", now).SetNumber("nbf", now).SetNumber("exp", now + 600));
        TokenValidationParameters p = _f.RsaValidator.CreateTokenValidationParameters();

        TokenValidationResult ok = await new JsonWebTokenHandler().ValidateTokenAsync(token, p);
        Assert.True(ok.IsValid, ok.Exception?.Message);

        string hs256 = Jws.Create(JwtFixture.Header("HS256"), JwtFixture.Claims().SetNumber("exp", now + 600), Jws.HS256(_f.Rsa.ExportSubjectPublicKeyInfo()));
        TokenValidationResult confused = await new JsonWebTokenHandler().ValidateTokenAsync(hs256, p);
        Assert.False(confused.IsValid);
    }
}
