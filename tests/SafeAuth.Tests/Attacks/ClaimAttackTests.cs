using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>T21–T27 of the attack-token suite: dates, lifetime, issuer and audience.</summary>
public sealed class ClaimAttackTests : IClassFixture<JwtFixture>
{
    private static readonly long Now = JwtFixture.NowSeconds;
    private readonly JwtFixture _f;

    public ClaimAttackTests(JwtFixture fixture) => _f = fixture;

    private string Sign(JsonMembers claims) => _f.SignRs256(JwtFixture.Header(), claims);

    private static JsonMembers IssuedAt(long iat, long lifetimeSeconds)
        => JwtFixture.Claims().SetNumber("iat", iat).SetNumber("nbf", iat).SetNumber("exp", iat + lifetimeSeconds);

    [Theory]
    [InlineData(31)]
    [InlineData(3600)]
    [InlineData(30 * 24 * 3600)]
    public async Task Rejects_T21_ExpiredBeyondSkew(long expiredSecondsAgo)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(IssuedAt(Now - expiredSecondsAgo - 600, 600)), JwtValidationFailure.Expired);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task Accepts_T21_Control_ExpiredWithinSkew(long expiredSecondsAgo)
    {
        await AssertAcceptedAsync(_f.RsaValidator, Sign(IssuedAt(Now - expiredSecondsAgo - 600, 600)));
    }

    [Fact]
    public async Task Rejects_T21_ExpiredAfterTheClockMoves()
    {
        var clock = new FrozenTimeProvider(JwtFixture.Now);
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.TimeProvider = clock);
        string token = _f.ValidRs256();
        await AssertAcceptedAsync(validator, token);

        clock.Now = JwtFixture.Now.AddSeconds(600 + 30);
        await AssertAcceptedAsync(validator, token);
        clock.Now = JwtFixture.Now.AddSeconds(600 + 31);
        await AssertRejectedAsync(validator, token, JwtValidationFailure.Expired);
    }

    [Fact]
    public async Task Rejects_T22_MissingExp()
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Remove("exp")), JwtValidationFailure.MissingExpiration);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(3600)]
    public async Task Rejects_T23_NbfInFutureBeyondSkew(long secondsAhead)
    {
        JsonMembers claims = JwtFixture.Claims().SetNumber("nbf", Now + secondsAhead).SetNumber("exp", Now + secondsAhead + 600);
        await AssertRejectedAsync(_f.RsaValidator, Sign(claims), JwtValidationFailure.NotYetValid);
    }

    [Fact]
    public async Task Accepts_T23_Control_NbfWithinSkew()
    {
        await AssertAcceptedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().SetNumber("nbf", Now + 25)));
    }

    [Fact]
    public async Task Rejects_T23_NbfAfterExp()
    {
        JsonMembers claims = JwtFixture.Claims().SetNumber("nbf", Now + 20).SetNumber("exp", Now + 10);
        await AssertRejectedAsync(_f.RsaValidator, Sign(claims), JwtValidationFailure.InvalidLifetime);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(24 * 3600)]
    public async Task Rejects_T24_IatInFuture(long secondsAhead)
    {
        JsonMembers claims = JwtFixture.Claims().SetNumber("iat", Now + secondsAhead).Remove("nbf").SetNumber("exp", Now + secondsAhead + 600);
        await AssertRejectedAsync(_f.RsaValidator, Sign(claims), JwtValidationFailure.IssuedInFuture);
    }

    [Fact]
    public async Task Accepts_T24_Control_IatWithinSkew()
    {
        await AssertAcceptedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().SetNumber("iat", Now + 29)));
    }

    [Fact]
    public async Task Rejects_T24_MissingIat()
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Remove("iat")), JwtValidationFailure.MissingIssuedAt);
    }

    [Fact]
    public async Task Accepts_T24_Control_MissingIat_WhenNotRequired()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.RequireIssuedAt = false);
        await AssertAcceptedAsync(validator, Sign(JwtFixture.Claims().Remove("iat")));
    }

    [Theory]
    [InlineData(24 * 3600 + 1)]
    [InlineData(365L * 24 * 3600)]
    public async Task Rejects_T24_LifetimeOverCap(long lifetimeSeconds)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(IssuedAt(Now - 60, lifetimeSeconds)), JwtValidationFailure.LifetimeTooLong);
    }

    [Fact]
    public async Task Rejects_T24_LifetimeOverCap_WithoutIat_MeasuredFromNow()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.RequireIssuedAt = false);
        JsonMembers claims = JwtFixture.Claims().Remove("iat").Remove("nbf").SetNumber("exp", 253402300799);
        await AssertRejectedAsync(validator, Sign(claims), JwtValidationFailure.LifetimeTooLong);
    }

    [Fact]
    public async Task Accepts_T24_Control_LifetimeAtCap_AndUncapped()
    {
        await AssertAcceptedAsync(_f.RsaValidator, Sign(IssuedAt(Now - 60, 24 * 3600)));

        StrictJwtValidator shorter = _f.RsaValidatorWith(o => o.MaxTokenLifetime = TimeSpan.FromMinutes(5));
        await AssertRejectedAsync(shorter, _f.ValidRs256(), JwtValidationFailure.LifetimeTooLong);

        StrictJwtValidator uncapped = _f.RsaValidatorWith(o => o.MaxTokenLifetime = null);
        await AssertAcceptedAsync(uncapped, Sign(IssuedAt(Now - 60, 365L * 24 * 3600)));
    }

    [Theory]
    [InlineData("exp", "\"1900000000\"")]
    [InlineData("exp", "\"9999999999\"")]
    [InlineData("exp", "true")]
    [InlineData("exp", "null")]
    [InlineData("exp", "{\"$date\":1900000000}")]
    [InlineData("exp", "[1900000000]")]
    [InlineData("exp", "-1")]
    [InlineData("exp", "1e300")]
    [InlineData("exp", "253402300800")]
    [InlineData("nbf", "\"1900000000\"")]
    [InlineData("nbf", "false")]
    [InlineData("iat", "\"1900000000\"")]
    [InlineData("iat", "{}")]
    public async Task Rejects_T25_NumericDateNotANumber(string claim, string rawValue)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Set(claim, rawValue)), JwtValidationFailure.InvalidNumericDate);
    }

    [Fact]
    public async Task Accepts_T25_Control_FractionalNumericDate()
    {
        await AssertAcceptedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Set("exp", (Now + 600).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".5")));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(JwtFixture.Issuer + "/")]
    [InlineData("HTTPS://ISSUER.SAFEAUTH.TEST")]
    [InlineData("https://issuer.safeauth.test.evil.example")]
    [InlineData("")]
    public async Task Rejects_T26_WrongIssuer(string issuer)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().SetString("iss", issuer)), JwtValidationFailure.InvalidIssuer);
    }

    [Fact]
    public async Task Rejects_T26_MissingIssuer()
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Remove("iss")), JwtValidationFailure.InvalidIssuer);
    }

    [Theory]
    [InlineData("[\"" + JwtFixture.Issuer + "\"]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"iss\":\"" + JwtFixture.Issuer + "\"}")]
    public async Task Rejects_T26_IssuerNotAString(string rawIssuer)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Set("iss", rawIssuer)), JwtValidationFailure.InvalidIssuer);
    }

    [Theory]
    [InlineData("\"api://other\"")]
    [InlineData("\"api://safeauth-tests/\"")]
    [InlineData("\"API://SAFEAUTH-TESTS\"")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("[\"api://other\",\"spa-client-id\"]")]
    public async Task Rejects_T27_WrongOrEmptyAudience(string rawAudience)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Set("aud", rawAudience)), JwtValidationFailure.InvalidAudience);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{\"aud\":\"api://safeauth-tests\"}")]
    [InlineData("[42]")]
    [InlineData("[\"api://safeauth-tests\",null]")]
    [InlineData("[\"api://safeauth-tests\",[\"x\"]]")]
    [InlineData("[\"api://safeauth-tests\",{\"x\":1}]")]
    public async Task Rejects_T27_AudienceOfTheWrongShape(string rawAudience)
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Set("aud", rawAudience)), JwtValidationFailure.InvalidAudience);
    }

    [Fact]
    public async Task Rejects_T27_MissingAudience()
    {
        await AssertRejectedAsync(_f.RsaValidator, Sign(JwtFixture.Claims().Remove("aud")), JwtValidationFailure.InvalidAudience);
    }

    [Fact]
    public async Task Accepts_T27_Control_AudienceArrayContainingOurs()
    {
        string token = Sign(JwtFixture.Claims().Set("aud", "[\"api://other\",\"" + JwtFixture.Audience + "\"]"));
        await AssertAcceptedAsync(_f.RsaValidator, token);
    }

    [Fact]
    public async Task Accepts_Control_AnyOfSeveralIssuersAndAudiences()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o =>
        {
            o.ValidIssuer = null;
            o.IssuerSigningKeys.Clear();
            o.AddIssuer("https://other-issuer.test", _f.RsaKey).AddIssuer(JwtFixture.Issuer, _f.RsaKey);
            o.ValidAudience = null;
            o.ValidAudiences.Add("api://second");
            o.ValidAudiences.Add(JwtFixture.Audience);
        });
        await AssertAcceptedAsync(validator, _f.ValidRs256());
        await AssertAcceptedAsync(validator, Sign(JwtFixture.Claims().SetString("aud", "api://second").SetString("iss", "https://other-issuer.test")));
        await AssertRejectedAsync(validator, Sign(JwtFixture.Claims().SetString("iss", "https://third.test")), JwtValidationFailure.InvalidIssuer);
    }
}
