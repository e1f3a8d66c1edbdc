using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests;

public class StrictJwtIssuerTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _fixture;

    public StrictJwtIssuerTests(JwtFixture fixture) => _fixture = fixture;

    private static StrictJwtIssuerOptions Options(SecurityKey key, TimeProvider? clock = null) => new()
    {
        Issuer = JwtFixture.Issuer,
        Audience = JwtFixture.Audience,
        SigningKey = key,
        TimeProvider = clock ?? new FrozenTimeProvider(JwtFixture.Now),
    };

    private RsaSecurityKey PrivateRsaKey() => new(_fixture.Rsa) { KeyId = JwtFixture.RsaKid };

    private ECDsaSecurityKey PrivateEcKey() => new(_fixture.Ec) { KeyId = JwtFixture.EcKid };

    private static Dictionary<string, JsonElement> Part(string token, int index) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(token.Split('.')[index]))!;

    // ---------- what every token carries ----------

    [Fact]
    public void Issue_WritesExpIatNbfJtiIssAudSubTypAndAlg_FromTheClock()
    {
        var issuer = new StrictJwtIssuer(Options(PrivateRsaKey()));
        var token = issuer.Issue("user-42", new[] { new Claim("role", "reader") });

        var header = Part(token, 0);
        var payload = Part(token, 1);
        Assert.Equal("RS256", header["alg"].GetString());
        Assert.Equal("at+jwt", header["typ"].GetString());
        Assert.Equal(JwtFixture.NowSeconds, payload["iat"].GetInt64());
        Assert.Equal(JwtFixture.NowSeconds, payload["nbf"].GetInt64());
        Assert.Equal(JwtFixture.NowSeconds + 15 * 60, payload["exp"].GetInt64());
        Assert.False(string.IsNullOrEmpty(payload["jti"].GetString()));
        Assert.Equal(JwtFixture.Issuer, payload["iss"].GetString());
        Assert.Equal(JwtFixture.Audience, payload["aud"].GetString());
        Assert.Equal("user-42", payload["sub"].GetString());
        Assert.Equal("reader", payload["role"].GetString());
    }

    [Fact]
    public void Issue_EveryTokenHasItsOwnJti_AndHonoursARequestedLifetime()
    {
        var issuer = new StrictJwtIssuer(Options(_fixture.HmacKey));
        var first = Part(issuer.Issue("a", lifetime: TimeSpan.FromMinutes(5)), 1);
        var second = Part(issuer.Issue("a"), 1);
        Assert.NotEqual(first["jti"].GetString(), second["jti"].GetString());
        Assert.Equal(JwtFixture.NowSeconds + 300, first["exp"].GetInt64());
    }

    [Fact]
    public void Issue_DropsFractionsOfASecond_SoIatNbfAndExpAgree()
    {
        var clock = new FrozenTimeProvider(JwtFixture.Now.AddMilliseconds(750));
        var payload = Part(new StrictJwtIssuer(Options(_fixture.HmacKey, clock)).Issue("a"), 1);
        Assert.Equal(JwtFixture.NowSeconds, payload["iat"].GetInt64());
        Assert.Equal(payload["iat"].GetInt64() + 900, payload["exp"].GetInt64());
    }

    [Theory]
    [InlineData("rsa", "RS256")]
    [InlineData("ec", "ES256")]
    [InlineData("hmac", "HS256")]
    public void Algorithm_MatchesTheKey(string kind, string expected)
    {
        SecurityKey key = kind switch { "rsa" => PrivateRsaKey(), "ec" => PrivateEcKey(), _ => _fixture.HmacKey };
        var issuer = new StrictJwtIssuer(Options(key));
        Assert.Equal(expected, issuer.Algorithm);
        Assert.Equal(expected, Part(issuer.Issue("a"), 0)["alg"].GetString());
    }

    [Fact]
    public void Algorithm_ExplicitPs256_ForAnRsaKey()
    {
        var options = Options(PrivateRsaKey());
        options.Algorithm = SecurityAlgorithms.RsaSsaPssSha256;
        Assert.Equal("PS256", Part(new StrictJwtIssuer(options).Issue("a"), 0)["alg"].GetString());
    }

    // ---------- round trip through the strict validator ----------

    [Fact]
    public async Task RoundTrip_Rsa_ValidatesWithStrictJwtValidator()
    {
        var token = new StrictJwtIssuer(Options(PrivateRsaKey())).Issue("user-42", new[] { new Claim("role", "reader") });
        var result = await _fixture.RsaValidator.ValidateAsync(token);
        Assert.True(result.IsValid, result.FailureMessage);
        Assert.Equal("user-42", result.Token!.Subject);
        Assert.Equal("reader", result.Token!.GetClaim("role").Value);
    }

    [Fact]
    public async Task RoundTrip_HmacAndEc_ValidateWithStrictJwtValidator()
    {
        Assert.True((await _fixture.HmacValidator.ValidateAsync(new StrictJwtIssuer(Options(_fixture.HmacKey)).Issue("a"))).IsValid);
        Assert.True((await _fixture.EcValidator.ValidateAsync(new StrictJwtIssuer(Options(PrivateEcKey())).Issue("a"))).IsValid);
    }

    [Fact]
    public async Task RoundTrip_ExpiredToken_IsRejectedOnceTheClockPassesExp()
    {
        var issuedAt = JwtFixture.Now.AddMinutes(-20);
        var token = new StrictJwtIssuer(Options(PrivateRsaKey(), new FrozenTimeProvider(issuedAt))).Issue("a");
        var result = await _fixture.RsaValidator.ValidateAsync(token);
        Assert.False(result.IsValid);
    }

    // ---------- refusals ----------

    [Fact]
    public void Refuses_MissingSigningKey()
    {
        var options = Options(_fixture.HmacKey);
        options.SigningKey = null;
        var error = Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(options));
        Assert.Contains("signing key is required", error.Message);
    }

    [Fact]
    public void Refuses_MissingIssuerOrAudience()
    {
        var noIssuer = Options(_fixture.HmacKey);
        noIssuer.Issuer = " ";
        Assert.Contains("issuer is required", Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(noIssuer)).Message);
        var noAudience = Options(_fixture.HmacKey);
        noAudience.Audience = null;
        Assert.Contains("audience is required", Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(noAudience)).Message);
    }

    [Fact]
    public void Refuses_LifetimeAboveTheCap_AtConstructionAndAtIssue()
    {
        var options = Options(_fixture.HmacKey);
        options.Lifetime = TimeSpan.FromHours(2);
        Assert.Contains("exceeds MaxLifetime", Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(options)).Message);

        var issuer = new StrictJwtIssuer(Options(_fixture.HmacKey));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => issuer.Issue("a", lifetime: TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)));
        Assert.Equal("lifetime", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => issuer.Issue("a", lifetime: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => issuer.Issue("a", lifetime: TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Refuses_NonPositiveLifetime_AndCapAboveOneDay()
    {
        var zero = Options(_fixture.HmacKey);
        zero.Lifetime = TimeSpan.Zero;
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(zero));
        var cap = Options(_fixture.HmacKey);
        cap.MaxLifetime = TimeSpan.FromDays(2);
        Assert.Contains("at most 1 day", Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(cap)).Message);
        var negativeCap = Options(_fixture.HmacKey);
        negativeCap.MaxLifetime = TimeSpan.FromMinutes(-5);
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(negativeCap));
    }

    [Fact]
    public void Refuses_AlgorithmThatDoesNotFitTheKey_AndNone()
    {
        var mismatch = Options(_fixture.HmacKey);
        mismatch.Algorithm = SecurityAlgorithms.RsaSha256;
        Assert.Contains("refused", Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(mismatch)).Message);
        var none = Options(_fixture.HmacKey);
        none.Algorithm = "none";
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(none));
    }

    [Fact]
    public void Refuses_WeakKeys_WithoutEchoingThem()
    {
        var shortKey = new SymmetricSecurityKey(Enumerable.Range(0, 16).Select(i => (byte)(i * 7 + 1)).ToArray());
        var error = Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(Options(shortKey)));
        Assert.Contains("SigningKey is a 16-byte symmetric key", error.Message);
        Assert.DoesNotContain(Convert.ToBase64String(shortKey.Key), error.Message);
        using var small = RSA.Create(1024);
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(Options(new RsaSecurityKey(small))));
    }

    [Fact]
    public void Refuses_BlankTokenType_NullClock_AndNullOptions()
    {
        var type = Options(_fixture.HmacKey);
        type.TokenType = "";
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(type));
        var clock = Options(_fixture.HmacKey);
        clock.TimeProvider = null!;
        Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(clock));
        Assert.Throws<ArgumentNullException>(() => new StrictJwtIssuer(null!));
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("iat")]
    [InlineData("nbf")]
    [InlineData("jti")]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    public void Refuses_ReservedClaimsFromTheCaller(string claimType)
    {
        var issuer = new StrictJwtIssuer(Options(_fixture.HmacKey));
        var error = Assert.Throws<ArgumentException>(() => issuer.Issue("a", new[] { new Claim(claimType, "1") }));
        Assert.Contains($"'{claimType}'", error.Message);
    }

    [Fact]
    public void Refuses_MissingSubject_AndNullClaim()
    {
        var issuer = new StrictJwtIssuer(Options(_fixture.HmacKey));
        Assert.Throws<ArgumentException>(() => issuer.Issue(""));
        Assert.Throws<ArgumentException>(() => issuer.Issue("a", new Claim[] { null! }));
    }
}
