using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using SafeAuth.Secrets;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tests.Shared;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Secrets;

/// <summary>
/// The loaders judge what a value is, not how it looks: decoded key bytes that are text, phrases that happen to be valid
/// base64, text that reads two ways, leet-spelt passwords and placeholders (with the analyzers' own classifier).
/// </summary>
public sealed class KeyLoaderHardeningTests
{
    private const string Setting = "Jwt:SigningKey";

    private static SecretConfigurationException Refused(string? value, SecretProblem problem, SigningKeyEncoding encoding = SigningKeyEncoding.Unambiguous)
    {
        var e = Assert.Throws<SecretConfigurationException>(() => SigningKeyLoader.FromText(Setting, value, "HS256", encoding));
        Assert.True(problem == e.Problem, $"Expected {problem}, got {e.Problem}: {e.Message}");
        Assert.Contains(Setting, e.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.DoesNotContain(value.Trim(), e.Message, StringComparison.Ordinal);
        }

        return e;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string> PasswordsInBase64 => new()
    {
        Base64("Tr0ub4dor&3-is-what-I-use-for-jwt-keys\n"), // echo pw | base64: the trailing newline
        Base64("Tr0ub4dor&3-is-what-I-use-for-jwt-keys"),
        Base64("Zürich-ist-schön-und-groß-genug-für-HS256"), // a UTF-8 passphrase with non-ASCII letters
        Base64("\tindented passphrase with tabs and spaces\r\n"),
    };

    [Theory]
    [MemberData(nameof(PasswordsInBase64))]
    public void Refuses_PasswordsInBase64_ByTheirDecodedBytes(string value)
        => Assert.Contains("decodes to text", Refused(value, SecretProblem.HumanMemorable).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("ThisIsAnEnglishSentenceThatHappensToBeValidBase64Text")]
    [InlineData("thequickbrownfoxjumpsoverthelazydogandthenrestsforawhile")]
    [InlineData("correct horse battery staple correct horse battery staple")]
    [InlineData("IamTheSigningKeyOfTheBillingServiceAndNobodyKnowsMe")]
    [InlineData("MySup3rS3cr3tJwtK3yF0rPr0duct10nUs3Only")]
    public void Refuses_PhrasesThatHappenToBeValidBase64(string value)
        => Refused(value, SecretProblem.HumanMemorable);

    [Fact]
    public void HexText_IsAmbiguous_UntilTheEncodingIsNamed()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        string hex = Convert.ToHexString(key);
        Assert.Contains("SigningKeyEncoding.Hex", Refused(hex, SecretProblem.AmbiguousEncoding).Message, StringComparison.Ordinal);
        Refused(hex.ToLowerInvariant(), SecretProblem.AmbiguousEncoding);

        Assert.Equal(key, SigningKeyLoader.FromText(Setting, hex, "HS256", SigningKeyEncoding.Hex).Key);
        Assert.Equal(key, SigningKeyLoader.FromText(Setting, hex.ToLowerInvariant(), "HS256", SigningKeyEncoding.Hex).Key);
        Assert.Equal(Convert.FromBase64String(hex), SigningKeyLoader.FromText(Setting, hex, "HS256", SigningKeyEncoding.Base64).Key);
        Refused(Convert.ToBase64String(key), SecretProblem.NotBase64, SigningKeyEncoding.Hex);
        Refused(hex + "0", SecretProblem.NotBase64, SigningKeyEncoding.Hex);
    }

