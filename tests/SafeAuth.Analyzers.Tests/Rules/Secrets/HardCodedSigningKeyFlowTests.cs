using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.HardCodedSigningKeyAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.HardCodedSigningKeyCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// AUTH301 through the project's own code: a key helper called with a literal (one level, at the call site), keys that
/// are elements of a hard-coded collection, and the default of a settable property of an options class bound from
/// configuration; each next to the look-alike that stays silent.
/// </summary>
public class HardCodedSigningKeyFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Microsoft.IdentityModel.Tokens;

        """;

    private static DiagnosticResult Expected(int location, string member, string source) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(member, source);

    // ---------- one level through the project's helpers ----------

    [Fact]
    public async Task Reports_LiteralHandedToTheProjectsKeyHelper_AtTheCallSite()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Keys
            {
                public static SymmetricSecurityKey CreateSecurityKey(string secret) => new(Encoding.UTF8.GetBytes(secret));

                public static SymmetricSecurityKey FromBase64(string name, string encoded)
                {
                    var bytes = Convert.FromBase64String(encoded);
                    Console.WriteLine(name);
                    return new SymmetricSecurityKey(bytes);
                }
            }

            public static class Setup
            {
                private const string SigningKey = "a-constant-signing-key-handed-to-the-helper";

                public static TokenValidationParameters Literal() => new()
                {
                    IssuerSigningKey = Keys.CreateSecurityKey({|#0:"a-literal-signing-key-handed-to-the-helper-12345"|}),
                };

                public static SecurityKey Constant() => Keys.FromBase64("main", {|#1:SigningKey|});

                public static SecurityKey NamedOnly() => Keys.FromBase64("main-key-name-is-no-secret", Environment.GetEnvironmentVariable("JWT_KEY")!);

                public static SecurityKey Configured(IConfiguration configuration) => Keys.CreateSecurityKey(configuration["Jwt:Key"]!);
            }
            """,
            Expected(0, "Keys.CreateSecurityKey", "a string literal"),
            Expected(1, "Keys.FromBase64", "the constant 'Setup.SigningKey'"));
    }

    [Fact]
    public async Task Reports_ConstructorAndSingleInterfaceImplementation_NotTwoImplementations()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public interface IKeyFactory { SecurityKey Create(string secret); }

            public sealed class KeyFactory : IKeyFactory
            {
                public SecurityKey Create(string secret) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
            }

            public interface ISigner { SecurityKey Key(string material); }
            public sealed class HmacSigner : ISigner { public SecurityKey Key(string material) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(material)); }
            public sealed class NullSigner : ISigner { public SecurityKey Key(string material) => throw new NotSupportedException(material); }

            public sealed class TokenSigner
            {
                private readonly SecurityKey _key;
                public TokenSigner(string secret) => _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
                public SecurityKey Key => _key;
            }

            public static class Setup
            {
                public static SecurityKey ThroughInterface(IKeyFactory factory) => factory.Create({|#0:"interface-helper-signing-key-0123456789"|});

                public static TokenSigner ThroughConstructor() => new TokenSigner({|#1:"constructor-helper-signing-key-0123456789"|});

                public static SecurityKey TwoImplementations(ISigner signer) => signer.Key("which-implementation-runs-is-unknown-here");
            }
            """,
            Expected(0, "IKeyFactory.Create", "a string literal"),
            Expected(1, "new TokenSigner", "a string literal"));
    }

    [Fact]
    public async Task NoDiagnostic_HelperThatDoesNotMakeAKeyFromItsParameter()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Keys
            {
                private static readonly IConfiguration Configuration = new ConfigurationBuilder().Build();

                public static SymmetricSecurityKey Named(string settingName) => new(Encoding.UTF8.GetBytes(Configuration[settingName]!));

                public static SymmetricSecurityKey Generated(string label)
                {
                    Console.WriteLine(label);
                    return new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                }
            }

            public static class Setup
            {
                public static SecurityKey A() => Keys.Named("Jwt:SigningKey");

                public static SecurityKey B() => Keys.Generated("a-label-that-only-reaches-a-log-line");
            }
            """);
    }

    [Fact]
    public async Task Fix_HelperCallSite_ReadsConfigurationInScope()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public static class Keys
            {
                public static SymmetricSecurityKey CreateSecurityKey(string secret) => new(Encoding.UTF8.GetBytes(secret));
            }

            public static class Setup
            {
                public static SecurityKey Key(IConfiguration configuration) => Keys.CreateSecurityKey([|"a-literal-signing-key-handed-to-the-helper-12345"|]);
            }
            """, Usings + """
            public static class Keys
            {
                public static SymmetricSecurityKey CreateSecurityKey(string secret) => new(Encoding.UTF8.GetBytes(secret));
            }

            public static class Setup
            {
                public static SecurityKey Key(IConfiguration configuration) => Keys.CreateSecurityKey(configuration["Jwt:Setup:SigningKey"] ?? throw new InvalidOperationException("Jwt:Setup:SigningKey is not configured"));
            }
            """, References.Server);
    }

    // ---------- elements of a hard-coded collection ----------

    [Fact]
    public async Task Reports_KeysFromAStaticArray_ThroughSelectAndForeach_WithoutAFix()
    {
        const string source = Usings + """
            public static class Keys
            {
                public static readonly string[] AllKeys = { "c2VjcmV0LWtleS1udW1iZXItb25lLWZvci10aGUtYXBp", "c2Vjb25kLXNlY3JldC1rZXktZm9yLXRoZS1hcGktdjI=" };
            }

            public static class Setup
            {
                public static TokenValidationParameters Many() => new()
                {
                    IssuerSigningKeys = Keys.AllKeys.Select(k => new SymmetricSecurityKey({|#0:Convert.FromBase64String(k)|})),
                };

                public static List<SecurityKey> Loop()
                {
                    var keys = new List<SecurityKey>();
                    foreach (var text in new[] { "first-hard-coded-signing-key-0123456789", "second-hard-coded-signing-key-012345678" })
                    {
                        keys.Add(new SymmetricSecurityKey({|#1:Encoding.UTF8.GetBytes(text)|}));
                    }

                    return keys;
                }

                public static IEnumerable<SecurityKey> Configured(IConfiguration configuration) =>
                    new[] { configuration["Jwt:Key"]!, "second-hard-coded-signing-key-012345678" }.Select(k => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k)));

                public static IEnumerable<SecurityKey> Names(IConfiguration configuration) =>
                    new[] { "Jwt:Current", "Jwt:Previous" }.Select(name => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration[name]!)));
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source,
            Expected(0, "new SymmetricSecurityKey", "the field 'Keys.AllKeys'"),
            Expected(1, "new SymmetricSecurityKey", "an array literal"));

        // Moving one element's value would give every key the same setting: no fix.
        var test = new VerifyCS.Test(References.Server, null) { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Expected(0, "new SymmetricSecurityKey", "the field 'Keys.AllKeys'"));
        test.ExpectedDiagnostics.Add(Expected(1, "new SymmetricSecurityKey", "an array literal"));
        await test.RunAsync(CancellationToken.None);
    }

    // ---------- the default of a bound options property ----------

    private const string OptionsClass = """
        public sealed class JwtOptions
        {
            public string Issuer { get; set; } = "https://issuer.example.com";
            public string Key { get; set; } = "my-super-secret-signing-key-that-is-long-enough-1234";
        }

        public sealed class TokenService(IOptions<JwtOptions> options)
        {
            public SecurityKey Key() => new SymmetricSecurityKey({|#0:Encoding.UTF8.GetBytes(options.Value.Key)|});
        }

        """;

    private const string DefaultDescription =
        "the default of 'JwtOptions.Key' (an options class bound from configuration uses it whenever the setting is missing)";

    [Theory]
    [InlineData("services.Configure<JwtOptions>(configuration.GetSection(\"Jwt\"));")]
    [InlineData("services.AddOptions<JwtOptions>().Bind(configuration.GetSection(\"Jwt\"));")]
    [InlineData("services.AddOptions<JwtOptions>().BindConfiguration(\"Jwt\");")]
    [InlineData("services.AddSingleton(configuration.GetSection(\"Jwt\").Get<JwtOptions>()!);")]
    [InlineData("var jwt = new JwtOptions(); configuration.GetSection(\"Jwt\").Bind(jwt); services.AddSingleton(jwt);")]
    public async Task Reports_DefaultOfABoundOptionsProperty_WithoutAFix(string binding)
    {
        var source = Usings + OptionsClass + $$"""
            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    {{binding}}
                }
            }
            """;
        var test = new VerifyCS.Test(References.Server, null) { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Expected(0, "new SymmetricSecurityKey", DefaultDescription));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_OptionsClassNotBound_OrConfiguredInCode()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + OptionsClass.Replace("{|#0:", "").Replace("|}", "") + """
            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.Configure<JwtOptions>(o => o.Key = configuration["Jwt:Key"]!);
                    services.AddOptions<JwtOptions>();
                }
            }
            """);
    }
}
