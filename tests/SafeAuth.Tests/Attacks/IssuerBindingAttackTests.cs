using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>
/// T34: keys belong to issuers (RFC 8725 §3.8). With two trusted issuers, a token that names issuer B but is signed
/// with issuer A's key must fail, for every key type, through the validator and through the parameters it hands to
/// JwtBearer.
/// </summary>
public sealed class IssuerBindingAttackTests : IClassFixture<JwtFixture>
{
    private const string IssuerA = "https://a.issuer.test";
    private const string IssuerB = "https://b.issuer.test";

    private readonly JwtFixture _f;

    public IssuerBindingAttackTests(JwtFixture fixture) => _f = fixture;

    /// <summary>A key pair per issuer, and how to sign with each.</summary>
    public sealed record IssuerPair(string Alg, SecurityKey KeyA, SecurityKey KeyB, Func<byte[], byte[]> SignA, Func<byte[], byte[]> SignB);

    public static TheoryData<string> KeyTypes => new() { "RS256", "ES256", "HS256" };

    private IssuerPair Pair(string alg)
    {
        switch (alg)
        {
            case "RS256":
                return new IssuerPair(alg, new RsaSecurityKey(_f.Rsa.ExportParameters(false)), new RsaSecurityKey(_f.AttackerRsa.ExportParameters(false)), Jws.RS256(_f.Rsa), Jws.RS256(_f.AttackerRsa));
            case "ES256":
                return new IssuerPair(alg, new ECDsaSecurityKey(ECDsa.Create(_f.Ec.ExportParameters(false))), new ECDsaSecurityKey(ECDsa.Create(_f.AttackerEc.ExportParameters(false))),
                    Jws.ES(_f.Ec, HashAlgorithmName.SHA256), Jws.ES(_f.AttackerEc, HashAlgorithmName.SHA256));
            default:
                byte[] a = RandomNumberGenerator.GetBytes(32);
                byte[] b = RandomNumberGenerator.GetBytes(32);
                return new IssuerPair(alg, new SymmetricSecurityKey(a), new SymmetricSecurityKey(b), Jws.HS256(a), Jws.HS256(b));
        }
    }

    private static StrictJwtValidationOptions TwoIssuers(IssuerPair pair)
    {
        StrictJwtValidationOptions options = JwtFixture.Options();
        options.ValidIssuer = null;
        options.AddIssuer(IssuerA, pair.KeyA).AddIssuer(IssuerB, pair.KeyB);
        return options;
    }

