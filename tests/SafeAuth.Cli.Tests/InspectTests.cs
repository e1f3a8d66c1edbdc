using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace SafeAuth.Cli.Tests;

public sealed class InspectTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static string Sign(SigningCredentials credentials, TimeSpan? lifetime = null, string? audience = "api", string type = "JWT", IDictionary<string, object>? header = null)
        => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example",
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "42" },
            IssuedAt = Now,
            NotBefore = Now,
            Expires = Now + (lifetime ?? TimeSpan.FromMinutes(10)),
            TokenType = type,
            AdditionalHeaderClaims = header,
            SigningCredentials = credentials,
        });

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task ValidToken_WithItsHmacSecret_IsAccepted_AndTheSecretIsNeverPrinted()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var variable = "SAFEAUTH_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(secret));
        var token = Sign(new SigningCredentials(new SymmetricSecurityKey(secret), SecurityAlgorithms.HmacSha256));

        var run = await CliRun.RunWithInputAsync(token + "\n", "inspect", "-", "--secret-env", variable);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Verification valid", run.Output);
        Assert.Contains("Problems none", run.Output);
        Assert.Contains("\"https://issuer.example\"", run.Output);
        Assert.Matches(@"exp\s+│ \d+  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, in 9 min", run.Output);
        Assert.DoesNotContain(Convert.ToBase64String(secret), run.Output + run.Error);
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task TamperedToken_IsRejectedByTheStrictValidator_WithTheReason()
    {
        using var rsa = RSA.Create(2048);
        using var folder = new TempFolder();
        var keyFile = folder.File("public.pem", rsa.ExportSubjectPublicKeyInfoPem());
        var token = Sign(new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));
        var parts = token.Split('.');
        var forged = parts[0] + "." + Segment("{\"iss\":\"https://issuer.example\",\"aud\":\"api\",\"sub\":\"admin\",\"exp\":" + new DateTimeOffset(Now.AddMinutes(10)).ToUnixTimeSeconds() + "}") + "." + parts[2];

        var good = await CliRun.RunAsync("inspect", token, "--key", keyFile, "--json");
        var bad = await CliRun.RunAsync("inspect", forged, "--key", keyFile, "--json");

        Assert.Equal(0, good.ExitCode);
        Assert.True(JsonDocument.Parse(good.Output).RootElement.GetProperty("verification").GetProperty("valid").GetBoolean());
        Assert.Equal(1, bad.ExitCode);
        var verification = JsonDocument.Parse(bad.Output).RootElement.GetProperty("verification");
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal("the RSA key in public.pem", verification.GetProperty("key").GetString());
        Assert.False(string.IsNullOrEmpty(verification.GetProperty("failure").GetString()));
    }

    [Fact]
    public async Task JwksFile_VerifiesAnEcToken()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(ec) { KeyId = "k1" };
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key);
        using var folder = new TempFolder();
        var jwks = folder.File("jwks.json", JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig" } } }));

        var run = await CliRun.RunAsync("inspect", Sign(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256)), "--jwks", jwks);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("1 signing key(s) from the JWKS jwks.json", run.Output);
    }

    [Fact]
    public async Task UnsignedToken_ListsTheRfc8725Problems()
    {
        var token = Segment("{\"alg\":\"none\",\"jku\":\"https://attacker.example/keys\",\"crit\":[\"b64\"],\"kid\":\"../../dev/null\"}") + "." + Segment("{\"sub\":\"x\"}") + ".";

        var run = await CliRun.RunAsync("inspect", token, "--json");

        Assert.Equal(1, run.ExitCode);
        var codes = JsonDocument.Parse(run.Output).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToArray();
        Assert.Equal(new[] { "alg-none", "missing-typ", "embedded-key", "crit", "suspicious-kid", "missing-exp", "missing-iss", "missing-aud" }, codes);
    }

    [Fact]
    public async Task ExpiredAndLongLivedTokens_AreProblems()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expired = Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Segment($"{{\"iss\":\"i\",\"aud\":\"a\",\"iat\":{now - 7200},\"exp\":{now - 3600}}}") + ".c2ln";
        var longLived = Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Segment($"{{\"iss\":\"i\",\"aud\":\"a\",\"iat\":{now},\"exp\":{now + (400 * 86400)}}}") + ".c2ln";

        var first = await CliRun.RunAsync("inspect", expired);
        var second = await CliRun.RunAsync("inspect", longLived);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("expired 1 h 0 min ago", first.Output);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("long-lifetime lives 400 d 0 h, longer than 1 d 0 h", second.Output);
    }

    [Theory]
    [InlineData("not a token", "three segments")]
    [InlineData("a.b.c.d.e", "this is a JWE")]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.e30.c2ln", "the header has 'enc'")]
    [InlineData("e30.!!!.c2ln", "the payload segment is not base64url")]
    [InlineData("WzFd.e30.c2ln", "the header is JSON but not an object")]
    public async Task NotAToken_ExitsTwo_WithTheReason(string text, string reason)
    {
        var run = await CliRun.RunAsync("inspect", text);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error);
    }

    [Fact]
    public async Task UnusableKeys_ExitTwo_WithTheReason()
    {
        using var folder = new TempFolder();
        var notAKey = folder.File("key.txt", "hunter2");
        var token = Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Segment("{\"iss\":\"i\"}") + ".c2ln";
        var weak = "SAFEAUTH_TEST_WEAK_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(weak, "secret");

        var missing = await CliRun.RunAsync("inspect", token, "--key", Path.Combine(folder.Path, "missing.pem"));
        var text = await CliRun.RunAsync("inspect", token, "--key", notAKey);
        var short_ = await CliRun.RunAsync("inspect", token, "--secret-env", weak);
        var unset = await CliRun.RunAsync("inspect", token, "--secret-env", weak + "_UNSET");
        var both = await CliRun.RunAsync("inspect", token, "--key", notAKey, "--secret-env", weak);

        Assert.All(new[] { missing, text, short_, unset, both }, r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("does not exist", missing.Error);
        Assert.Contains("neither a PEM key or certificate nor a JWK", text.Error);
        Assert.Contains($"the secret in ${weak} cannot be used", short_.Error);
        Assert.DoesNotContain("\"secret\"", short_.Error);
        Assert.Contains("cannot be used", unset.Error);
        Assert.Contains("give one of --key, --jwks and --secret-env", both.Error);
        Environment.SetEnvironmentVariable(weak, null);
    }
}
