using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

// AUTH101 fixes through StrictJwt: the payload reads of Jwt.Net and jose-jwt, and the registration StrictJwt needs.
public partial class JwtReadWithoutValidationAnalyzerTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();

        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    private const string ProgramRegistered = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using SafeAuth.Tokens;
        using SafeAuth.AspNetCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddStrictJwtValidation(builder.Configuration.GetSection("Jwt"));
        builder.Services.AddStrictJwtChallenges();

        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    private const string PayloadReads = """
        using System.Collections.Generic;
        using JWT.Builder;

        public class OrdersController : ControllerBase
        {
            public IActionResult Get(string token)
            {
                var claims = READ_JWTNET;
                var tenant = READ_JOSE;
                var json = READ_JSON;
                return claims["sub"].ToString() == "root" && tenant.ContainsKey("tenant") && json.Length > 0 ? Ok() : Forbid();
            }
        }
        """;

    private static string Reads(string jwtNet, string jose, string json) =>
        PayloadReads.Replace("READ_JWTNET", jwtNet, StringComparison.Ordinal)
            .Replace("READ_JOSE", jose, StringComparison.Ordinal)
            .Replace("READ_JSON", json, StringComparison.Ordinal);

    private static VerifyCS.Test StrictJwtSetupTest(References references, string program, string fixedProgram)
    {
        var test = new VerifyCS.Test(References.Server | References.SafeAuthRuntime | references, null)
        {
            CodeActionEquivalenceKey = "AUTH101.StrictJwt",
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", program));
        test.TestState.Sources.Add(("/OrdersController.cs", Usings + Reads(
            "new JwtBuilder().[|Decode<IDictionary<string, object>>(token)|]",
            "Jose.JWT.[|Payload<Dictionary<string, object>>(token)|]",
            "Jose.JWT.[|Payload(token)|]")));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", fixedProgram));
        test.FixedState.Sources.Add(("/OrdersController.cs", Usings + Reads(
            "StrictJwt.ValidatePayload<IDictionary<string, object>>(token)",
            "StrictJwt.ValidatePayload<Dictionary<string, object>>(token)",
            "StrictJwt.ValidatePayloadJson(token)").Replace("using JWT.Builder;\n", "using JWT.Builder;\nusing SafeAuth.Tokens;\n", StringComparison.Ordinal)));
        // Each fix adds the registration it needs, once: the later fixes find it made.
        test.NumberOfFixAllIterations = 1;
        return test;
    }

    [Fact]
    public async Task Fix_StrictJwt_PayloadReads_AddTheValidationAndChallengeRegistrationOnce()
    {
        await StrictJwtSetupTest(References.SafeAuthAspNetCore, Program, ProgramRegistered).RunAsync();
    }

    [Fact]
    public async Task Fix_StrictJwt_WithoutSafeAuthAspNetCore_AddsOnlyTheValidation()
    {
        var expected = ProgramRegistered
            .Replace("using SafeAuth.AspNetCore;\n", string.Empty, StringComparison.Ordinal)
            .Replace("builder.Services.AddStrictJwtChallenges();\n", string.Empty, StringComparison.Ordinal);
        await StrictJwtSetupTest(References.None, Program, expected).RunAsync();
    }

    [Fact]
    public async Task Fix_StrictJwt_AlreadyRegistered_AddsNothing()
    {
        await StrictJwtSetupTest(References.SafeAuthAspNetCore, ProgramRegistered, ProgramRegistered).RunAsync();
    }

    [Fact]
    public async Task Fix_StrictJwt_Title_SaysWhatIsAdded_OrWhatToRegister()
    {
        var withRoot = await FixTitlesAsync(References.SafeAuthAspNetCore, Program);
        Assert.Contains(
            "Validate the token with SafeAuth StrictJwt.ValidateJsonWebToken (adds services.AddStrictJwtValidation(Configuration.GetSection(\"Jwt\")) and services.AddStrictJwtChallenges(); set Jwt:Issuer, :Audience and :SigningKey)",
            withRoot);

        var registered = await FixTitlesAsync(References.SafeAuthAspNetCore, ProgramRegistered);
        Assert.Contains("Validate the token with SafeAuth StrictJwt.ValidateJsonWebToken", registered);

        var library = await FixTitlesAsync(References.None, program: null);
        Assert.Contains(
            "Validate the token with SafeAuth StrictJwt.ValidateJsonWebToken (register services.AddStrictJwtValidation(Configuration.GetSection(\"Jwt\")) at startup; set Jwt:Issuer, :Audience and :SigningKey)",
            library);
    }

    private static async Task<IReadOnlyList<string>> FixTitlesAsync(References references, string? program)
    {
        var sources = new List<(string, string)>
        {
            ("/Reader.cs", Usings + """
                public class AdminController : ControllerBase
                {
                    public IActionResult Delete(string token)
                    {
                        var web = new JsonWebTokenHandler().ReadJsonWebToken(token);
                        return web.Subject == "root" ? Ok() : Forbid();
                    }
                }
                """),
        };
        if (program is not null)
        {
            sources.Add(("/Program.cs", program));
        }

        return await CodeFixTitles.ForAsync(
            new Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer(),
            new CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider(),
            sources,
            References.Server | References.SafeAuthRuntime | references,
            program is null ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication);
    }
}