    private static string Token(IssuerPair pair, string issuer, Func<byte[], byte[]> sign)
        => Jws.Create(JwtFixture.Header(pair.Alg, kid: null), JwtFixture.Claims().SetString("iss", issuer), sign);

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public async Task Rejects_T34_TokenNamingIssuerB_SignedWithIssuerAsKey(string alg)
    {
        IssuerPair pair = Pair(alg);
        var validator = new StrictJwtValidator(TwoIssuers(pair));

        StrictJwtValidationResult forged = await AssertRejectedAsync(validator, Token(pair, IssuerB, pair.SignA), JwtValidationFailure.InvalidSignature);
        Assert.Contains("key of the token's issuer", forged.FailureMessage, StringComparison.Ordinal);
        await AssertRejectedAsync(validator, Token(pair, IssuerA, pair.SignB), JwtValidationFailure.InvalidSignature);

        // Controls: each issuer's own tokens pass.
        await AssertAcceptedAsync(validator, Token(pair, IssuerA, pair.SignA));
        await AssertAcceptedAsync(validator, Token(pair, IssuerB, pair.SignB));
    }

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public async Task Rejects_T34_ThroughTheJwtBearerParameters(string alg)
    {
        IssuerPair pair = Pair(alg);
        TokenValidationParameters parameters = new StrictJwtValidator(TwoIssuers(pair)).CreateTokenValidationParameters();
        parameters.ValidateLifetime = false; // the fixture's clock is frozen in 2030
        var handler = new JsonWebTokenHandler();

        TokenValidationResult forged = await handler.ValidateTokenAsync(Token(pair, IssuerB, pair.SignA), parameters);
        Assert.False(forged.IsValid);
        Assert.IsAssignableFrom<SecurityTokenSignatureKeyNotFoundException>(forged.Exception);

        Assert.True((await handler.ValidateTokenAsync(Token(pair, IssuerA, pair.SignA), parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(Token(pair, IssuerB, pair.SignB), parameters)).IsValid);
    }

    [Fact]
    public async Task Rejects_T34_NestedToken_WhoseOuterKeyIsAnotherIssuers()
    {
        IssuerPair pair = Pair("RS256");
        StrictJwtValidationOptions options = TwoIssuers(pair);
        options.AllowNestedTokens = true;
        var validator = new StrictJwtValidator(options);
        byte[] outerHeader = Encoding.UTF8.GetBytes(JwtFixture.Header(kid: null, typ: "JWT").SetString("cty", "JWT").ToString());
        string inner = Token(pair, IssuerB, pair.SignB);

        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(inner), pair.SignA), JwtValidationFailure.InvalidSignature);
        await AssertAcceptedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(inner), pair.SignB));
    }

    [Fact]
    public async Task IssuersThatReallyShareKeys_AreEachAddedWithTheSameKey()
    {
        // One authority, two issuer spellings (e.g. v1 and v2 endpoints) and one key set.
        StrictJwtValidationOptions options = JwtFixture.Options();
        options.ValidIssuer = null;
        options.AddIssuer(IssuerA, _f.RsaKey).AddIssuer(IssuerB, _f.RsaKey);
        var validator = new StrictJwtValidator(options);
        Assert.Equal(new[] { IssuerA, IssuerB }, validator.ValidIssuers);
        await AssertAcceptedAsync(validator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("iss", IssuerA)));
        await AssertAcceptedAsync(validator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("iss", IssuerB)));
        await AssertRejectedAsync(validator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims()), JwtValidationFailure.InvalidIssuer);
    }

    [Fact]
    public void Refuses_SharedKeys_ForSeveralIssuers_AtConstruction()
    {
        StrictJwtValidationOptions options = JwtFixture.Options(_f.RsaKey);
        options.ValidIssuers.Add(IssuerB);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options));
        Assert.Contains("trusted for 2 issuers at once", e.Message, StringComparison.Ordinal);
        Assert.Contains("AddIssuer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_BadIssuerBindings_WithTheProblemNamed()
    {
        static string Refused(Action<StrictJwtValidationOptions> change)
        {
            StrictJwtValidationOptions options = JwtFixture.Options();
            options.ValidIssuer = null;
            change(options);
            return Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options)).Message;
        }

        Assert.Contains("An issuer is required", Refused(_ => { }), StringComparison.Ordinal);
        Assert.Contains("has no signing key", Refused(o => o.AddIssuer(IssuerA)), StringComparison.Ordinal);
        Assert.Contains("configured twice", Refused(o => o.AddIssuer(IssuerA, _f.RsaKey).AddIssuer(IssuerA, _f.HmacKey)), StringComparison.Ordinal);
        Assert.Contains("is configured twice", Refused(o => { o.ValidIssuer = IssuerA; o.IssuerSigningKeys.Add(_f.RsaKey); o.AddIssuer(IssuerA, _f.HmacKey); }), StringComparison.Ordinal);
        Assert.Contains("listed twice", Refused(o => o.AddIssuer(IssuerA, _f.RsaKey, _f.RsaKey)), StringComparison.Ordinal);
        Assert.Contains("TrustedIssuers[0] is null", Refused(o => o.TrustedIssuers.Add(null!)), StringComparison.Ordinal);
        Assert.Contains("trusted issuer 'https://b.issuer.test'", Refused(o => o.AddIssuer(IssuerB, new SymmetricSecurityKey(new byte[8]))), StringComparison.Ordinal);
        Assert.Contains("TrustedIssuers[0].IssuerSigningKeys[1] is null", Refused(o => o.AddIssuer(IssuerA, _f.RsaKey, null!)), StringComparison.Ordinal);
        Assert.Contains("The issuer 'https://a.issuer.test' has no signing key", Refused(o => { o.ValidIssuers.Add(IssuerA); o.ValidIssuers.Add(IssuerB); }), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TrustedIssuer(" ", _f.RsaKey));
        Assert.Throws<ArgumentNullException>(() => new StrictJwtValidationOptions().AddIssuers(null!));
    }

    [Fact]
    public void CreateTokenValidationParameters_WithOneIssuer_NeedsNoResolver()
    {
        TokenValidationParameters parameters = _f.RsaValidator.CreateTokenValidationParameters();
        Assert.Null(parameters.IssuerSigningKeyResolver);
        Assert.True(parameters.TryAllIssuerSigningKeys);

        TokenValidationParameters multi = new StrictJwtValidator(TwoIssuers(Pair("RS256"))).CreateTokenValidationParameters();
        Assert.NotNull(multi.IssuerSigningKeyResolver);
        Assert.False(multi.TryAllIssuerSigningKeys);
        Assert.Equal(new[] { IssuerA, IssuerB }, multi.ValidIssuers);
        Assert.Empty(multi.IssuerSigningKeyResolver!(string.Empty, null!, null!, multi));
    }
}
