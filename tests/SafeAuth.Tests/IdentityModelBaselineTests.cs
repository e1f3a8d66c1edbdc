using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests;

/// <summary>
/// The same attack tokens against IdentityModel 8.x with its default <see cref="TokenValidationParameters"/> (plus issuer,
/// audience and key) and against the strict validator. Where IdentityModel accepts, the custom check earns its place.
/// IdentityModel reads the system clock, so these tokens are dated from the real current time.
/// </summary>
public sealed class IdentityModelBaselineTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;
    private readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private readonly StrictJwtValidator _strict;

    public IdentityModelBaselineTests(JwtFixture fixture)
    {
        _f = fixture;
        _strict = fixture.RsaValidatorWith(o => o.TimeProvider = TimeProvider.System);
    }

    private TokenValidationParameters Defaults() => new()
    {
        ValidIssuer = JwtFixture.Issuer,
        ValidAudience = JwtFixture.Audience,
        IssuerSigningKey = _f.RsaKey,
    };

    private JsonMembers Claims() => JwtFixture.Claims().SetNumber("iat", _now).SetNumber("nbf", _now).SetNumber("exp", _now + 600);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<TokenValidationResult> IdentityModelAsync(string token, TokenValidationParameters? parameters = null)
        => await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters ?? Defaults());

    private async Task AssertIdentityModelAcceptsAsync(string token, TokenValidationParameters? parameters = null)
    {
        TokenValidationResult result = await IdentityModelAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Control_BothAcceptTheBaseline()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertAcceptedAsync(_strict, token);
    }

    [Fact]
    public void Defaults_MatchTheReferenceNotes()
    {
        var p = new TokenValidationParameters();
        Assert.Equal(TimeSpan.FromMinutes(5), p.ClockSkew);
        Assert.True(p.ValidateLifetime);
        Assert.True(p.RequireExpirationTime);
        Assert.True(p.RequireSignedTokens);
        Assert.True(p.ValidateIssuer);
        Assert.True(p.ValidateAudience);
        Assert.False(p.ValidateIssuerSigningKey);
        Assert.True(p.TryAllIssuerSigningKeys);
        Assert.True(p.IgnoreTrailingSlashWhenValidatingAudience);
        Assert.Null(p.ValidAlgorithms);
        Assert.Null(p.ValidTypes);
        Assert.Equal(256_000, TokenValidationParameters.DefaultMaximumTokenSizeInBytes);
        Assert.Equal(256_000, new JsonWebTokenHandler().MaximumTokenSizeInBytes);
        Assert.False(JsonWebTokenHandler.DefaultMapInboundClaims);
        Assert.True(JwtSecurityTokenHandler.DefaultMapInboundClaims);
        Assert.Equal(60, TokenHandler.DefaultTokenLifetimeInMinutes);
    }

    [Fact]
    public async Task T25_StringExp_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetString("exp", N(_now + 600)));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.InvalidNumericDate);
    }

    [Fact]
    public async Task T24_IatInFuture_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetNumber("iat", _now + 86_400).Remove("nbf"));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.IssuedInFuture);
    }

    [Fact]
    public async Task T24_MissingIat_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().Remove("iat"));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.MissingIssuedAt);
    }

    [Fact]
    public async Task T24_YearLongLifetime_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetNumber("exp", _now + 365L * 86_400));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.LifetimeTooLong);
    }

    [Fact]
    public async Task T20_DuplicateExp_IdentityModelKeepsTheLast_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetNumber("exp", _now - 86_400).Append("exp", N(_now + 600)));
        TokenValidationResult result = await IdentityModelAsync(token);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(_now + 600).UtcDateTime, result.SecurityToken.ValidTo);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task T16_Crit_IdentityModelIgnores_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header().Set("crit", "[\"x-unknown\"]").SetString("x-unknown", "must-understand"), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.CriticalHeaderNotSupported);
    }

    [Fact]
    public async Task T17_B64False_IdentityModelIgnores_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header().Set("b64", "false").Set("crit", "[\"b64\"]"), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.CriticalHeaderNotSupported);
    }

    [Fact]
    public async Task T21_ExpiredFourMinutesAgo_IdentityModelDefaultSkewAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetNumber("iat", _now - 840).SetNumber("nbf", _now - 840).SetNumber("exp", _now - 240));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.Expired);
    }

    [Fact]
    public async Task T18_Typ_IdentityModelUnchecked_ByDefault_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(typ: "JWT"), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.InvalidType);
    }

    [Fact]
    public async Task T18_ValidTypes_IdentityModelComparesOrdinally()
    {
        TokenValidationParameters p = Defaults();
        p.ValidTypes = new[] { "at+jwt" };
        TokenValidationResult upper = await IdentityModelAsync(_f.SignRs256(JwtFixture.Header(typ: "AT+JWT"), Claims()), p);
        Assert.False(upper.IsValid);
        Assert.IsType<SecurityTokenInvalidTypeException>(upper.Exception);
        TokenValidationResult missing = await IdentityModelAsync(_f.SignRs256(JwtFixture.Header(typ: null), Claims()), p);
        Assert.False(missing.IsValid);
        Assert.IsType<SecurityTokenInvalidTypeException>(missing.Exception);
    }

    [Fact]
    public async Task T27_AudienceTrailingSlash_IdentityModelAcceptsByDefault_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims().SetString("aud", JwtFixture.Audience + "/"));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.InvalidAudience);
    }

    [Fact]
    public async Task T26_IssuerTrailingSlashAndCase_IdentityModelRejects()
    {
        foreach (string issuer in new[] { JwtFixture.Issuer + "/", JwtFixture.Issuer.ToUpperInvariant() })
        {
            TokenValidationResult result = await IdentityModelAsync(_f.SignRs256(JwtFixture.Header(), Claims().SetString("iss", issuer)));
            Assert.False(result.IsValid);
            Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
        }
    }

    [Fact]
    public async Task T15_TenKilobyteKid_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(kid: new string('k', 10 * 1024)), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.InvalidKeyId);
    }

    [Fact]
    public async Task T11_Rsa1024_IdentityModelVerifies_StrictRefusesTheKey()
    {
        using RSA weak = RSA.Create(1024);
        TokenValidationParameters p = Defaults();
        p.IssuerSigningKey = new RsaSecurityKey(weak.ExportParameters(false));
        await AssertIdentityModelAcceptsAsync(Jws.Create(JwtFixture.Header(kid: null), Claims(), Jws.RS256(weak)), p);
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(p.IssuerSigningKey)));
    }

    [Fact]
    public async Task T06_AnyRsaAlgorithm_IdentityModelAcceptsWithoutValidAlgorithms_StrictRejects()
    {
        string token = Jws.Create(JwtFixture.Header("PS512"), Claims(), Jws.Rsa(_f.Rsa, HashAlgorithmName.SHA512, RSASignaturePadding.Pss));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task T01_T03_AlgNone_IdentityModelRejectsToo()
    {
        string[] valid = Jws.Split(_f.SignRs256(JwtFixture.Header(), Claims()));
        TokenValidationResult unsigned = await IdentityModelAsync(Jws.Unsigned(JwtFixture.Header("none").ToString(), Claims().ToString()));
        Assert.False(unsigned.IsValid);
        Assert.Contains("IDX10504", unsigned.Exception.Message, StringComparison.Ordinal);

        TokenValidationResult withSignature = await IdentityModelAsync(Jws.B64(JwtFixture.Header("none").ToString()) + "." + valid[1] + "." + valid[2]);
        Assert.False(withSignature.IsValid);
    }

    [Fact]
    public async Task T05_HmacWithRsaPublicKey_IdentityModelRejectsToo()
    {
        string token = Jws.Create(JwtFixture.Header("HS256"), Claims(), Jws.HS256(_f.Rsa.ExportSubjectPublicKeyInfo()));
        TokenValidationResult result = await IdentityModelAsync(token);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task T32_TrailingBytesAfterPayloadObject_IdentityModelAccepts_StrictRejects()
    {
        byte[] header = System.Text.Encoding.UTF8.GetBytes(JwtFixture.Header().ToString());
        byte[] trailing = System.Text.Encoding.UTF8.GetBytes(Claims() + " x");
        string token = Jws.Create(header, trailing, Jws.RS256(_f.Rsa));
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task T29_PaddingAfterSignature_IdentityModelAccepts_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header(), Claims()) + "==";
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task T31_ZipOnJws_IdentityModelIgnores_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header().SetString("zip", "DEF"), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.UnsupportedHeaderParameter);
    }

    [Fact]
    public async Task T20_DuplicateAlg_NoneThenRs256_IdentityModelKeepsTheLast_StrictRejects()
    {
        string token = _f.SignRs256(JwtFixture.Header("none").Append("alg", "\"RS256\""), Claims());
        await AssertIdentityModelAcceptsAsync(token);
        await AssertRejectedAsync(_strict, token, JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task J3_Es384SignedByP256Key_IdentityModelAccepts_StrictRejects()
    {
        // IdentityModel binds algorithm families to key types, but not an ES* algorithm to its curve.
        TokenValidationParameters p = Defaults();
        p.IssuerSigningKey = _f.EcKey;
        string token = Jws.Create(JwtFixture.Header("ES384", JwtFixture.EcKid), Claims(), Jws.ES(_f.Ec, HashAlgorithmName.SHA384));
        await AssertIdentityModelAcceptsAsync(token, p);

        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        StrictJwtValidationOptions options = JwtFixture.Options(_f.EcKey, new ECDsaSecurityKey(p384));
        options.TimeProvider = TimeProvider.System;
        await AssertRejectedAsync(new StrictJwtValidator(options), token, JwtValidationFailure.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task T11_ShortHmacKey_IdentityModelFailsOnlyWhenVerifying()
    {
        // The IDX10720 key-size error is caught inside signature validation and surfaces as a key-not-found failure.
        byte[] secret = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        TokenValidationParameters p = Defaults();
        p.IssuerSigningKey = new SymmetricSecurityKey(secret);
        TokenValidationResult result = await IdentityModelAsync(Jws.Create(JwtFixture.Header("HS256", kid: null), Claims(), Jws.HS256(secret)), p);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(p.IssuerSigningKey)));
    }
}
