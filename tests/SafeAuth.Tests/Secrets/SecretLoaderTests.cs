using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using SafeAuth.Secrets;

namespace SafeAuth.Tests.Secrets;

public class SigningKeyLoaderTests
{
    private static readonly byte[] Random64 = RandomNumberGenerator.GetBytes(64);

    private static IConfiguration Config(string key, string? value) => new DictionaryConfiguration(new() { [key] = value });

    private static void AssertKey(byte[] expected, HmacSigningKey key)
    {
        Assert.Equal(expected, key.Key);
        Assert.Contains(key.Algorithm, new[] { "HS256", "HS384", "HS512" });
    }

    private static SecretConfigurationException Refused(Action load, string setting, SecretProblem problem, string? secret = null)
    {
        var ex = Assert.Throws<SecretConfigurationException>(load);
        Assert.Equal(setting, ex.SettingName);
        Assert.Equal(problem, ex.Problem);
        Assert.Contains(setting, ex.Message);
        if (!string.IsNullOrEmpty(secret))
        {
            Assert.DoesNotContain(secret, ex.Message);
        }

        return ex;
    }

    [Theory]
    [InlineData("HS256", 32)]
    [InlineData("HS384", 48)]
    [InlineData("HS512", 64)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", 32)]
    public void Accepts_RandomKeyOfTheRequiredLength_Base64AndBase64Url(string algorithm, int length)
    {
        var key = Random64[..length];
        AssertKey(key, SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", Convert.ToBase64String(key)), "Jwt:SigningKey", algorithm));
        var base64Url = Convert.ToBase64String(key).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        AssertKey(key, SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", base64Url), "Jwt:SigningKey", algorithm));
    }

    [Theory]
    [InlineData("HS256", 31)]
    [InlineData("HS384", 47)]
    [InlineData("HS512", 63)]
    public void Refuses_KeyShorterThanTheHash(string algorithm, int length)
    {
        var value = Convert.ToBase64String(Random64[..length]);
        var ex = Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", algorithm), "Jwt:SigningKey", SecretProblem.TooShort, value);
        Assert.Contains(length.ToString(), ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_MissingSetting(string? value) =>
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.Missing);

    [Fact]
    public void Refuses_AbsentKey() =>
        Refused(() => SigningKeyLoader.FromConfiguration(new DictionaryConfiguration(new()), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.Missing);

    [Theory]
    [InlineData("<your signing key>")]
    [InlineData("${JWT_KEY}")]
    [InlineData("YOUR_SIGNING_KEY")]
    [InlineData("{signing-key}")]
    [InlineData("#{Jwt.Key}#")]
    public void Refuses_Placeholder(string value) =>
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.Placeholder, value);

    [Theory]
    [InlineData("your-256-bit-secret")]
    [InlineData("changeme")]
    [InlineData("password")]
    public void Refuses_KnownSample(string value) =>
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.KnownSample, value);

    [Theory]
    [InlineData("ThisIsMySuperSecretSigningKeyForJwtTokens2024")]
    [InlineData("my-very-long-and-complicated-password-for-signing-jwt")]
    public void Refuses_HumanMemorablePassword(string value) =>
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.HumanMemorable, value);

    [Fact]
    public void Refuses_PrintableTextEncodedAsBase64()
    {
        // A passphrase without dictionary words, base64-encoded: the bytes are all printable ASCII.
        var value = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("Xk9!vQ2#mZ7@pL4$wR8%tY6^nB3&hJ5*cF1("));
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.HumanMemorable, value);
    }

    [Fact]
    public void Refuses_TextThatIsNotBase64()
    {
        const string value = "ab$cd%ef^gh&ij*kl(mn)op!qr@st#uv=wx;yz~12";
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", value), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.NotBase64, value);
    }

    [Fact]
    public void Refuses_LowVarietyBytes()
    {
        var zeros = Convert.ToBase64String(new byte[32]);
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", zeros), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.LowVariety, zeros);
        var counting = Convert.ToBase64String(Enumerable.Range(128, 32).Select(i => (byte)i).ToArray());
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", counting), "Jwt:SigningKey", "HS256"), "Jwt:SigningKey", SecretProblem.LowVariety, counting);
    }

    [Fact]
    public void Refuses_NonHmacAlgorithm() =>
        Refused(() => SigningKeyLoader.FromConfiguration(Config("Jwt:SigningKey", Convert.ToBase64String(Random64)), "Jwt:SigningKey", "RS256"), "Jwt:SigningKey", SecretProblem.UnsupportedAlgorithm);

