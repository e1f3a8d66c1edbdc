using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests;

/// <summary>
/// Keys are judged by what they are, when the validator or issuer is built, never per token: symmetric keys by
/// entropy, RSA keys by their real modulus and exponent, EC keys by curve name. A correct token for every supported
/// algorithm and key type still validates.
/// </summary>
public sealed class KeyStrengthTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public KeyStrengthTests(JwtFixture fixture) => _f = fixture;

    public static TheoryData<string, byte[]> WeakSymmetricKeys => new()
    {
        { "ASCII password", Encoding.UTF8.GetBytes("this-is-a-32-character-password!") },
        { "passphrase with a newline", Encoding.UTF8.GetBytes("correct horse battery staple ok!\n") },
        { "UTF-8 passphrase", Encoding.UTF8.GetBytes("Zürich-ist-schön-und-groß-genug-für-HS256") },
        { "all zero", new byte[32] },
        { "counting", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray() },
        { "few values", Enumerable.Range(0, 64).Select(i => (byte)(i % 4 * 60)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(WeakSymmetricKeys))]
    public void Refuses_WeakSymmetricKeys_InTheValidatorAndTheIssuer_AtConstruction(string kind, byte[] key)
    {
        _ = kind;
        ArgumentException validator = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new SymmetricSecurityKey(key))));
        Assert.Contains("IssuerSigningKeys[0] is a symmetric key", validator.Message, StringComparison.Ordinal);

        var jwk = new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.Octet, K = Base64UrlEncoder.Encode(key) };
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));

        ArgumentException issuer = Assert.Throws<ArgumentException>(() => new StrictJwtIssuer(new StrictJwtIssuerOptions
        {
            Issuer = JwtFixture.Issuer,
            Audience = JwtFixture.Audience,
            SigningKey = new SymmetricSecurityKey(key),
        }));
        Assert.Contains("SigningKey is a symmetric key", issuer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key), issuer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_ZeroPaddedRsaModulus_ByItsRealSize()
    {
        using RSA small = RSA.Create(1024);
        RSAParameters parameters = small.ExportParameters(false);
        byte[] padded = new byte[256];
        parameters.Modulus!.CopyTo(padded, 256 - parameters.Modulus.Length);
        var key = new RsaSecurityKey(new RSAParameters { Modulus = padded, Exponent = parameters.Exponent });
        Assert.Equal(2048, key.KeySize); // what a size-only check sees

        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(key)));
        Assert.Contains("1024-bit modulus (leading zero bytes do not count)", e.Message, StringComparison.Ordinal);

        var jwk = new JsonWebKey { Kty = "RSA", N = Base64UrlEncoder.Encode(padded), E = Base64UrlEncoder.Encode(parameters.Exponent!) };
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));

        // The attack it stops: a token signed with the 1024-bit key.
        string token = Jws.Create(JwtFixture.Header(kid: null), JwtFixture.Claims(), Jws.RS256(small));
        Assert.False((await _f.RsaValidator.ValidateAsync(token)).IsValid);
    }

    [Theory]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 2 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 0 })]
    public void Refuses_RsaExponentThatMakesSignaturesForgeable(byte[] exponent)
    {
        var key = new RsaSecurityKey(new RSAParameters { Modulus = _f.Rsa.ExportParameters(false).Modulus, Exponent = exponent });
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(key)));
        Assert.Contains("exponent is even or below 3", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> NonNistCurves => new() { "secP256k1", "brainpoolP256r1", "brainpoolP384r1" };

    [Theory]
    [MemberData(nameof(NonNistCurves))]
    public void Refuses_EcKeysOffTheNistCurves_ByName_EvenOfTheRightSize(string curve)
    {
        using ECDsa ec = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new ECDsaSecurityKey(ec))));
        Assert.Contains("curve other than P-256, P-384 or P-521", e.Message, StringComparison.Ordinal);

        var jwk = new JsonWebKey { Kty = "EC", Crv = curve, X = "AA", Y = "AA" };
        Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(jwk)));
    }

    public static TheoryData<string> Algorithms => new()
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512",
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Accepts_ACorrectToken_ForEverySupportedAlgorithm(string alg)
    {
        (SecurityKey key, Func<byte[], byte[]> sign, IDisposable? owned) = KeyFor(alg);
        using (owned)
        {
            StrictJwtValidationOptions options = JwtFixture.Options(key);
            options.ValidAlgorithms.Add(alg);
            var validator = new StrictJwtValidator(options);
            StrictJwtValidationResult result = await AssertAcceptedAsync(validator, Jws.Create(JwtFixture.Header(alg, kid: null), JwtFixture.Claims(), sign));
            Assert.Equal(alg, result.Token!.Alg);
        }
    }

    [Fact]
    public async Task Accepts_CertificatesAndJsonWebKeys_OfEachKeyType()
    {
        using RSA rsa = RSA.Create(2048);
        using var rsaCertificate = new CertificateRequest("CN=rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
        await AssertAcceptedAsync(new StrictJwtValidator(JwtFixture.Options(new X509SecurityKey(rsaCertificate))), Jws.Create(JwtFixture.Header(kid: null), JwtFixture.Claims(), Jws.RS256(rsa)));

        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var ecCertificate = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA384).CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
        // IdentityModel cannot verify with an EC certificate key, so it is refused up front rather than failing every token;
        // the ECDsaSecurityKey of the same certificate works.
        ArgumentException certificate = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(new X509SecurityKey(ecCertificate))));
        Assert.Contains("GetECDsaPublicKey", certificate.Message, StringComparison.Ordinal);
        await AssertAcceptedAsync(new StrictJwtValidator(JwtFixture.Options(new ECDsaSecurityKey(ecCertificate.GetECDsaPublicKey()!))), Jws.Create(JwtFixture.Header("ES384", kid: null), JwtFixture.Claims(), Jws.ES(ec, HashAlgorithmName.SHA384)));

        JsonWebKey rsaJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        await AssertAcceptedAsync(new StrictJwtValidator(JwtFixture.Options(rsaJwk)), Jws.Create(JwtFixture.Header(kid: null), JwtFixture.Claims(), Jws.RS256(rsa)));

        byte[] secret = RandomNumberGenerator.GetBytes(32);
        var octJwk = new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.Octet, K = Base64UrlEncoder.Encode(secret), Alg = "HS256" };
        await AssertAcceptedAsync(new StrictJwtValidator(JwtFixture.Options(octJwk)), Jws.Create(JwtFixture.Header("HS256", kid: null), JwtFixture.Claims(), Jws.HS256(secret)));
    }

    private (SecurityKey Key, Func<byte[], byte[]> Sign, IDisposable? Owned) KeyFor(string alg)
    {
        HashAlgorithmName hash = alg.EndsWith("256", StringComparison.Ordinal) ? HashAlgorithmName.SHA256
            : alg.EndsWith("384", StringComparison.Ordinal) ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA512;
        switch (alg[0])
        {
            case 'R':
            case 'P':
                RSASignaturePadding padding = alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                return (_f.RsaKey, Jws.Rsa(_f.Rsa, hash, padding), null);
            case 'E':
                ECCurve curve = alg == "ES256" ? ECCurve.NamedCurves.nistP256 : alg == "ES384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521;
                ECDsa ec = ECDsa.Create(curve);
                return (new ECDsaSecurityKey(ec), Jws.ES(ec, hash), ec);
            default:
                byte[] secret = RandomNumberGenerator.GetBytes(64);
                return (new SymmetricSecurityKey(secret), data => Hmac(hash, secret, data), null);
        }
    }

    private static byte[] Hmac(HashAlgorithmName hash, byte[] key, byte[] data)
        => hash == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(key, data)
            : hash == HashAlgorithmName.SHA384 ? HMACSHA384.HashData(key, data) : HMACSHA512.HashData(key, data);
}
