using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyKey = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.HardCodedSigningKeyAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.HardCodedSigningKeyCodeFixProvider>;
using VerifySecret = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.HardCodedClientSecretAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.HardCodedClientSecretCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

/// <summary>
/// The secret fixes where no configuration is in scope: an <c>IConfiguration</c> is injected into a class that only
/// dependency injection creates, in a project whose host registers it; everywhere else the fix does not inject.
/// </summary>
public class SecretFixInjectionTests
{
    private const string Usings = """
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;

        """;

    private const string Program = """
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();
        """;

    private static VerifyKey.Test KeyTest(string source, string? fixedSource, References references = References.Server, string program = Program)
    {
        var test = new VerifyKey.Test(references, null);
        var kind = program == Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        test.TestState.OutputKind = kind;
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/Service.cs", source));
        test.FixedState.OutputKind = kind;
        test.FixedState.Sources.Add(("/Program.cs", program));
        test.FixedState.Sources.Add(("/Service.cs", fixedSource ?? source));
        return test;
    }

    [Fact]
    public async Task Fix_ClassWithoutConstructor_GetsAConfigurationFieldAndConstructor_FixAllSharesIt()
    {
        var test = KeyTest(Usings + """
            public class TokenIssuer
            {
                public SecurityKey Access() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
                public byte[] Mac(byte[] body) => HMACSHA256.HashData([|Encoding.UTF8.GetBytes("webhook-key-0123456789-0123456789-01")|], body);
            }
            """, Usings + """
            public class TokenIssuer
            {
                private readonly IConfiguration _configuration;

                public TokenIssuer(IConfiguration configuration)
                {
                    _configuration = configuration;
                }

                public SecurityKey Access() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_configuration["Jwt:TokenIssuer:SigningKey"] ?? throw new InvalidOperationException("Jwt:TokenIssuer:SigningKey is not configured")));
                public byte[] Mac(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(_configuration["Jwt:TokenIssuer:SigningKey2"] ?? throw new InvalidOperationException("Jwt:TokenIssuer:SigningKey2 is not configured")), body);
            }
            """);
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_ExistingConstructor_GetsTheParameterBeforeOptionalOnes_AndTheSecretConstGoes()
    {
        await KeyTest(Usings + """
            using Microsoft.Extensions.Logging;

            public class TokenIssuer
            {
                private const string SigningKey = "access-key-0123456789-0123456789-0123";
                private readonly ILogger<TokenIssuer> _logger;

                public TokenIssuer(ILogger<TokenIssuer> logger, int retries = 3) => _logger = logger;

                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes(SigningKey)|]);
            }
            """, Usings + """
            using Microsoft.Extensions.Logging;
            using SafeAuth.Secrets;

            public class TokenIssuer
            {
                private readonly IConfiguration _configuration;
                private readonly ILogger<TokenIssuer> _logger;

                public TokenIssuer(ILogger<TokenIssuer> logger, IConfiguration configuration, int retries = 3)
                {
                    _configuration = configuration;
                    _logger = logger;
                }

                public SecurityKey Key() => SigningKeyLoader.FromConfiguration(_configuration, "Jwt:TokenIssuer:SigningKey", "HS256");
            }
            """, References.Server | References.SafeAuthRuntime).RunAsync();
    }

    [Fact]
    public async Task Fix_PrimaryConstructor_FieldInitializerReadsTheNewParameter()
    {
        await KeyTest(Usings + """
            using Microsoft.Extensions.Logging;

            public class Webhooks(ILogger<Webhooks> logger)
            {
                private readonly HMACSHA256 _mac = new([|Encoding.UTF8.GetBytes("webhook-key-0123456789-0123456789-01")|]);

                public byte[] Sign(byte[] body)
                {
                    logger.LogInformation("signing");
                    return _mac.ComputeHash(body);
                }
            }
            """, Usings + """
            using Microsoft.Extensions.Logging;

            public class Webhooks(ILogger<Webhooks> logger, IConfiguration configuration)
            {
                private readonly HMACSHA256 _mac = new(Encoding.UTF8.GetBytes(configuration["Jwt:Webhooks:SigningKey"] ?? throw new InvalidOperationException("Jwt:Webhooks:SigningKey is not configured")));

                public byte[] Sign(byte[] body)
                {
                    logger.LogInformation("signing");
                    return _mac.ComputeHash(body);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Fix_ClientSecretInAController_ReadsInjectedConfiguration()
    {
        var test = new VerifySecret.Test(References.Server | References.Msal, null);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", Program));
        test.TestState.Sources.Add(("/GraphController.cs", """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Identity.Client;

            public class GraphController : ControllerBase
            {
                public IConfidentialClientApplication Client() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret([|"abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c"|]).Build();
            }
            """));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", Program));
        test.FixedState.Sources.Add(("/GraphController.cs", """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Identity.Client;

            public class GraphController : ControllerBase
            {
                private readonly IConfiguration _configuration;

                public GraphController(IConfiguration configuration)
                {
                    _configuration = configuration;
                }

                public IConfidentialClientApplication Client() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(_configuration["Authentication:GraphController:ClientSecret"] ?? throw new InvalidOperationException("Authentication:GraphController:ClientSecret is not configured")).Build();
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoInjection_WhenSomethingConstructsTheClassWithNew()
    {
        // A new parameter would break `new TokenIssuer()`; without SafeAuth there is no environment loader: no fix.
        const string source = Usings + """
            public class TokenIssuer
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }

            public static class Factory
            {
                public static TokenIssuer Create() => new TokenIssuer();
            }
            """;
        await KeyTest(source, null).RunAsync();
    }

    [Fact]
    public async Task NoInjection_WhenAClassDerivesFromIt_UsesTheEnvironment()
    {
        await KeyTest(Usings + """
            public class TokenIssuer
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }

            public class AuditedTokenIssuer : TokenIssuer
            {
            }
            """, Usings + """
            using SafeAuth.Secrets;
            public class TokenIssuer
            {
                public SecurityKey Key() => SigningKeyLoader.FromEnvironment("JWT_TOKEN_ISSUER_SIGNING_KEY", "HS256");
            }

            public class AuditedTokenIssuer : TokenIssuer
            {
            }
            """, References.Server | References.SafeAuthRuntime).RunAsync();
    }

    [Fact]
    public async Task NoInjection_InALibraryWithoutAHost()
    {
        // Nothing shows that the container has an IConfiguration: a class library gets no constructor parameter.
        const string source = Usings + """
            public class TokenIssuer
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }
            """;
        await KeyTest(source, null, program: "public static class Entry { }").RunAsync();
    }

    [Fact]
    public async Task NoInjection_InAFieldInitializerWithoutAPrimaryConstructor()
    {
        // Field initializers cannot read the injected field.
        const string source = Usings + """
            public class Webhooks
            {
                private readonly HMACSHA256 _mac = new([|Encoding.UTF8.GetBytes("webhook-key-0123456789-0123456789-01")|]);

                public byte[] Sign(byte[] body) => _mac.ComputeHash(body);
            }
            """;
        await KeyTest(source, null).RunAsync();
    }

    [Fact]
    public async Task Fix_RazorComponent_GetsAnInjectProperty()
    {
        await KeyTest(Usings + """
            using Microsoft.AspNetCore.Components;

            public class TokenPanel : ComponentBase
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }
            """, Usings + """
            using Microsoft.AspNetCore.Components;

            public class TokenPanel : ComponentBase
            {
                [Inject]
                public IConfiguration Configuration { get; set; } = default!;

                public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Configuration["Jwt:TokenPanel:SigningKey"] ?? throw new InvalidOperationException("Jwt:TokenPanel:SigningKey is not configured")));
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Fix_NewParameterGoesBeforeTheFirstOptionalOne()
    {
        await KeyTest(Usings + """
            public class TokenIssuer
            {
                private readonly int _retries;

                public TokenIssuer(int retries = 3, bool verbose = false) => _retries = verbose ? retries : 0;

                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }
            """, Usings + """
            public class TokenIssuer
            {
                private readonly IConfiguration _configuration;
                private readonly int _retries;

                public TokenIssuer(IConfiguration configuration, int retries = 3, bool verbose = false)
                {
                    _configuration = configuration;
                    _retries = verbose ? retries : 0;
                }

                public SecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_configuration["Jwt:TokenIssuer:SigningKey"] ?? throw new InvalidOperationException("Jwt:TokenIssuer:SigningKey is not configured")));
            }
            """).RunAsync();
    }

    /// <summary>Classes where a constructor parameter is not safe to add: the fix loads from the environment instead.</summary>
    [Theory]
    [InlineData("public static SecurityKey Key() => KEY;", "a static member: no instance to hold the configuration")]
    [InlineData("public TokenIssuer() { } public TokenIssuer(int size) { } public SecurityKey Key() => KEY;", "two constructors: which one DI picks is not the fix's choice")]
    [InlineData("public TokenIssuer() : this(1) { } private TokenIssuer(int size) { } public SecurityKey Key() => KEY;", "a chained constructor")]
    [InlineData("public TokenIssuer() : base() { } public SecurityKey Key() => KEY;", "a constructor with an initializer")]
    [InlineData("public TokenIssuer() { var configuration = 1; _ = configuration; } public SecurityKey Key() => KEY;", "the parameter name is taken in the constructor")]
    [InlineData("private readonly object configuration; public TokenIssuer() { configuration = new object(); } public SecurityKey Key() => KEY;", "a parameter named so would shadow the field the constructor assigns")]
    [InlineData("public extern TokenIssuer(); public SecurityKey Key() => KEY;", "a constructor without a body")]
    public async Task NoInjection_WhereAParameterCannotBeAddedSafely(string members, string why)
    {
        Assert.NotEmpty(why);
        const string key = "[|Encoding.UTF8.GetBytes(\"access-key-0123456789-0123456789-0123\")|]";
        var source = Usings + "public class TokenIssuer\n{\n    " + members.Replace("KEY", "new SymmetricSecurityKey(" + key + ")") + "\n}\n";
        var fixedSource = Usings + "using SafeAuth.Secrets;\npublic class TokenIssuer\n{\n    "
            + members.Replace("KEY", "SigningKeyLoader.FromEnvironment(\"JWT_TOKEN_ISSUER_SIGNING_KEY\", \"HS256\")") + "\n}\n";
        var test = KeyTest(source, fixedSource, References.Server | References.SafeAuthRuntime);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        await test.RunAsync();
    }

    [Fact]
    public async Task NoInjection_InAnAbstractClass()
    {
        await KeyTest(Usings + """
            public abstract class TokenIssuer
            {
                public SecurityKey Key() => new SymmetricSecurityKey([|Encoding.UTF8.GetBytes("access-key-0123456789-0123456789-0123")|]);
            }
            """, Usings + """
            using SafeAuth.Secrets;
            public abstract class TokenIssuer
            {
                public SecurityKey Key() => SigningKeyLoader.FromEnvironment("JWT_TOKEN_ISSUER_SIGNING_KEY", "HS256");
            }
            """, References.Server | References.SafeAuthRuntime).RunAsync();
    }
}