    [Fact]
    public void Base64Alphabets_AreNotMixed_AndTheNamedOneIsEnforced()
    {
        byte[] key = RandomNumberGenerator.GetBytes(48);
        string standard = Convert.ToBase64String(key);
        string url = standard.TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(key, SigningKeyLoader.FromText(Setting, standard, "HS256").Key);
        Assert.Equal(key, SigningKeyLoader.FromText(Setting, url, "HS256").Key);
        Assert.Equal(key, SigningKeyLoader.FromText(Setting, url, "HS256", SigningKeyEncoding.Base64Url).Key);
        Assert.Equal(key, SigningKeyLoader.FromText(Setting, standard.Insert(32, "\n"), "HS256", SigningKeyEncoding.Base64).Key);

        string mixed = "+-" + url.Substring(2);
        Refused(mixed, SecretProblem.NotBase64);
        if (url != standard.TrimEnd('='))
        {
            Refused(url, SecretProblem.NotBase64, SigningKeyEncoding.Base64);
            Refused(standard, SecretProblem.NotBase64, SigningKeyEncoding.Base64Url);
        }

        // Non-canonical text: the unused low bits of the last character set.
        string noncanonical = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        char last = noncanonical[^1];
        string flipped = noncanonical[..^1] + (char)(last == 'A' ? 'B' : last == 'Z' ? 'Y' : last + 1);
        if (!string.Equals(Convert.ToBase64String(Convert.FromBase64String(flipped + "=")).TrimEnd('='), flipped, StringComparison.Ordinal))
        {
            Refused(flipped, SecretProblem.NotBase64);
        }
    }

    [Fact]
    public void FromBytes_JudgesTheBytes()
    {
        Assert.Equal(SecretProblem.HumanMemorable, Assert.Throws<SecretConfigurationException>(
            () => SigningKeyLoader.FromBytes(Setting, Encoding.UTF8.GetBytes("a-password-that-is-long-enough-32"), "HS256")).Problem);
        Assert.Equal(SecretProblem.LowVariety, Assert.Throws<SecretConfigurationException>(
            () => SigningKeyLoader.FromBytes(Setting, new byte[64], "HS512")).Problem);
        Assert.Equal(SecretProblem.TooShort, Assert.Throws<SecretConfigurationException>(
            () => SigningKeyLoader.FromBytes(Setting, RandomNumberGenerator.GetBytes(48), "HS512")).Problem);
        byte[] key = RandomNumberGenerator.GetBytes(64);
        Assert.Equal(key, SigningKeyLoader.FromBytes(Setting, key, "HS512").Key);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#hmac-sha512")]
    public async Task LoadedKey_IsBoundToTheAlgorithmItWasCheckedFor(string algorithm)
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(64);
        HmacSigningKey key = SigningKeyLoader.FromText(Setting, Convert.ToBase64String(bytes), algorithm);
        string alg = algorithm.StartsWith("http", StringComparison.Ordinal) ? "HS512" : algorithm;
        Assert.Equal(alg, key.Algorithm);

        var validator = new StrictJwtValidator(JwtFixture.Options(key));
        Assert.Equal(new[] { alg }, validator.ValidAlgorithms);
        var issuer = new StrictJwtIssuer(new StrictJwtIssuerOptions
        {
            Issuer = JwtFixture.Issuer,
            Audience = JwtFixture.Audience,
            SigningKey = key,
            TimeProvider = new FrozenTimeProvider(JwtFixture.Now),
        });
        Assert.Equal(alg, issuer.Algorithm);
        await AssertAcceptedAsync(validator, issuer.Issue("user-42"));
    }

