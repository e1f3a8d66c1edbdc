using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests;

/// <summary>Every way <see cref="StrictJwtValidator"/> refuses options that would weaken validation.</summary>
public sealed class OptionsValidationTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public OptionsValidationTests(JwtFixture fixture) => _f = fixture;

    private void AssertRefused(Action<StrictJwtValidationOptions> change, string expectedFragment)
    {
        StrictJwtValidationOptions options = _f.RsaOptions();
        change(options);
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => new StrictJwtValidator(options));
        Assert.Contains(expectedFragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_NullOptions()
        => Assert.Throws<ArgumentNullException>(() => new StrictJwtValidator(null!));

    [Fact]
    public void Refuses_NoIssuer()
        => AssertRefused(o => o.ValidIssuer = null, "IssuerSigningKeys belong to no issuer");

    [Fact]
    public void Refuses_BlankIssuer()
        => AssertRefused(o => o.ValidIssuer = "  ", "ValidIssuer must not contain a null or blank issuer");

    [Fact]
    public void Refuses_BlankEntryInValidIssuers()
        => AssertRefused(o => o.ValidIssuers.Add(""), "ValidIssuers must not contain a null or blank issuer");

    [Fact]
    public void Refuses_NoAudience()
        => AssertRefused(o => o.ValidAudience = null, "An audience is required");

    [Fact]
    public void Refuses_BlankEntryInValidAudiences()
        => AssertRefused(o => o.ValidAudiences.Add(" "), "ValidAudiences must not contain a null or blank entry");

    [Fact]
    public void Refuses_NoSigningKey()
        => AssertRefused(o => o.IssuerSigningKeys.Clear(), "has no signing key");

    [Fact]
    public void Refuses_NullSigningKey()
        => AssertRefused(o => o.IssuerSigningKeys.Add(null!), "IssuerSigningKeys[1] is null");

    [Fact]
    public void Refuses_SameKeyTwice()
        => AssertRefused(o => o.IssuerSigningKeys.Add(o.IssuerSigningKeys[0]), "listed twice");

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData(" none ")]
    public void Refuses_NoneAlgorithm(string alg)
        => AssertRefused(o => o.ValidAlgorithms.Add(alg), "must not contain 'none'");

    [Theory]
    [InlineData("rs256")]
    [InlineData("HS1")]
    [InlineData("EdDSA")]
    [InlineData("RSA-OAEP")]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")]
    public void Refuses_UnknownAlgorithm(string alg)
        => AssertRefused(o => o.ValidAlgorithms.Add(alg), "is not a supported JWS algorithm");

    [Fact]
    public void Refuses_BlankAlgorithm()
        => AssertRefused(o => o.ValidAlgorithms.Add(""), "must not contain a null or blank entry");

    [Theory]
    [InlineData("ES256")]
    [InlineData("HS256")]
    public void Refuses_AlgorithmMatchingNoKeyType_ForRsaKey(string alg)
        => AssertRefused(o => o.ValidAlgorithms.Fill(alg), "can be used with none of the algorithms in ValidAlgorithms");

    [Fact]
    public void Refuses_AlgorithmWithoutAnyKey_WhenOtherKeysMatch()
        => AssertRefused(o => o.ValidAlgorithms.Fill("RS256", "ES256"), "ValidAlgorithms contains 'ES256', which matches the type of no signing key");

    [Fact]
    public void Refuses_RsaAlgorithmForSymmetricKey()
    {
        StrictJwtValidationOptions options = _f.HmacOptions();
        options.ValidAlgorithms.Add("RS256");
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options));
        Assert.Contains("SigningKeys[0] (symmetric)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_EcAlgorithmOfAnotherCurve()
    {
        StrictJwtValidationOptions options = _f.EcOptions();
        options.ValidAlgorithms.Add("ES384");
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options));
        Assert.Contains("SigningKeys[0] (EC P-256)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31, "HS256", 32)]
    [InlineData(32, "HS384", 48)]
    [InlineData(47, "HS384", 48)]
    [InlineData(48, "HS512", 64)]
    [InlineData(63, "HS512", 64)]
    public void Refuses_HmacKeyShorterThanHash(int keyBytes, string alg, int required)
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(keyBytes));
        StrictJwtValidationOptions options = JwtFixture.Options(key);
        options.ValidAlgorithms.Add(alg);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options));
        Assert.Contains($"{alg} needs at least {required} bytes", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key.Key), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32, "HS256")]
    [InlineData(48, "HS384")]
    [InlineData(64, "HS512")]
    public void Accepts_HmacKeyOfHashSize(int keyBytes, string alg)
    {
        StrictJwtValidationOptions options = JwtFixture.Options(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(keyBytes)));
        options.ValidAlgorithms.Add(alg);
        Assert.Equal(new[] { alg }, new StrictJwtValidator(options).ValidAlgorithms);
    }

    [Fact]
    public void Refuses_EmptySymmetricKey()
    {
        var jwk = new JsonWebKey { Kty = "oct", K = string.Empty };
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1536)]
    [InlineData(2040)]
    public void Refuses_RsaKeyUnder2048Bits(int bits)
    {
        using RSA rsa = RSA.Create(bits);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new RsaSecurityKey(rsa))));
        Assert.Contains($"{bits}-bit modulus (leading zero bytes do not count); at least 2048 bits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_Rsa1024AsJsonWebKey()
    {
        using RSA rsa = RSA.Create(1024);
        JsonWebKey jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
        Assert.Contains("1024-bit modulus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_EncryptionJsonWebKey()
    {
        JsonWebKey jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_f.RsaKey);
        jwk.Use = "enc";
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
        Assert.Contains("\"use\":\"enc\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_UnsupportedJsonWebKeyType()
    {
        var jwk = new JsonWebKey { Kty = "OKP", Crv = "Ed25519", X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" };
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
        Assert.Contains("unsupported \"kty\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_UnsupportedKeyClass()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new UnknownKey())));
        Assert.Contains("is a UnknownKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_EcKeyOnUnsupportedCurve()
    {
        // A key of a non-NIST size is refused outright; a JSON Web Key is refused by its "crv".
        using ECDsa p224 = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp224r1"));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new ECDsaSecurityKey(p224))));
        Assert.Contains("curve other than P-256, P-384 or P-521", e.Message, StringComparison.Ordinal);

        var jwk = new JsonWebKey { Kty = "EC", Crv = "secp256k1", X = "x", Y = "y" };
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(3600)]
    public void Refuses_ClockSkewOverFiveMinutes(int seconds)
        => AssertRefused(o => o.ClockSkew = TimeSpan.FromSeconds(seconds), "ClockSkew must not exceed 5 minutes");

    [Fact]
    public void Accepts_ClockSkewOfExactlyFiveMinutesAndZero()
    {
        _ = _f.RsaValidatorWith(o => o.ClockSkew = TimeSpan.FromMinutes(5));
        _ = _f.RsaValidatorWith(o => o.ClockSkew = TimeSpan.Zero);
    }

    [Fact]
    public void Refuses_NegativeClockSkew()
        => AssertRefused(o => o.ClockSkew = TimeSpan.FromSeconds(-1), "ClockSkew must not be negative");

    [Fact]
    public void Refuses_NonPositiveMaxTokenLifetime()
        => AssertRefused(o => o.MaxTokenLifetime = TimeSpan.Zero, "MaxTokenLifetime must be positive");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(256 * 1024 + 1)]
    public void Refuses_MaxTokenSizeOutOfRange(int size)
        => AssertRefused(o => o.MaximumTokenSizeInBytes = size, "MaximumTokenSizeInBytes must be between");

    [Fact]
    public void Refuses_NullTimeProvider()
        => AssertRefused(o => o.TimeProvider = null!, "TimeProvider must not be null");

    [Fact]
    public void Refuses_BlankValidType()
        => AssertRefused(o => o.ValidTypes.Add(""), "ValidTypes must not contain a null or blank entry");

    [Fact]
    public void Derives_OneAlgorithmPerKeyType()
    {
        using ECDsa p521 = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var validator = new StrictJwtValidator(JwtFixture.Options(_f.RsaKey, _f.HmacKey, _f.EcKey, new ECDsaSecurityKey(p521)));
        Assert.Equal(new[] { "RS256", "ES256", "ES512", "HS256" }, validator.ValidAlgorithms);
    }

    [Fact]
    public void Snapshots_TheOptions()
    {
        StrictJwtValidationOptions options = _f.RsaOptions();
        var validator = new StrictJwtValidator(options);
        options.ValidAlgorithms.Add("none");
        options.IssuerSigningKeys.Clear();
        options.ValidIssuer = null;
        TokenValidationParameters parameters = validator.CreateTokenValidationParameters();
        Assert.Equal(new[] { "RS256" }, parameters.ValidAlgorithms);
        Assert.Equal(new[] { JwtFixture.Issuer }, parameters.ValidIssuers);
        Assert.Single(parameters.IssuerSigningKeys);
    }

    private sealed class UnknownKey : SecurityKey
    {
        public override int KeySize => 4096;
    }
}
