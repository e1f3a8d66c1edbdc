using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.SecretLiteralInSourceAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.SecretLiteralInSourceCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

public class SecretLiteralInSourceAnalyzerTests
{
    // {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"svc"} . signature
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6InN2YyJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    // {"foo":"bar"} . payload . signature: base64url JSON, but no "alg": not a JWT header.
    private const string NotAJwt = "eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6InN2YyJ9.abc";

    private const string EntraSecret = "abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c";

    private const string PemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDu";

    private static DiagnosticResult Expected(int location, string what) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(what);

    // ---------- positives ----------

    [Fact]
    public async Task Reports_JwtLiterals_RegularVerbatimRawAndInterpolatedText()
    {
        await VerifyCS.VerifyAnalyzerAsync($$""""
            public class Client
            {
                private static readonly string ServiceToken = {|#0:"{{Jwt}}"|};
                private readonly string _bearer = {|#1:@"Bearer {{Jwt}}"|};
                private const string Raw = {|#2:"""{{Jwt}}"""|};

                public string Header(string extra) => $"{|#3:Bearer {{Jwt}}|}{extra}";
            }
            """", References.None, null,
            Expected(0, "a JWT"), Expected(1, "a JWT"), Expected(2, "a JWT"), Expected(3, "a JWT"));
    }

    [Fact]
    public async Task LicenceKeyJwts_AreSilent_ServiceTokensNextToThemAreReported()
    {
        await VerifyCS.VerifyAnalyzerAsync($$""""
            public class Options
            {
                public string LicenseKey { get; set; } = "{{Jwt}}";
                public string ApiToken { get; set; } = {|#0:"{{Jwt}}"|};
            }

            public static class Setup
            {
                private const string DuendeLicense = "{{Jwt}}";

                public static void Configure(Options options)
                {
                    options.LicenseKey = "{{Jwt}}";
                    var offlineActivation = "{{Jwt}}";
                    options.ApiToken = {|#1:"{{Jwt}}"|};
                }
            }
            """", References.None, null,
            Expected(0, "a JWT"), Expected(1, "a JWT"));
    }

    [Theory]
    [InlineData("PRIVATE KEY")]
    [InlineData("RSA PRIVATE KEY")]
    [InlineData("EC PRIVATE KEY")]
    [InlineData("ENCRYPTED PRIVATE KEY")]
    [InlineData("OPENSSH PRIVATE KEY")]
    public async Task Reports_PemPrivateKeyBlocks(string label)
    {
        await VerifyCS.VerifyAnalyzerAsync($$""""
            public static class Keys
            {
                public static string Pem() => {|#0:"""
                    -----BEGIN {{label}}-----
                    {{PemBody}}
                    -----END {{label}}-----
                    """|};
            }
            """", References.None, null,
            Expected(0, "a PEM private key"));
    }

