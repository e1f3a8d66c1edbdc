using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>T12–T20 and T33 of the attack-token suite: header members that smuggle keys, URLs, extensions, types.</summary>
public sealed class HeaderAttackTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public HeaderAttackTests(JwtFixture fixture) => _f = fixture;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rejects_T12_EmbeddedJwk_SignedWithAttackerKey(bool keepOurKid)
    {
        RSAParameters attacker = _f.AttackerRsa.ExportParameters(false);
        string jwk = "{\"kty\":\"RSA\",\"n\":" + JsonMembers.Quote(Base64UrlEncoder.Encode(attacker.Modulus!)) +
                     ",\"e\":" + JsonMembers.Quote(Base64UrlEncoder.Encode(attacker.Exponent!)) + ",\"kid\":\"attacker\"}";
        JsonMembers header = JwtFixture.Header(kid: keepOurKid ? JwtFixture.RsaKid : "attacker").Set("jwk", jwk);
        string token = Jws.Create(header, JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T12_EmbeddedEcJwk_SignedWithAttackerKey()
    {
        ECParameters attacker = _f.AttackerEc.ExportParameters(false);
        string jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":" + JsonMembers.Quote(Base64UrlEncoder.Encode(attacker.Q.X!)) +
                     ",\"y\":" + JsonMembers.Quote(Base64UrlEncoder.Encode(attacker.Q.Y!)) + "}";
        JsonMembers header = JwtFixture.Header("ES256", JwtFixture.EcKid).Set("jwk", jwk);
        string token = Jws.Create(header, JwtFixture.Claims(), Jws.ES(_f.AttackerEc, HashAlgorithmName.SHA256));
        await AssertRejectedAsync(_f.EcValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task Rejects_T13_KeyUrlHeader_WithoutAnyOutboundRequest(string member)
    {
        // A listener on loopback stands in for the attacker's (or an internal) server: it must never be contacted.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            foreach (string url in new[] { $"http://127.0.0.1:{port}/.well-known/jwks.json", "http://169.254.169.254/latest/meta-data/iam/" })
            {
                JsonMembers header = JwtFixture.Header().SetString(member, url);
                string token = Jws.Create(header, JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
                await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
            }

            await Task.Delay(50);
            Assert.False(listener.Pending(), $"Validation contacted the URL in '{member}'.");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Rejects_T14_X5c_SelfSignedAttackerCertificate()
    {
        var request = new CertificateRequest("CN=" + JwtFixture.Issuer.Replace("https://", string.Empty, StringComparison.Ordinal), _f.AttackerRsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(JwtFixture.Now.AddDays(-1), JwtFixture.Now.AddYears(1));
        JsonMembers header = JwtFixture.Header()
            .Set("x5c", "[" + JsonMembers.Quote(Convert.ToBase64String(certificate.RawData)) + "]")
            .SetString("x5t", Base64UrlEncoder.Encode(certificate.GetCertHash()));
        string token = Jws.Create(header, JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Fact]
    public async Task Rejects_T15_KidPathTraversal_HmacWithEmptyKey()
    {
        JsonMembers header = JwtFixture.Header("HS256", "../../../../../../dev/null");
        string token = Jws.Create(header, JwtFixture.Claims(), Jws.HS256(Array.Empty<byte>()));

        // Against the RS256 validator the algorithm alone is refused; against an HS256 validator the empty key does not verify.
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.AlgorithmNotAllowed);
        await AssertRejectedAsync(_f.HmacValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData("' OR '1'='1")]
    [InlineData("rsa-1' --")]
    [InlineData("RSA-1")]
    [InlineData("rsa-1\u0000")]
    [InlineData("*")]
    public async Task Rejects_T15_KidInjection_SignedWithAttackerKey(string kid)
    {
        string token = Jws.Create(JwtFixture.Header(kid: kid), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData(257)]
    [InlineData(10 * 1024)]
    public async Task Rejects_T15_OversizedKid(int length)
    {
        string token = _f.SignRs256(JwtFixture.Header(kid: new string('k', length)), JwtFixture.Claims());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidKeyId);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("[\"rsa-1\"]")]
    [InlineData("null")]
    public async Task Rejects_T15_KidNotANonEmptyString(string rawKid)
    {
        string token = _f.SignRs256(JwtFixture.Header().Set("kid", rawKid), JwtFixture.Claims());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidKeyId);
    }

    [Theory]
    [InlineData("[\"x-unknown\"]")]
    [InlineData("[]")]
    [InlineData("[\"exp\"]")]
    [InlineData("\"x-unknown\"")]
    [InlineData("null")]
    public async Task Rejects_T16_CritHeader(string rawCrit)
    {
        JsonMembers header = JwtFixture.Header().Set("crit", rawCrit).SetString("x-unknown", "v");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.CriticalHeaderNotSupported);
    }

    [Fact]
    public async Task Rejects_T17_UnencodedPayload_B64FalseWithCrit()
    {
        JsonMembers header = JwtFixture.Header().Set("b64", "false").Set("crit", "[\"b64\"]");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.CriticalHeaderNotSupported);
    }

    [Fact]
    public async Task Rejects_T17_UnencodedPayload_B64FalseWithoutCrit()
    {
        JsonMembers header = JwtFixture.Header().Set("b64", "false");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.UnsupportedHeaderParameter);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt ")]
    [InlineData("at+jwt; q=1")]
    [InlineData("application/jwt")]
    [InlineData("text/at+jwt")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Rejects_T18_WrongOrMissingTyp(string? typ)
    {
        string token = _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidType);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("AT+JWT")]
    [InlineData("Application/At+Jwt")]
    public async Task Accepts_T18_AtJwt_InEverySpellingRfc9068Allows(string typ)
    {
        // RFC 9068 §4: "at+jwt" or "application/at+jwt"; media types are case-insensitive (RFC 7515 §4.1.9, RFC 2045).
        await AssertAcceptedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims()));
    }

    [Fact]
    public async Task Rejects_T18_TypNotAString()
    {
        string token = _f.SignRs256(JwtFixture.Header().Set("typ", "[\"at+jwt\"]"), JwtFixture.Claims());
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidType);
    }

    [Fact]
    public async Task Rejects_T19_IdTokenUsedAsAccessToken()
    {
        // A genuine ID token from the same issuer and key: typ JWT, aud = the client id, nonce, no scope.
        JsonMembers claims = JwtFixture.Claims().SetString("aud", "spa-client-id").SetString("nonce", "n-0S6_WzA2Mj").Remove("scope");
        string idToken = _f.SignRs256(JwtFixture.Header(typ: "JWT"), claims);
        await AssertRejectedAsync(_f.RsaValidator, idToken, JwtValidationFailure.InvalidType);
    }

    [Fact]
    public async Task Rejects_T19_IdTokenRelabelledAsAccessToken_ByItsNonce()
    {
        JsonMembers claims = JwtFixture.Claims().SetString("aud", "spa-client-id").SetString("nonce", "n-0S6_WzA2Mj");
        string token = _f.SignRs256(JwtFixture.Header(), claims);
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.NotAnAccessToken);
    }

    [Fact]
    public async Task Rejects_T20_DuplicateHeaderAlg()
    {
        JsonMembers header = JwtFixture.Header().Append("alg", "\"none\"");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task Rejects_T20_DuplicateHeaderAlg_SpelledWithEscape()
    {
        // "a\u006cg" is "alg" once unescaped.
        string header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"a\\u006cg\":\"none\"}";
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims().ToString()), JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task Rejects_T20_DuplicateExp_PastThenFuture()
    {
        JsonMembers claims = JwtFixture.Claims().SetNumber("exp", JwtFixture.NowSeconds - 3600).Append("exp", (JwtFixture.NowSeconds + 600).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(), claims), JwtValidationFailure.DuplicateMember);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    public async Task Rejects_T20_DuplicateClaim(string claim)
    {
        JsonMembers claims = JwtFixture.Claims().Append(claim, "\"someone-else\"");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(), claims), JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task Rejects_T20_DuplicateMemberInNestedObject()
    {
        JsonMembers claims = JwtFixture.Claims().Set("cnf", "{\"jkt\":\"a\",\"jkt\":\"b\"}");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(), claims), JwtValidationFailure.DuplicateMember);
    }

    [Fact]
    public async Task Rejects_T31_EncHeaderOnThreeSegmentToken()
    {
        JsonMembers header = JwtFixture.Header().SetString("enc", "A256GCM");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.EncryptedTokenNotAccepted);
    }

    [Fact]
    public async Task Rejects_T31_ZipHeaderOnJws()
    {
        JsonMembers header = JwtFixture.Header().SetString("zip", "DEF");
        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(header, JwtFixture.Claims()), JwtValidationFailure.UnsupportedHeaderParameter);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("application/jwt")]
    [InlineData("Application/JWT")]
    public async Task Rejects_T33_NestedJwt(string cty)
    {
        string inner = _f.ValidRs256();
        string token = Jws.Create(Encoding.UTF8.GetBytes(JwtFixture.Header(typ: "JWT").SetString("cty", cty).ToString()), Encoding.ASCII.GetBytes(inner), Jws.RS256(_f.Rsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.NestedTokenNotAccepted);
    }

    [Fact]
    public async Task Accepts_T33_NestedJwt_WhenAllowed_AndValidatesBothLayers()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.AllowNestedTokens = true);
        byte[] outerHeader = Encoding.UTF8.GetBytes(JwtFixture.Header(typ: "JWT").SetString("cty", "JWT").ToString());

        string inner = _f.ValidRs256();
        StrictJwtValidationResult ok = await AssertAcceptedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(inner), Jws.RS256(_f.Rsa)));
        Assert.Equal("user-42", ok.Token!.Subject);

        // Outer layer signed by the attacker.
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(inner), Jws.RS256(_f.AttackerRsa)), JwtValidationFailure.InvalidSignature);

        // Inner layer signed by the attacker, outer by us.
        string forgedInner = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(forgedInner), Jws.RS256(_f.Rsa)), JwtValidationFailure.InvalidSignature);

        // Inner layer unsigned.
        string unsignedInner = Jws.Unsigned(JwtFixture.Header("none").ToString(), JwtFixture.Claims().ToString());
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(unsignedInner), Jws.RS256(_f.Rsa)), JwtValidationFailure.UnsignedToken);

        // Inner layer expired.
        string expiredInner = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetNumber("exp", JwtFixture.NowSeconds - 3600).SetNumber("iat", JwtFixture.NowSeconds - 4200).SetNumber("nbf", JwtFixture.NowSeconds - 4200));
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(expiredInner), Jws.RS256(_f.Rsa)), JwtValidationFailure.Expired);

        // Two levels of nesting.
        string nested = Jws.Create(outerHeader, Encoding.ASCII.GetBytes(inner), Jws.RS256(_f.Rsa));
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.ASCII.GetBytes(nested), Jws.RS256(_f.Rsa)), JwtValidationFailure.NestedTokenNotAccepted);

        // The payload of the outer layer is JSON, not a token.
        await AssertRejectedAsync(validator, Jws.Create(outerHeader, Encoding.UTF8.GetBytes(JwtFixture.Claims().ToString()), Jws.RS256(_f.Rsa)), JwtValidationFailure.Malformed);
    }
}
