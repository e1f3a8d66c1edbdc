using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Rules.Secrets;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Secrets.SecretInAppSettingsAnalyzer>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

public class SecretInAppSettingsAnalyzerTests
{
    private static async Task Verify(string fileName, string json, string? globalConfig = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(References.None, globalConfig) { TestCode = "public class Program { }" };
        test.TestState.AdditionalFiles.Add((fileName, json));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Expected(int location, string path, string file = "appsettings.json") =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(path, file);

    [Fact]
    public async Task Reports_JwtKeyAndClientSecrets_InNestedObjects()
    {
        await Verify("appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Jwt": {
                "Issuer": "https://api.example.com",
                "Key": {|#0:"ThisIsMySuperSecretKeyForJwt2024!"|}
              },
              "Authentication": {
                "Google": { "ClientId": "123.apps.googleusercontent.com", "ClientSecret": {|#1:"GOCSPX-abcdefghijklmnopqrstuvwx"|} }
              },
              "Payments": { "Stripe": { "ApiKey": {|#2:"changeme"|} } },
              "TokenKey": {|#3:"super secret key"|}
            }
            """, null,
            Expected(0, "Jwt:Key"), Expected(1, "Authentication:Google:ClientSecret"), Expected(2, "Payments:Stripe:ApiKey"), Expected(3, "TokenKey"));
    }

    /// <summary>Secret words inside a segment (<c>JWTSecretKey</c>) and the tutorial sections; their neighbours stay silent.</summary>
    [Fact]
    public async Task Reports_SecretWordsInsideASegment_AndTutorialSections()
    {
        await Verify("appsettings.json", """
            {
              "JWTSecretKey": {|#0:"my-top-level-jwt-secret-2024"|},
              "AppSettings": { "Token": {|#1:"my top secret key for tokens"|}, "TokenLifetimeMinutes": "60" },
              "AuthSettings": { "Key": {|#2:"auth-settings-signing-key"|}, "Issuer": "https://api.example.com" },
              "JwtBearer": { "Key": {|#3:"jwt-bearer-signing-key-v1"|} },
              "GoogleClientSecret": {|#4:"google-client-secret-value"|},
              "Cache": { "Key": "products", "SecretKeyName": "not-a-secret-name" },
              "Antiforgery": { "HeaderName": "X-XSRF-TOKEN", "Token": "X-XSRF-TOKEN" }
            }
            """, null,
            Expected(0, "JWTSecretKey"), Expected(1, "AppSettings:Token"), Expected(2, "AuthSettings:Key"), Expected(3, "JwtBearer:Key"),
            Expected(4, "GoogleClientSecret"));
    }

    /// <summary>A value with a credential's shape is reported under any key; a look-alike under a plain key is not.</summary>
    [Fact]
    public async Task Reports_ValuesShapedLikeCredentials_UnderAnyKey()
    {
        await Verify("appsettings.json", """
            {
              "Payments": { "Stripe": {|#0:"sk_live_FAKE0123456789abcdefghijKLMN"|}, "Mode": "sk_test_FAKE0123456789abcdefghijKLMN" },
              "Notifications": { "Slack": {|#1:"https://hooks.slack.com/services/TFAKE0123/BFAKE4567/FAKEabcdefghijklmnopqrstuvwx"|} },
              "ConnectionStrings": {
                "Blobs": {|#2:"DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=FAKE0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef+/FA==;EndpointSuffix=core.windows.net"|},
                "Local": "UseDevelopmentStorage=true",
                "Emulator": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
              },
              "Maps": { "Provider": "AIzaSyEXAMPLE-documentation-key-0000000" }
            }
            """, null,
            Expected(0, "Payments:Stripe"), Expected(1, "Notifications:Slack"), Expected(2, "ConnectionStrings:Blobs"));
    }

    [Fact]
    public async Task Reports_InArrays_WithCommentsAndTrailingCommas_InEnvironmentFiles()
    {
        await Verify("appsettings.Production.json", """
            // Production settings
            {
              /* downstream clients */
              "Clients": [
                { "Name": "billing", "Secret": {|#0:"billing-secret-v2"|}, },
                { "Name": "reports", "SigningKey": {|#1:"cmVwb3J0cy1rZXk="|} }, // rotated yearly
              ],
            }
            """, null,
            Expected(0, "Clients:0:Secret", "appsettings.Production.json"),
            Expected(1, "Clients:1:SigningKey", "appsettings.Production.json"));
    }

    public static TheoryData<string> Placeholders => new(SafeAuth.Tests.Shared.PlaceholderSamples.Values);

    public static TheoryData<string> NotPlaceholders => new(SafeAuth.Tests.Shared.PlaceholderSamples.NotPlaceholders);

    [Theory]
    [MemberData(nameof(Placeholders))]
    public async Task NoDiagnostic_ThePlaceholdersTheRuntimeLoadersRefuse(string value)
    {
        // The same table is refused as SecretProblem.Placeholder by the runtime loaders (SafeAuth.Tests).
        await Verify("appsettings.json", "{ \"AzureAd\": { \"ClientSecret\": " + System.Text.Json.JsonSerializer.Serialize(value) + " } }");
    }

    [Theory]
    [MemberData(nameof(NotPlaceholders))]
    public async Task Reports_GuessableValues_ThatLookLikePlaceholders(string value)
    {
        var json = "{ \"AzureAd\": { \"ClientSecret\": {|#0:" + System.Text.Json.JsonSerializer.Serialize(value) + "|} } }";
        await Verify("appsettings.json", json, null, Expected(0, "AzureAd:ClientSecret"));
    }

    [Fact]
    public async Task NoDiagnostic_PlaceholdersEmptyValuesKeyVaultReferencesAndOtherKeys()
    {
        await Verify("appsettings.json", """
            {
              "Jwt": { "Key": "", "Issuer": "https://api.example.com", "Audience": "api" },
              "AzureAd": { "ClientSecret": "<from user secrets>", "ClientId": "11111111-2222-3333-4444-555555555555" },
              "Auth0": { "ClientSecret": "${AUTH0_CLIENT_SECRET}" },
              "Okta": { "ClientSecret": "YOUR_OKTA_SECRET" },
              "Vault": { "SigningKey": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/jwt)" },
              "Release": { "Secret": "#{Release.Secret}#" },
              "Numbers": { "SecretKey": 42, "ApiKey": null, "Secret": true },
              "ConnectionStrings": { "Default": "Server=db;User Id=app;Password=hunter2" },
              "Features": { "SecretSanta": "enabled", "KeyVaultName": "kv-prod" }
            }
            """);
    }

    [Theory]
    [InlineData("""{ "Jwt": { "Key": "abc" """)]
    [InlineData("""{ "Jwt": { "Key": "abc" } } }""")]
    [InlineData("""{ "Jwt": { "Key": "unterminated } }""")]
    [InlineData("""{ "Jwt": { Key: "unquoted-name" } }""")]
    [InlineData("""{ /* unterminated comment "Jwt": { "Key": "abc" } }""")]
    [InlineData("")]
    [InlineData("not json at all")]
    public async Task NoDiagnostic_MalformedJson_NoCrash(string json)
    {
        await Verify("appsettings.json", json);
    }

    [Fact]
    public async Task NoDiagnostic_OtherFilesAndTestProjects()
    {
        const string json = """{ "Jwt": { "Key": "hard-coded" } }""";
        await Verify("secrets.json", json);
        await Verify("appsettings.json", json, "build_property.IsTestProject = true");
        await Verify("appsettings.json", """{ "Jwt": { "Key": {|#0:"hard-coded"|} } }""", "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            Expected(0, "Jwt:Key"));
    }

    [Fact]
    public async Task Reports_AdditionalKeyPatterns_FromOption()
    {
        await Verify("appsettings.json", """
            {
              "Partner": { "HmacSalt": {|#0:"partner-salt"|}, "Webhook": { "Token": {|#1:"whk_123"|} } },
              "Other": { "Token": "not matched" }
            }
            """, "safeauth.AUTH304.additional_key_patterns = *:HmacSalt, Partner:*:Token",
            Expected(0, "Partner:HmacSalt"), Expected(1, "Partner:Webhook:Token"));
    }

    [Theory]
    [InlineData("Jwt:Key", true)]
    [InlineData("jwt:key", true)]
    [InlineData("Jwt:KeyId", false)]
    [InlineData("ClientSecret", true)]
    [InlineData("A:B:ClientSecret", true)]
    [InlineData("A:ClientSecretName", false)]
    [InlineData("Secret", true)]
    [InlineData("SecretSanta", false)]
    public void KeyPatterns_Match(string path, bool expected) =>
        Assert.Equal(expected, SecretInAppSettingsAnalyzer.Matches(path, SecretInAppSettingsAnalyzer.DefaultKeyPatterns));
}