    [Fact]
    public async Task Reports_EntraClientSecret_AnywhereItStands()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            public static class Settings
            {
                public static Dictionary<string, string> Values() => new() { ["AzureAd:ClientSecret"] = {|#0:"{{EntraSecret}}"|} };
            }
            """, References.None, null,
            Expected(0, "a Microsoft Entra client secret"));
    }

    // ---------- negatives ----------

    [Fact]
    public async Task NoDiagnostic_LookAlikes()
    {
        await VerifyCS.VerifyAnalyzerAsync($$""""
            public static class Pem
            {
                // base64url JSON segments without "alg", a lone header prefix, parsing code and public material.
                private const string NotAJwt = "{{NotAJwt}}";
                private const string Prefix = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
                private const string Dots = "eyJhbGciOiJIUzI1NiJ9..";

                public static string Strip(string pem) => pem
                    .Replace("-----BEGIN PRIVATE KEY-----", "")
                    .Replace("-----END PRIVATE KEY-----", "")
                    .Replace("-----BEGIN RSA PRIVATE KEY-----\n", "");

                public static string PublicKey() => """
                    -----BEGIN PUBLIC KEY-----
                    {{PemBody}}
                    -----END PUBLIC KEY-----
                    """;

                public static string Certificate() => """
                    -----BEGIN CERTIFICATE-----
                    {{PemBody}}
                    -----END CERTIFICATE-----
                    """;

                // Q~ in the wrong place, too short, or with characters secrets never contain.
                public static string[] NotSecrets() => new[] { "abcdefQ~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB", "abc8Q~short", "abc8Q~Zk3uP9vX2w T7yR5mN1qL6sD4fG8hJ0kB_" };
            }
            """", References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_TestProjectByDefault_ReportsWhenOptedIn()
    {
        var source = $$"""
            public class TokenFixture
            {
                public const string Token = {|#0:"{{Jwt}}"|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", "").Replace("|}", ""), References.None, "build_property.IsTestProject = true");
        await VerifyCS.VerifyAnalyzerAsync(source, References.None, "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            Expected(0, "a JWT"));
    }

    /// <summary>Provider credentials by their documented shape; every value here is fake ("FAKE", counting runs).</summary>
    public static TheoryData<string, string> ProviderKeys() => new()
    {
        { "sk_live_FAKE0123456789abcdefghijKLMN", "a Stripe live secret key" },
        { "rk_live_FAKE0123456789abcdefghijKLMN", "a Stripe live secret key" },
        { "whsec_FAKE0123456789abcdefghijklmnopqrstUV", "a Stripe webhook signing secret" },
        { "AKIAFAKE0123456789AB", "an AWS access key ID" },
        { "ASIAFAKE0123456789AB", "an AWS access key ID" },
        { "ghp_FAKE0123456789abcdefghijklmnopqrstuv", "a GitHub token" },
        { "token ghs_FAKE0123456789abcdefghijklmnopqrstuv", "a GitHub token" },
        { "github_pat_FAKE0123456789abcdefghij_klmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijk", "a GitHub token" },
        { "xoxb-1234567890-0987654321-FAKEabcdefghijklmnop", "a Slack token or webhook URL" },
        { "https://hooks.slack.com/services/TFAKE0123/BFAKE4567/FAKEabcdefghijklmnopqrstuvwx", "a Slack token or webhook URL" },
        { "AIzaFAKE0123456789abcdefghijklmnopqrstu", "a Google API key" },
        { "SG.FAKE0123456789abcdefgh.FAKE0123456789abcdefghijklmnopqrstuvwxyzABC", "a SendGrid API key" },
        { "DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=FAKE0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef+/FA==;EndpointSuffix=core.windows.net", "an Azure account key or shared access signature" },
        { "Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=FAKE0123456789abcdefghijklmnopqrstuvwxyzA+/=", "an Azure account key or shared access signature" },
        { "https://fake.blob.core.windows.net/c?sv=2022-11-02&ss=b&sp=r&sig=FAKE0123456789abcdefghijklmnopqrstuvwxyzABC%3D", "an Azure account key or shared access signature" },
    };

    [Theory]
    [MemberData(nameof(ProviderKeys))]
    public async Task Reports_ProviderKeys_ByTheirShape(string value, string what)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            public class Client
            {
                private readonly string _value = {|#0:"{{value}}"|};
                public string Value => _value;
            }
            """, References.None, null, Expected(0, what));
    }

    /// <summary>Placeholders, documentation examples, test-mode keys, the storage emulator's published key, wrong lengths, prefixes inside words.</summary>
    [Theory]
    [InlineData("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sk_test_FAKE0123456789abcdefghijKLMN")]
    [InlineData("sk_live_FAKE0123")]
    [InlineData("desk_live_FAKE0123456789abcdefghijKLMN")]
    [InlineData("whsec_short0123")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("AKIAFAKE0123456789ABC")]
    [InlineData("akiafake0123456789ab")]
    [InlineData("ghp_FAKE0123456789abcdefghijklmnopqrstu")]
    [InlineData("ghp_FAKE0123456789abcdefghijklmnopqrstuvw")]
    [InlineData("ghp_000000000000000000000000000000000000")]
    [InlineData("xoxb-your-token-here")]
    [InlineData("AIzaFAKE0123456789abcdefghijklmnopqrst")]
    [InlineData("SG.FAKE0123456789abcdefgh.short")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=fake;AccountKey={0};EndpointSuffix=core.windows.net")]
    [InlineData("https://fake.blob.core.windows.net/c?sv=2022-11-02&sig={signature}")]
    [InlineData("https://example.com/search?design=FAKE0123456789abcdefghijklmnopqrstuvwxyzABC")]
    public async Task NoDiagnostic_ProviderKeyLookAlikes(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            public class Client
            {
                private readonly string _value = "{{value}}";
                public string Value => _value;
            }
            """, References.None, null);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_ConfigurationInScope_ReplacesTheLiteral()
    {
        await VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.Extensions.Configuration;

            public class Client(IConfiguration configuration)
            {
                public string Header() => "Bearer " + [|"{{Jwt}}"|];
            }
            """, """
            using System;
            using Microsoft.Extensions.Configuration;

            public class Client(IConfiguration configuration)
            {
                public string Header() => "Bearer " + (configuration["Secrets:Client:Token"] ?? throw new InvalidOperationException("Secrets:Client:Token is not configured"));
            }
            """, References.AspNetCore);
    }

    /// <summary>A provider key moves to a setting named for the provider, under the holder's name.</summary>
    [Fact]
    public async Task Fix_ProviderKey_MovesToItsProvidersSetting()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.Extensions.Configuration;

            public class Payments(IConfiguration configuration)
            {
                public string Key() => [|"sk_live_FAKE0123456789abcdefghijKLMN"|];
                public string Hook() => [|"whsec_FAKE0123456789abcdefghijklmnopqrstUV"|];
            }
            """, """
            using System;
            using Microsoft.Extensions.Configuration;

            public class Payments(IConfiguration configuration)
            {
                public string Key() => configuration["Stripe:Payments:SecretKey"] ?? throw new InvalidOperationException("Stripe:Payments:SecretKey is not configured");
                public string Hook() => configuration["Stripe:Payments:WebhookSecret"] ?? throw new InvalidOperationException("Stripe:Payments:WebhookSecret is not configured");
            }
            """, References.AspNetCore);
    }

    [Fact]
    public async Task Fix_UnusedConstant_IsDeleted_AConstantInUseGetsNoFix()
    {
        var test = new VerifyCS.Test(References.AspNetCore | References.SafeAuthRuntime, null)
        {
            TestCode = $$"""
                public class Client
                {
                    // A token pasted here once.
                    private const string Leaked = [|"{{Jwt}}"|];

                    public const string Used = [|"{{Jwt}}"|];

                    public string Header() => "Bearer " + Used;
                }
                """,
            FixedCode = $$"""
                public class Client
                {
                    public const string Used = [|"{{Jwt}}"|];

                    public string Header() => "Bearer " + Used;
                }
                """,
        };
        // A constant in use must stay a constant: no fix; the finding stays.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_FixAll_SafeAuthEnvironmentLoaders()
    {
        await VerifyCS.VerifyCodeFixAsync($$"""
            public static class Secrets
            {
                public static readonly string Token = [|"{{Jwt}}"|];
                public static readonly string AzureSecret = [|"{{EntraSecret}}"|];
            }
            """, """
            using SafeAuth.Secrets;

            public static class Secrets
            {
                public static readonly string Token = SecretLoader.FromEnvironment("SECRET_TOKEN");
                public static readonly string AzureSecret = ClientSecretLoader.FromEnvironment("AZURE_AD_AZURE_SECRET");
            }
            """, References.AspNetCore | References.SafeAuthRuntime);
    }
}