    [Fact]
    public void FromEnvironment_ReadsAndChecksTheVariable()
    {
        var variable = "SAFEAUTH_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Refused(() => SigningKeyLoader.FromEnvironment(variable, "HS256"), variable, SecretProblem.Missing);
        var key = Random64[..32];
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(key));
        try
        {
            AssertKey(key, SigningKeyLoader.FromEnvironment(variable, "HS256"));
            Environment.SetEnvironmentVariable(variable, "your-256-bit-secret");
            Refused(() => SigningKeyLoader.FromEnvironment(variable, "HS256"), variable, SecretProblem.KnownSample);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Rsa_Accepts2048_Refuses1024_AndNonPem()
    {
        using var strong = RSA.Create(2048);
        var loaded = SigningKeyLoader.RsaFromConfiguration(Config("Jwt:RsaKey", strong.ExportRSAPrivateKeyPem()), "Jwt:RsaKey");
        Assert.Equal(2048, loaded.KeySize);

        using var weak = RSA.Create(1024);
        var weakPem = weak.ExportPkcs8PrivateKeyPem();
        var ex = Refused(() => SigningKeyLoader.RsaFromConfiguration(Config("Jwt:RsaKey", weakPem), "Jwt:RsaKey"), "Jwt:RsaKey", SecretProblem.TooShort);
        Assert.DoesNotContain("PRIVATE KEY", ex.Message);

        Refused(() => SigningKeyLoader.RsaFromConfiguration(Config("Jwt:RsaKey", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"), "Jwt:RsaKey"), "Jwt:RsaKey", SecretProblem.InvalidKey);
        var variable = "SAFEAUTH_TEST_RSA_" + Guid.NewGuid().ToString("N");
        Refused(() => SigningKeyLoader.RsaFromEnvironment(variable), variable, SecretProblem.Missing);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Throws<ArgumentNullException>(() => SigningKeyLoader.FromConfiguration(null!, "Jwt:SigningKey", "HS256"));
        Assert.Throws<ArgumentException>(() => SigningKeyLoader.FromConfiguration(Config("a", "b"), "", "HS256"));
        Assert.Throws<ArgumentException>(() => SigningKeyLoader.FromEnvironment("", "HS256"));
    }
}

public class ClientSecretLoaderTests
{
    private const string Issued = "abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c";

    private static IConfiguration Config(string? value) => new DictionaryConfiguration(new() { ["AzureAd:ClientSecret"] = value });

    [Fact]
    public void Accepts_AnIssuedSecret() =>
        Assert.Equal(Issued, ClientSecretLoader.FromConfiguration(Config(" " + Issued + " "), "AzureAd:ClientSecret"));

    [Theory]
    [InlineData(null, SecretProblem.Missing)]
    [InlineData("", SecretProblem.Missing)]
    [InlineData("<client-secret>", SecretProblem.Placeholder)]
    [InlineData("YOUR_CLIENT_SECRET", SecretProblem.Placeholder)]
    [InlineData("changeme", SecretProblem.KnownSample)]
    [InlineData("client_secret", SecretProblem.KnownSample)]
    [InlineData("Zk3uP9vX2w", SecretProblem.TooShort)]
    [InlineData("MyApplicationSecret2024!", SecretProblem.HumanMemorable)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaa", SecretProblem.LowVariety)]
    public void Refuses(string? value, SecretProblem problem)
    {
        var ex = Assert.Throws<SecretConfigurationException>(() => ClientSecretLoader.FromConfiguration(Config(value), "AzureAd:ClientSecret"));
        Assert.Equal(problem, ex.Problem);
        Assert.Equal("AzureAd:ClientSecret", ex.SettingName);
        Assert.Contains("AzureAd:ClientSecret", ex.Message);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.DoesNotContain(value, ex.Message);
        }
    }

    [Fact]
    public void FromEnvironment_ReadsTheVariable()
    {
        var variable = "SAFEAUTH_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Assert.Equal(SecretProblem.Missing, Assert.Throws<SecretConfigurationException>(() => ClientSecretLoader.FromEnvironment(variable)).Problem);
        Environment.SetEnvironmentVariable(variable, Issued);
        try
        {
            Assert.Equal(Issued, ClientSecretLoader.FromEnvironment(variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}

public class SecretLoaderTests
{
    [Fact]
    public void ReadsAnySecretText_RefusesMissingPlaceholderAndSample()
    {
        var config = new DictionaryConfiguration(new() { ["Service:Token"] = "t0k3n-value-from-vault", ["A"] = "${A}", ["B"] = "changeme" });
        Assert.Equal("t0k3n-value-from-vault", SecretLoader.FromConfiguration(config, "Service:Token"));
        Assert.Equal(SecretProblem.Missing, Assert.Throws<SecretConfigurationException>(() => SecretLoader.FromConfiguration(config, "Missing")).Problem);
        Assert.Equal(SecretProblem.Placeholder, Assert.Throws<SecretConfigurationException>(() => SecretLoader.FromConfiguration(config, "A")).Problem);
        Assert.Equal(SecretProblem.KnownSample, Assert.Throws<SecretConfigurationException>(() => SecretLoader.FromConfiguration(config, "B")).Problem);
        Assert.Equal(SecretProblem.Missing, Assert.Throws<SecretConfigurationException>(() => SecretLoader.FromEnvironment("SAFEAUTH_TEST_NONE_" + Guid.NewGuid().ToString("N"))).Problem);
    }
}

/// <summary>A flat in-memory <see cref="IConfiguration"/> (keys with ':'), enough for the loaders.</summary>
internal sealed class DictionaryConfiguration : IConfiguration
{
    private readonly Dictionary<string, string?> _values;

    public DictionaryConfiguration(Dictionary<string, string?> values) => _values = new(values, StringComparer.OrdinalIgnoreCase);

    public string? this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : null;
        set => _values[key] = value;
    }

    public IEnumerable<IConfigurationSection> GetChildren() => Array.Empty<IConfigurationSection>();

    public IChangeToken GetReloadToken() => throw new NotSupportedException();

    public IConfigurationSection GetSection(string key) => throw new NotSupportedException();
}