    [Fact]
    public async Task IssuersFromConfiguration_BindsEachKeyToItsIssuer_InOneCall()
    {
        byte[] a = RandomNumberGenerator.GetBytes(32);
        using RSA rsa = RSA.Create(2048);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jwt:Issuers:0:Issuer"] = "https://a.issuer.test",
            ["Jwt:Issuers:0:SigningKey"] = Convert.ToBase64String(a),
            ["Jwt:Issuers:1:Issuer"] = "https://b.issuer.test",
            ["Jwt:Issuers:1:PublicKeyPem"] = rsa.ExportSubjectPublicKeyInfoPem(),
        }).Build();

        StrictJwtValidationOptions options = JwtFixture.Options();
        options.ValidIssuer = null;
        options.AddIssuers(SigningKeyLoader.IssuersFromConfiguration(configuration, "Jwt:Issuers", "HS256"));
        var validator = new StrictJwtValidator(options);

        string fromA = Jws.Create(JwtFixture.Header("HS256", kid: null), JwtFixture.Claims().SetString("iss", "https://a.issuer.test"), Jws.HS256(a));
        string bClaimedWithAsKey = Jws.Create(JwtFixture.Header("HS256", kid: null), JwtFixture.Claims().SetString("iss", "https://b.issuer.test"), Jws.HS256(a));
        string fromB = Jws.Create(JwtFixture.Header(kid: null), JwtFixture.Claims().SetString("iss", "https://b.issuer.test"), Jws.RS256(rsa));
        await AssertAcceptedAsync(validator, fromA);
        await AssertAcceptedAsync(validator, fromB);
        await AssertRejectedAsync(validator, bClaimedWithAsKey, JwtValidationFailure.InvalidSignature);

        IConfiguration missingIssuer = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:Issuers:0:SigningKey"] = Convert.ToBase64String(a) }).Build();
        Assert.Equal("Jwt:Issuers:0:Issuer", Assert.Throws<SecretConfigurationException>(() => SigningKeyLoader.IssuersFromConfiguration(missingIssuer, "Jwt:Issuers", "HS256")).SettingName);
        Assert.Equal(SecretProblem.Missing, Assert.Throws<SecretConfigurationException>(() => SigningKeyLoader.IssuersFromConfiguration(new ConfigurationBuilder().Build(), "Jwt:Issuers", "HS256")).Problem);
        IConfiguration weak = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:Issuers:0:Issuer"] = "https://a", ["Jwt:Issuers:0:SigningKey"] = "changeme" }).Build();
        Assert.Equal("Jwt:Issuers:0:SigningKey", Assert.Throws<SecretConfigurationException>(() => SigningKeyLoader.IssuersFromConfiguration(weak, "Jwt:Issuers", "HS256")).SettingName);
    }

    [Fact]
    public void RsaLoader_ReturnsACheckedSecurityKey()
    {
        using RSA rsa = RSA.Create(3072);
        var key = SigningKeyLoader.RsaFromPem("Jwt:RsaKey", rsa.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(3072, key.KeySize);
        Assert.NotNull(new StrictJwtValidator(JwtFixture.Options(key)));
    }

    public static TheoryData<string> Placeholders => new(PlaceholderSamples.Values);

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Loaders_RefuseThePlaceholdersTheAnalyzersIgnore(string value)
    {
        // The analyzers are silent on the same table (SecretInAppSettingsAnalyzerTests).
        Assert.Equal(SecretProblem.Placeholder, Assert.Throws<SecretConfigurationException>(() => ClientSecretLoader.Check("AzureAd:ClientSecret", value)).Problem);
        Assert.Equal(SecretProblem.Placeholder, Assert.Throws<SecretConfigurationException>(() => SigningKeyLoader.FromText(Setting, value, "HS256")).Problem);
        Assert.Equal(SecretProblem.Placeholder, Assert.Throws<SecretConfigurationException>(() => SecretLoader.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:Token"] = value }).Build(), "Secrets:Token")).Problem);
    }

    [Theory]
    [InlineData("P@ssw0rd12345678!")]
    [InlineData("Adm1n-W3lc0me-2024-Pr0duct10n")]
    [InlineData("MyCompanyApplicationPortalForCustomers")]
    [InlineData("Qwerty!Asdfgh!Zxcvb!2024")]
    public void ClientSecretLoader_RefusesPasswords_AlsoInLeetspeak(string value)
    {
        var e = Assert.Throws<SecretConfigurationException>(() => ClientSecretLoader.Check("AzureAd:ClientSecret", value));
        Assert.Equal(SecretProblem.HumanMemorable, e.Problem);
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c")] // Entra ID
    [InlineData("GOCSPX-4Fq9xZ2mT7vL1pR8sW3yK6bN")] // Google
    [InlineData("q8Z3vN1xL7pR2mT9wK4yB6hJ0cF5dG8sA1eU3iO7uY2tV9nM4bX6zQ0wE5rT8yP")] // Auth0
    public void ClientSecretLoader_AcceptsIssuedSecrets(string value)
        => Assert.Equal(value, ClientSecretLoader.Check("AzureAd:ClientSecret", value));
}
