using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.HardCodedSigningKeyAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.HardCodedSigningKeyCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

public class HardCodedSigningKeyAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;

        """;

    private static DiagnosticResult Expected(int location, string member, string source) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(member, source);

    // ---------- positives: sinks ----------

    [Fact]
    public async Task Reports_SymmetricSecurityKey_FromStringLiteral_InAddJwtBearer()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Extensions.DependencyInjection;

            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
                    {
                        IssuerSigningKey = new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!")|}),
                    });
                }
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "a string literal"));
    }

    [Fact]
    public async Task Reports_SigningCredentials_OnKeyFromConstField_InOtherClass()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class JwtSettings
            {
                public const string Key = "changeme";
            }

            public class TokenIssuer
            {
                public SigningCredentials Credentials() =>
                    new SigningCredentials(new SymmetricSecurityKey({|#0:Encoding.ASCII.GetBytes(JwtSettings.Key)|}), SecurityAlgorithms.HmacSha256);
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "the constant 'JwtSettings.Key'"));
    }

    [Fact]
    public async Task Reports_StaticReadonlyFields_AcrossFiles()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + """
                    public class Issuer
                    {
                        private static readonly SymmetricSecurityKey Key = new({|#0:Keys.Signing|});
                        public SymmetricSecurityKey Other() => new SymmetricSecurityKey({|#1:Keys.FromText|});
                    }
                    """,
                    """
                    using System.Text;
                    public static class Keys
                    {
                        private const string Secret = "Zx8#kLm2$Qp9@Vb4!Wn7^Rt5&Yh3*Jd6";
                        public static readonly byte[] Signing = Encoding.UTF8.GetBytes(Secret);
                        public static readonly byte[] FromText = Encoding.UTF8.GetBytes(Text);
                        private static readonly string Text = "another-hard-coded-signing-key-0001";
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Expected(0, "new SymmetricSecurityKey", "the constant 'Keys.Secret'"));
        test.ExpectedDiagnostics.Add(Expected(1, "new SymmetricSecurityKey", "the field 'Keys.Text'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_HmacConstructors_Utf8AndByteArrayLiterals()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Webhooks
            {
                public byte[] Sign256(byte[] body) => new HMACSHA256({|#0:"webhook-signing-key-v1"u8.ToArray()|}).ComputeHash(body);
                public byte[] Sign512(byte[] body) => new HMACSHA512({|#1:new byte[] { 0x01, 0x7F, 0x33, 0xA0, 0x5C }|}).ComputeHash(body);
                public byte[] Sign384(byte[] body) => HMACSHA384.HashData({|#2:"static-key"u8|}, body);
            }
            """,
            Expected(0, "new HMACSHA256", "a UTF-8 string literal"),
            Expected(1, "new HMACSHA512", "a byte array literal"),
            Expected(2, "HMACSHA384.HashData", "a UTF-8 string literal"));
    }

    [Fact]
    public async Task Reports_HmacKeyAssignment_FromBase64Literal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Signer
            {
                public byte[] Sign(byte[] data)
                {
                    using var hmac = new HMACSHA256();
                    hmac.Key = {|#0:Convert.FromBase64String("c2VjcmV0LWtleS1mb3ItaG1hYy1zaWduYXR1cmVzIQ==")|};
                    return hmac.ComputeHash(data);
                }
            }
            """,
            Expected(0, "HMACSHA256.Key", "a string literal"));
    }

    [Fact]
    public async Task Reports_ThroughLocals_InterpolationAndConcatenation()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private const string Prefix = "acme";
                private static readonly string Suffix = "2024";

                public SecurityKey Create()
                {
                    var secret = $"{Prefix}-signing-key-{Suffix}";
                    var bytes = Encoding.UTF8.GetBytes(secret);
                    return new SymmetricSecurityKey({|#0:bytes|});
                }

                public SecurityKey Concat() => new SymmetricSecurityKey({|#1:Encoding.UTF8.GetBytes(Prefix + "-key-" + Suffix)|});
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "the constant 'Issuer.Prefix'"),
            Expected(1, "new SymmetricSecurityKey", "the field 'Issuer.Suffix'"));
    }

    [Fact]
    public async Task Reports_GetValueDefault_NotAGetValueWithoutOneOrWithAPlaceholder()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public SecurityKey WithDefault(IConfiguration configuration) =>
                    new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes(configuration.GetValue<string>("Jwt:Key", "fallback-signing-key-0123456789")!)|});

                public SecurityKey Inferred(IConfiguration configuration) =>
                    new SymmetricSecurityKey({|#1:Encoding.UTF8.GetBytes(configuration.GetValue("Jwt:Key", "fallback-signing-key-0123456789")!)|});

                public SecurityKey WithoutDefault(IConfiguration configuration) =>
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration.GetValue<string>("Jwt:Key")!));

                public SecurityKey EmptyDefault(IConfiguration configuration) =>
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration.GetValue("Jwt:Key", "")!));

                public SecurityKey OtherGetValue(System.Collections.Generic.Dictionary<string, string> values) =>
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes(values.GetValueOrDefault("Jwt:Key", "fallback-signing-key-0123456789")));
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "a string literal"),
            Expected(1, "new SymmetricSecurityKey", "a string literal"));
    }

    [Fact]
    public async Task Reports_ConfigurationFallbackLiteral_AndGetOnlyProperty()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private static string DefaultKey { get; } = "dev-key-that-ships-to-production";

                public SecurityKey FromConfig(IConfiguration configuration) =>
                    new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes(configuration["Jwt:Key"] ?? "fallback-signing-key-0123456789")|});

                public SecurityKey FromProperty() => new SymmetricSecurityKey({|#1:Encoding.UTF8.GetBytes(DefaultKey)|});
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "a string literal"),
            Expected(1, "new SymmetricSecurityKey", "the property 'Issuer.DefaultKey'"));
    }

    [Fact]
    public async Task Reports_JwtNet_WithSecret_EncoderAndDecoderKeys()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT;
            using JWT.Algorithms;
            using JWT.Builder;
            using JWT.Serializers;

            public class Tokens
            {
                public string Issue() => new JwtBuilder()
                    .WithAlgorithm(new HMACSHA256Algorithm())
                    .WithSecret({|#0:"jwtnet-secret"|})
                    .AddClaim("sub", "1")
                    .Encode();

                public string Encode(IJwtEncoder encoder) => encoder.Encode(new { sub = "1" }, {|#1:"encoder-key"|});

                public string Decode(IJwtDecoder decoder, string token) => decoder.Decode(token, {|#2:Encoding.UTF8.GetBytes("decoder-key")|}, verify: true);
            }
            """,
            Expected(0, "JwtBuilder.WithSecret", "a string literal"),
            Expected(1, "IJwtEncoder.Encode", "a string literal"),
            Expected(2, "IJwtDecoder.Decode", "a string literal"));
    }

    [Fact]
    public async Task Reports_Jose_EncodeAndDecodeKeys()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Tokens
            {
                private static readonly byte[] Key = Encoding.UTF8.GetBytes("jose-signing-key-for-hs256-tokens!");

                public string Issue(object payload) => Jose.JWT.Encode(payload, {|#0:Key|}, Jose.JwsAlgorithm.HS256);
                public string Read(string token) => Jose.JWT.Decode(token, {|#1:Key|});
            }
            """,
            Expected(0, "JWT.Encode", "the field 'Tokens.Key'"),
            Expected(1, "JWT.Decode", "the field 'Tokens.Key'"));
    }

    [Theory]
    [InlineData("changeme")]
    [InlineData("secret")]
    [InlineData("password")]
    [InlineData("your-256-bit-secret")]
    public async Task Reports_WeakWords_AreNotPlaceholders(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            public class C
            {
                public SecurityKey K() => new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes("{{value}}")|});
            }
            """,
            Expected(0, "new SymmetricSecurityKey", "a string literal"));
    }

    // ---------- negatives ----------

    [Fact]
    public async Task NoDiagnostic_ConfigurationEnvironmentParameterAndRandomKeys()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Keys
            {
                private readonly string _fromCtor = "";
                private readonly IConfiguration _configuration;

                public Keys(IConfiguration configuration, string key)
                {
                    _configuration = configuration;
                    _fromCtor = key;
                }

                public SecurityKey FromConfig() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_configuration["Jwt:Key"]!));
                public SecurityKey FromSection() => new SymmetricSecurityKey(Convert.FromBase64String(_configuration.GetSection("Jwt")["Key"]!));
                public SecurityKey FromEnvironment() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("JWT_KEY")!));
                public SecurityKey FromParameter(byte[] key) => new SymmetricSecurityKey(key);
                public SecurityKey FromField() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_fromCtor));
                public SecurityKey Random() => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

                public HMAC Filled()
                {
                    var key = new byte[64];
                    RandomNumberGenerator.Fill(key);
                    return new HMACSHA512(key);
                }
            }
            """);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<your-signing-key>")]
    [InlineData("{signing-key}")]
    [InlineData("${JWT_SIGNING_KEY}")]
    [InlineData("YOUR_SIGNING_KEY")]
    public async Task NoDiagnostic_EmptyAndPlaceholders(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            public class C
            {
                public SecurityKey K() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes("{{value}}"));
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_SettablePropertyAndReassignedLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class JwtOptions
            {
                public string Key { get; set; } = "bound-from-configuration-at-startup";
            }

            public class C
            {
                public SecurityKey FromOptions(JwtOptions options) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Key));

                public SecurityKey Reassigned(IConfiguration configuration)
                {
                    var key = "placeholder-for-local-runs";
                    key = configuration["Jwt:Key"]!;
                    return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_LookAlikeTypesOfOtherLibraries()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace MyCrypto
            {
                public class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } }
                public class JwtBuilder { public JwtBuilder WithSecret(string secret) => this; }

                public class C
                {
                    public object K() => new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("not-a-signing-key"));
                    public object B() => new JwtBuilder().WithSecret("not-a-jwt-library");
                }
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_TestProjectByDefault_ReportsWhenOptedIn()
    {
        const string source = Usings + """
            public class C
            {
                public SecurityKey K() => new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes("test-signing-key-0123456789-abcdef")|});
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", "").Replace("|}", ""), References.Server, "build_property.IsTestProject = true");
        await VerifyCS.VerifyAnalyzerAsync(source, References.Server, "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            Expected(0, "new SymmetricSecurityKey", "a string literal"));
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_ConfigurationInScope_KeepsTheEncoding()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer(IConfiguration configuration)
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!")|]);
            }
            """, Usings + """
            public class Issuer(IConfiguration configuration)
            {
                public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Issuer:SigningKey"] ?? throw new InvalidOperationException("Jwt:Issuer:SigningKey is not configured")));
            }
            """, References.Server);
    }

    /// <summary>
    /// A hard-coded fallback of a setting the code already reads: the fix keeps that setting (a new name would stop
    /// reading the one the app is deployed with), drops the fallback and its constant, and Fix All does each read.
    /// </summary>
    [Fact]
    public async Task Fix_ConfigurationFallback_KeepsTheSettingAndDropsTheFallback()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer(IConfiguration configuration)
            {
                private const string DefaultKey = "default-signing-key-0123456789-0123";

                public SecurityKey Indexer() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(configuration["Jwt:Key"] ?? "fallback-signing-key-0123456789")|]);
                public SecurityKey GetValue() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(configuration.GetValue("Jwt:RefreshKey", "refresh-fallback-key-0123456789")!)|]);
                public SecurityKey Constant() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(configuration["Jwt:PartnerKey"] ?? DefaultKey)|]);
                public SecurityKey Environment() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(System.Environment.GetEnvironmentVariable("WEBHOOK_KEY") ?? "webhook-fallback-key-0123456789")|]);
            }
            """, Usings + """
            public class Issuer(IConfiguration configuration)
            {
                public SecurityKey Indexer() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not configured")));
                public SecurityKey GetValue() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration.GetValue<string>("Jwt:RefreshKey") ?? throw new InvalidOperationException("Jwt:RefreshKey is not configured")));
                public SecurityKey Constant() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:PartnerKey"] ?? throw new InvalidOperationException("Jwt:PartnerKey is not configured")));
                public SecurityKey Environment() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(System.Environment.GetEnvironmentVariable("WEBHOOK_KEY") ?? throw new InvalidOperationException("WEBHOOK_KEY is not configured")));
            }
            """, References.Server);
    }

    [Fact]
    public async Task Fix_ConfigurationInScope_ByteArrayBecomesBase64Setting()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Signer
            {
                public byte[] Sign(IConfiguration configuration, byte[] body) => new HMACSHA256([|new byte[] { 1, 2, 3, 4 }|]).ComputeHash(body);
            }
            """, Usings + """
            public class Signer
            {
                public byte[] Sign(IConfiguration configuration, byte[] body) => new HMACSHA256(Convert.FromBase64String(configuration["Jwt:Signer:SigningKey"] ?? throw new InvalidOperationException("Jwt:Signer:SigningKey is not configured"))).ComputeHash(body);
            }
            """, References.Server);
    }

    [Fact]
    public async Task Fix_BuilderConfiguration_WithSafeAuthLoader()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Startup
            {
                public static void AddAuth(WebApplicationBuilder builder)
                {
                    builder.Services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
                    {
                        IssuerSigningKey = new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!")|]),
                    });
                }
            }
            """, Usings + """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using SafeAuth.Secrets;

            public static class Startup
            {
                public static void AddAuth(WebApplicationBuilder builder)
                {
                    builder.Services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
                    {
                        IssuerSigningKey = SigningKeyLoader.FromConfiguration(builder.Configuration, "Jwt:AddAuth:SigningKey", "HS256"),
                    });
                }
            }
            """, References.Server | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Fix_NoConfiguration_SafeAuthEnvironmentLoader_WithAlgorithm()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public static class Webhooks
            {
                private static readonly HMACSHA512 Mac = new([|"webhook-signing-key-v1"u8.ToArray()|]);
            }
            """, Usings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Secrets;\n") + """
            public static class Webhooks
            {
                private static readonly HMACSHA512 Mac = new(SigningKeyLoader.FromEnvironment("JWT_WEBHOOKS_SIGNING_KEY", "HS512").Key);
            }
            """, References.Server | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Fix_ThroughLocal_ReplacesTheLocalsValue()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                public SecurityKey Key(IConfiguration configuration)
                {
                    var keyBytes = Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!");
                    return new SymmetricSecurityKey([|keyBytes|]);
                }
            }
            """, Usings + """
            public class Issuer
            {
                public SecurityKey Key(IConfiguration configuration)
                {
                    var keyBytes = Encoding.UTF8.GetBytes(configuration["Jwt:Issuer:SigningKey"] ?? throw new InvalidOperationException("Jwt:Issuer:SigningKey is not configured"));
                    return new SymmetricSecurityKey(keyBytes);
                }
            }
            """, References.Server);
    }

    [Fact]
    public async Task Fix_ThroughLocal_WithSafeAuth_KeepsTheLocalsBytes()
    {
        // The loader returns a checked key; where bytes are needed its .Key stands in.
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                public SecurityKey Key(IConfiguration configuration)
                {
                    var keyBytes = Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!");
                    return new SymmetricSecurityKey([|keyBytes|]);
                }
            }
            """, Usings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Secrets;\n") + """
            public class Issuer
            {
                public SecurityKey Key(IConfiguration configuration)
                {
                    var keyBytes = SigningKeyLoader.FromConfiguration(configuration, "Jwt:Issuer:SigningKey", "HS256").Key;
                    return new SymmetricSecurityKey(keyBytes);
                }
            }
            """, References.Server | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Fix_NotOffered_WithoutConfigurationOrSafeAuth()
    {
        const string source = Usings + """
            public static class Keys
            {
                public static SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("k3y-used-to-sign-every-token-in-prod!")|]);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, References.Server);
    }

    [Fact]
    public async Task Fix_FixAll_TwoKeysInOneDocument()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Keys(IConfiguration configuration)
            {
                public SecurityKey Signing() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("first-hard-coded-key-0123456789abc")|]);
                public byte[] Mac(byte[] body) => HMACSHA256.HashData([|Convert.FromBase64String("c2Vjb25kLWtleQ==")|], body);
            }
            """, Usings + """
            public class Keys(IConfiguration configuration)
            {
                public SecurityKey Signing() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Signing:SigningKey"] ?? throw new InvalidOperationException("Jwt:Signing:SigningKey is not configured")));
                public byte[] Mac(byte[] body) => HMACSHA256.HashData(Convert.FromBase64String(configuration["Jwt:Mac:SigningKey"] ?? throw new InvalidOperationException("Jwt:Mac:SigningKey is not configured")), body);
            }
            """, References.Server);
    }

    [Fact]
    public async Task Fix_FixAll_DistinctSecretsGetDistinctSettings_AndTheirDeclarationsGo()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class TokenService(IConfiguration configuration)
            {
                private const string AccessSigningKey = "access-key-0123456789-0123456789-0123";
                private static readonly byte[] RefreshKey = Encoding.UTF8.GetBytes("refresh-key-0123456789-0123456789-01");

                public SecurityKey Access() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(AccessSigningKey)|]);
                public SecurityKey Refresh() => new SymmetricSecurityKey([|RefreshKey|]);
            }

            public class PartnerWebhookVerifier(IConfiguration configuration)
            {
                public byte[] Sign(byte[] body) => new HMACSHA256([|Encoding.UTF8.GetBytes("partner-webhook-secret-0123456789-01")|]).ComputeHash(body);
                public byte[] Legacy(byte[] body) => new HMACSHA256([|Encoding.UTF8.GetBytes("legacy-webhook-secret-0123456789-012")|]).ComputeHash(body);
            }
            """, Usings + """
            public class TokenService(IConfiguration configuration)
            {
                public SecurityKey Access() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:AccessSigningKey"] ?? throw new InvalidOperationException("Jwt:AccessSigningKey is not configured")));
                public SecurityKey Refresh() => new SymmetricSecurityKey(Convert.FromBase64String(configuration["Jwt:RefreshKey"] ?? throw new InvalidOperationException("Jwt:RefreshKey is not configured")));
            }

            public class PartnerWebhookVerifier(IConfiguration configuration)
            {
                public byte[] Sign(byte[] body) => new HMACSHA256(Encoding.UTF8.GetBytes(configuration["Jwt:PartnerWebhookVerifier:SigningKey"] ?? throw new InvalidOperationException("Jwt:PartnerWebhookVerifier:SigningKey is not configured"))).ComputeHash(body);
                public byte[] Legacy(byte[] body) => new HMACSHA256(Encoding.UTF8.GetBytes(configuration["Jwt:PartnerWebhookVerifier:SigningKey2"] ?? throw new InvalidOperationException("Jwt:PartnerWebhookVerifier:SigningKey2 is not configured"))).ComputeHash(body);
            }
            """, References.Server);
    }

    [Fact]
    public async Task Fix_KeepsTheDeclaration_WhenSomethingElseReadsIt()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class TokenService(IConfiguration configuration)
            {
                private const string SharedKey = "shared-key-0123456789-0123456789-0123";

                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(SharedKey)|]);
                public int Length() => SharedKey.Length;
            }
            """, Usings + """
            public class TokenService(IConfiguration configuration)
            {
                private const string SharedKey = "shared-key-0123456789-0123456789-0123";

                public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:SharedKey"] ?? throw new InvalidOperationException("Jwt:SharedKey is not configured")));
                public int Length() => SharedKey.Length;
            }
            """, References.Server);
    }
}
