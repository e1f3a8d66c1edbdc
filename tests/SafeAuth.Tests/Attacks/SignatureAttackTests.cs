using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>T01–T11 of the attack-token suite: unsigned tokens, algorithm confusion, forged and broken signatures.</summary>
public sealed class SignatureAttackTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public SignatureAttackTests(JwtFixture fixture) => _f = fixture;

    [Fact]
    public async Task Rejects_T01_AlgNone_EmptySignature()
    {
        string token = Jws.Unsigned(JwtFixture.Header("none", kid: null).ToString(), JwtFixture.Claims().ToString());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.UnsignedToken);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    [InlineData(" none")]
    [InlineData("none ")]
    public async Task Rejects_T02_AlgNoneCasings_EmptySignature(string alg)
    {
        string token = Jws.Unsigned(JwtFixture.Header(alg, kid: null).ToString(), JwtFixture.Claims().ToString());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.UnsignedToken);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData(" none")]
    public async Task Rejects_T03_AlgNone_WithOriginalSignature(string alg)
    {
        // One reason per cause: 'none' declares the token unsigned, whatever follows the second dot.
        string[] valid = Jws.Split(_f.ValidRs256());
        string token = Jws.B64(JwtFixture.Header(alg).ToString()) + "." + valid[1] + "." + valid[2];
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.UnsignedToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("256")]
    [InlineData("[\"RS256\"]")]
    [InlineData("{\"name\":\"RS256\"}")]
    [InlineData("true")]
    public async Task Rejects_T04_AlgMissingOrNotAString(string? rawAlg)
    {
        JsonMembers header = JwtFixture.Header().Remove("alg");
        if (rawAlg is not null)
            header.Set("alg", rawAlg);
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.MissingAlgorithm);
    }

    public static TheoryData<string> PublicKeyEncodings => new() { "spki-pem", "pkcs1-pem", "spki-der", "pkcs1-der", "modulus", "jwk-n-text" };

    [Theory]
    [MemberData(nameof(PublicKeyEncodings))]
    public async Task Rejects_T05_RsaPublicKeyUsedAsHmacSecret(string encoding)
    {
        byte[] secret = PublicKeyAsSecret(encoding);
        string token = Jws.Create(JwtFixture.Header("HS256"), JwtFixture.Claims(), Jws.HS256(secret));

        // HS256 is not in the RS256-only allowlist, so the gate refuses the token before any key is touched.
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.AlgorithmNotAllowed);
    }

    [Theory]
    [MemberData(nameof(PublicKeyEncodings))]
    public async Task Rejects_T05_RsaPublicKeyUsedAsHmacSecret_EvenWhenHs256IsAllowedForAnotherKey(string encoding)
    {
        // One validator trusting both an RSA key and a genuine HMAC key: HS256 is bound to the HMAC key only,
        // so the RSA public key never becomes an HMAC secret.
        StrictJwtValidationOptions options = JwtFixture.Options(_f.RsaKey, _f.HmacKey);
        options.ValidAlgorithms.Fill("RS256", "HS256");
        var validator = new StrictJwtValidator(options);
        Assert.Equal(new[] { "RS256", "HS256" }, validator.ValidAlgorithms);

        string token = Jws.Create(JwtFixture.Header("HS256"), JwtFixture.Claims(), Jws.HS256(PublicKeyAsSecret(encoding)));
        await AssertRejectedAsync(validator, token, JwtValidationFailure.InvalidSignature);
        await AssertAcceptedAsync(validator, _f.ValidHs256());
        await AssertAcceptedAsync(validator, _f.ValidRs256());
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS512")]
    public async Task Rejects_T06_AllowedKeyType_DisallowedAlgorithm(string alg)
    {
        HashAlgorithmName hash = alg.EndsWith("256", StringComparison.Ordinal) ? HashAlgorithmName.SHA256
            : alg.EndsWith("384", StringComparison.Ordinal) ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA512;
        RSASignaturePadding padding = alg.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        string token = Jws.Create(JwtFixture.Header(alg), JwtFixture.Claims(), Jws.Rsa(_f.Rsa, hash, padding));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.AlgorithmNotAllowed);

        // Control: the same token passes once that algorithm is allowed for the key.
        await AssertAcceptedAsync(_f.RsaValidatorWith(o => o.ValidAlgorithms.Fill(alg)), token);
    }

    [Fact]
    public async Task Rejects_T06_AlgorithmCaseVariant()
    {
        string token = Jws.Create(JwtFixture.Header("rs256"), JwtFixture.Claims(), Jws.RS256(_f.Rsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task Rejects_T07_SignatureStripped()
    {
        string[] valid = Jws.Split(_f.ValidRs256());
        await AssertRejectedAsync(_f.RsaValidator, valid[0] + "." + valid[1] + ".", JwtValidationFailure.UnsignedToken);
    }

    [Fact]
    public async Task Rejects_T08_UnknownKey_SameKid()
    {
        string token = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T08_UnknownKey_NoKid()
    {
        string token = Jws.Create(JwtFixture.Header(kid: null), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T09_TamperedPayload_OriginalSignature()
    {
        string[] valid = Jws.Split(_f.ValidRs256());
        string tampered = Jws.B64(JwtFixture.Claims().SetString("role", "admin").ToString());
        await AssertRejectedAsync(_f.RsaValidator, valid[0] + "." + tampered + "." + valid[2], JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T09_TamperedSubject_OriginalSignature()
    {
        string[] valid = Jws.Split(_f.ValidRs256());
        string tampered = Jws.B64(JwtFixture.Claims().SetString("sub", "admin").ToString());
        await AssertRejectedAsync(_f.RsaValidator, valid[0] + "." + tampered + "." + valid[2], JwtValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData(64, 0x00)] // r = s = 0 (CVE-2022-21449)
    [InlineData(64, 0xFF)]
    [InlineData(63, 0x00)]
    [InlineData(65, 0x01)]
    [InlineData(1, 0x00)]
    public async Task Rejects_T10_Es256_ZeroOrWrongLengthSignature(int length, byte fill)
    {
        byte[] signature = Enumerable.Repeat(fill, length).ToArray();
        string token = Jws.Create(JwtFixture.Header("ES256", JwtFixture.EcKid), JwtFixture.Claims(), Jws.Fixed(signature));
        await AssertRejectedAsync(_f.EcValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T10_Es256_DerEncodedSignature()
    {
        string token = Jws.Create(
            JwtFixture.Header("ES256", JwtFixture.EcKid),
            JwtFixture.Claims(),
            data => _f.Ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        await AssertRejectedAsync(_f.EcValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(31)]
    public void Rejects_T11_ShortHmacSecret_AtConfiguration(int length)
    {
        var key = new SymmetricSecurityKey(Enumerable.Range(1, length).Select(i => (byte)(i * 13)).ToArray());
        ArgumentException e = Assert.Throws<ArgumentException>(() => new StrictJwtValidator(JwtFixture.Options(key)));
        Assert.Contains("HS256 needs at least 32 bytes", e.Message, StringComparison.Ordinal);
    }

    private byte[] PublicKeyAsSecret(string encoding) => encoding switch
    {
        "spki-pem" => Encoding.UTF8.GetBytes(_f.Rsa.ExportSubjectPublicKeyInfoPem()),
        "pkcs1-pem" => Encoding.UTF8.GetBytes(_f.Rsa.ExportRSAPublicKeyPem()),
        "spki-der" => _f.Rsa.ExportSubjectPublicKeyInfo(),
        "pkcs1-der" => _f.Rsa.ExportRSAPublicKey(),
        "modulus" => _f.Rsa.ExportParameters(false).Modulus!,
        "jwk-n-text" => Encoding.UTF8.GetBytes(Base64UrlEncoder.Encode(_f.Rsa.ExportParameters(false).Modulus!)),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
