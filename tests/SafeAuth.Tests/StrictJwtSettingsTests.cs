using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafeAuth.Secrets;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests;

/// <summary><c>AddStrictJwtValidation(configuration)</c>: the registration SafeAuth's AUTH101 fix adds at the composition root.</summary>
public sealed class StrictJwtSettingsTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public StrictJwtSettingsTests(JwtFixture fixture) => _f = fixture;

    private static IConfigurationSection Section(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Jwt:" + s.Key, s.Value)))
            .Build()
            .GetSection("Jwt");

    private static StrictJwtValidator Validator(IConfiguration section)
    {
        var services = new ServiceCollection();
        services.AddStrictJwtValidation(section).Configure(o => o.TimeProvider = new FrozenTimeProvider(JwtFixture.Now));
        return services.BuildServiceProvider().GetRequiredService<StrictJwtValidator>();
    }

    private static Exception Refusal(IConfiguration section)
    {
        var services = new ServiceCollection();
        services.AddStrictJwtValidation(section);
        using var provider = services.BuildServiceProvider();
        return Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value);
    }

    [Fact]
    public void HmacKey_Issuer_Audience_ValidateTheIssuersTokens()
    {
        var validator = Validator(Section(("Issuer", JwtFixture.Issuer), ("Audience", JwtFixture.Audience), ("SigningKey", Convert.ToBase64String(JwtFixture.HmacKeyBytes))));

        Assert.Equal("user-42", validator.ValidateJsonWebToken(_f.ValidHs256()).Subject);
        var forged = Jws.Create(JwtFixture.Header("HS256", JwtFixture.HmacKid), JwtFixture.Claims(), Jws.HS256(new byte[32]));
        Assert.Equal(JwtValidationFailure.InvalidSignature, Assert.Throws<JwtValidationException>(() => validator.ValidateJsonWebToken(forged)).Failure);
        // An RS256 token is refused: the HMAC key is bound to HS256.
        Assert.Throws<JwtValidationException>(() => validator.ValidateJsonWebToken(_f.ValidRs256()));
    }

    [Fact]
    public void PublicKeyPem_And_AudiencesList_AreRead()
    {
        var validator = Validator(Section(
            ("Issuer", JwtFixture.Issuer),
            ("PublicKeyPem", _f.Rsa.ExportSubjectPublicKeyInfoPem()),
            ("Audiences:0", "api://another"),
            ("Audiences:1", JwtFixture.Audience)));

        Assert.Equal("user-42", validator.ValidateJsonWebToken(_f.ValidRs256()).Subject);
        var otherAudience = _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("aud", "api://third"));
        Assert.Equal(JwtValidationFailure.InvalidAudience, Assert.Throws<JwtValidationException>(() => validator.ValidateJsonWebToken(otherAudience)).Failure);
    }

    [Fact]
    public void IssuersList_GivesEachIssuerItsOwnKey()
    {
        var validator = Validator(Section(
            ("Audience", JwtFixture.Audience),
            ("Issuers:0:Issuer", "https://partner.example"),
            ("Issuers:0:SigningKey", Convert.ToBase64String(JwtFixture.HmacKeyBytes)),
            ("Issuers:1:Issuer", JwtFixture.Issuer),
            ("Issuers:1:PublicKeyPem", _f.Rsa.ExportSubjectPublicKeyInfoPem())));

        Assert.Equal("user-42", validator.ValidateJsonWebToken(_f.ValidRs256()).Subject);
        // The partner's HMAC key does not verify tokens that name the RSA issuer.
        Assert.Throws<JwtValidationException>(() => validator.ValidateJsonWebToken(_f.ValidHs256()));
    }

    [Fact]
    public void ClockSkew_And_MaxTokenLifetime_AreRead()
    {
        var section = Section(("Issuer", JwtFixture.Issuer), ("Audience", JwtFixture.Audience), ("SigningKey", Convert.ToBase64String(JwtFixture.HmacKeyBytes)),
            ("ClockSkew", "00:00:30"), ("MaxTokenLifetime", "00:05:00"));
        var options = new StrictJwtValidationOptions();
        StrictJwtSettings.Apply(section, options);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxTokenLifetime);

        // The fixture's tokens live 10 minutes, longer than the configured 5.
        Assert.Throws<JwtValidationException>(() => Validator(section).ValidateJsonWebToken(_f.ValidHs256()));
    }

    [Theory]
    [InlineData("Issuer", "'Jwt:Issuer' is missing")]
    [InlineData("Audience", "'Jwt:Audience' is missing")]
    public void MissingSetting_IsNamedWithItsPath(string missing, string expected)
    {
        var settings = new List<(string, string?)> { ("Issuer", JwtFixture.Issuer), ("Audience", JwtFixture.Audience), ("SigningKey", Convert.ToBase64String(JwtFixture.HmacKeyBytes)) };
        settings.RemoveAll(s => s.Item1 == missing);
        var refusal = Assert.IsType<InvalidOperationException>(Refusal(Section(settings.ToArray())));
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SecretProblem.Missing)]
    [InlineData("c2hvcnQta2V5", SecretProblem.TooShort)]
    [InlineData("my-super-secret-key-for-signing-jwt-tokens-2024", SecretProblem.HumanMemorable)]
    public void MissingOrWeakKey_IsRefusedAtStart_NamingTheSetting(string? key, SecretProblem problem)
    {
        var refusal = Assert.IsType<SecretConfigurationException>(Refusal(Section(("Issuer", JwtFixture.Issuer), ("Audience", JwtFixture.Audience), ("SigningKey", key))));
        Assert.Equal("Jwt:SigningKey", refusal.SettingName);
        Assert.Equal(problem, refusal.Problem);
    }

    [Fact]
    public void UnparsableTimeSpan_IsNamed()
    {
        var refusal = Refusal(Section(("Issuer", JwtFixture.Issuer), ("Audience", JwtFixture.Audience),
            ("SigningKey", Convert.ToBase64String(JwtFixture.HmacKeyBytes)), ("ClockSkew", "five minutes")));
        Assert.Contains("'Jwt:ClockSkew' is 'five minutes'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullConfiguration_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddStrictJwtValidation((IConfiguration)null!));

    [Fact]
    public void ValidatePayload_ReadsTheClaimsOfAValidatedToken_AndRefusesAForgedOne()
    {
        var validator = _f.RsaValidator;
        var json = validator.ValidatePayloadJson(_f.ValidRs256());
        Assert.Equal("user-42", JsonDocument.Parse(json).RootElement.GetProperty("sub").GetString());

        var claims = validator.ValidatePayload<Dictionary<string, JsonElement>>(_f.ValidRs256());
        Assert.Equal("orders.read", claims["scope"].GetString());

        var forged = Jws.Create(JwtFixture.Header(), JwtFixture.Claims().SetString("sub", "admin"), Jws.RS256(_f.AttackerRsa));
        Assert.Throws<JwtValidationException>(() => validator.ValidatePayloadJson(forged));
        Assert.Throws<JwtValidationException>(() => validator.ValidatePayload<Dictionary<string, object>>(forged));
        Assert.Throws<JsonException>(() => validator.ValidatePayload<string>(_f.ValidRs256()));
    }
}
