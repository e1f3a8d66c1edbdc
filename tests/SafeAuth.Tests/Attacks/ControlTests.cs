using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>The baseline tokens every attack is derived from: each must pass, or the attack tests prove nothing.</summary>
public sealed class ControlTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public ControlTests(JwtFixture fixture) => _f = fixture;

    [Fact]
    public async Task Accepts_BaselineRs256()
    {
        StrictJwtValidationResult result = await AssertAcceptedAsync(_f.RsaValidator, _f.ValidRs256());
        Assert.Equal("RS256", result.Token!.Alg);
        Assert.Equal(JwtFixture.Issuer, result.Token!.Issuer);
        Assert.Equal("user-42", result.Token!.Subject);
        Assert.Equal("at+jwt", result.Token!.Typ);
        Assert.Equal(JwtFixture.Now.AddMinutes(10).UtcDateTime, result.Token!.ValidTo);
        Assert.Same(_f.RsaKey, result.Token!.SigningKey);
        Assert.Null(result.Exception);

        // Claims keep their JWT names (no inbound mapping to long URIs).
        ClaimsIdentity identity = result.ClaimsIdentity!;
        Assert.True(identity.IsAuthenticated);
        Assert.Equal("user-42", identity.FindFirst("sub")?.Value);
        Assert.Equal("orders.read", identity.FindFirst("scope")?.Value);
        Assert.Null(identity.FindFirst(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task Accepts_BaselineHs256()
    {
        StrictJwtValidationResult result = await AssertAcceptedAsync(_f.HmacValidator, _f.ValidHs256());
        Assert.Equal("HS256", result.Token!.Alg);
    }

    [Fact]
    public async Task Accepts_BaselineEs256()
    {
        StrictJwtValidationResult result = await AssertAcceptedAsync(_f.EcValidator, _f.ValidEs256());
        Assert.Equal("ES256", result.Token!.Alg);
    }

    [Fact]
    public async Task Accepts_Es384_WithP384Key_AndDerivesTheCurveAlgorithm()
    {
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var validator = new StrictJwtValidator(JwtFixture.Options(new ECDsaSecurityKey(p384) { KeyId = "ec-384" }));
        Assert.Equal(new[] { "ES384" }, validator.ValidAlgorithms);
        await AssertAcceptedAsync(validator, Jws.Create(JwtFixture.Header("ES384", "ec-384"), JwtFixture.Claims(), Jws.ES(p384, HashAlgorithmName.SHA384)));
    }

    [Fact]
    public async Task Accepts_TokenWithoutKid_ByTryingTheConfiguredKeys()
    {
        await AssertAcceptedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(kid: null), JwtFixture.Claims()));
    }

    [Fact]
    public async Task Accepts_TypNotCheckedWhenNoValidTypes()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.ValidTypes.Clear());
        await AssertAcceptedAsync(validator, _f.SignRs256(JwtFixture.Header(typ: null), JwtFixture.Claims()));
        await AssertAcceptedAsync(validator, _f.SignRs256(JwtFixture.Header(typ: "JWT"), JwtFixture.Claims()));
    }

    [Fact]
    public async Task Accepts_JsonWebKey_WithDeclaredAlgorithm()
    {
        JsonWebKey jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_f.RsaKey);
        jwk.Alg = "PS256";
        var validator = new StrictJwtValidator(JwtFixture.Options(jwk));
        Assert.Equal(new[] { "PS256" }, validator.ValidAlgorithms);
        string token = Jws.Create(JwtFixture.Header("PS256"), JwtFixture.Claims(), Jws.Rsa(_f.Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        await AssertAcceptedAsync(validator, token);
        await AssertRejectedAsync(validator, _f.ValidRs256(), JwtValidationFailure.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task Rejects_EcKeyUsedWithAnotherCurvesAlgorithm()
    {
        // ES256 (P-256) and ES384 (P-384) both allowed; a token claiming ES384 but signed with SHA-384 by the P-256 key
        // must not pass: each key is bound to its curve's algorithm.
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        StrictJwtValidationOptions options = JwtFixture.Options(_f.EcKey, new ECDsaSecurityKey(p384) { KeyId = "ec-384" });
        var validator = new StrictJwtValidator(options);
        Assert.Equal(new[] { "ES256", "ES384" }, validator.ValidAlgorithms);

        string token = Jws.Create(JwtFixture.Header("ES384", JwtFixture.EcKid), JwtFixture.Claims(), Jws.ES(_f.Ec, HashAlgorithmName.SHA384));
        StrictJwtValidationResult result = await validator.ValidateAsync(token);
        Assert.False(result.IsValid);
        Assert.True(result.Failure == JwtValidationFailure.AlgorithmNotAllowed, $"{result.Failure}: {result.FailureMessage}");
        await AssertAcceptedAsync(validator, _f.ValidEs256());
    }

    [Fact]
    public async Task Validates_ConcurrentlyFromManyThreads()
    {
        string good = _f.ValidRs256();
        string bad = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        StrictJwtValidationResult[] results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => _f.RsaValidator.ValidateAsync(i % 2 == 0 ? good : bad))));
        for (int i = 0; i < results.Length; i++)
            Assert.Equal(i % 2 == 0, results[i].IsValid);
    }
}
