using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public partial class JwtReadWithoutValidationAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;

    // ---------- positives: API shapes ----------

    [Fact]
    public async Task Reports_ReadJwtToken_RoleComparedInController()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().{|#0:ReadJwtToken(token)|};
                    var role = jwt.Claims.First(c => c.Type == "role").Value;
                    if (role != "admin") return Forbid();
                    return Ok();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_ReadJsonWebToken_PrincipalBuiltInMiddleware()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly JsonWebTokenHandler _handler = new();
                public TokenMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var raw = context.Request.Headers.Authorization.ToString().Substring(7);
                    var token = _handler.{|#0:ReadJsonWebToken(raw)|};
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
                    await _next(context);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JsonWebTokenHandler.ReadJsonWebToken", "its claims build a ClaimsIdentity"));
    }

    [Fact]
    public async Task Reports_ReadToken_CastWithAs_InMinimalApiHandler()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders", (string token) =>
                    {
                        var handler = new JwtSecurityTokenHandler();
                        var jwt = handler.[|ReadToken(token)|] as JwtSecurityToken;
                        var tenant = jwt!.Payload["tenant"];
                        return Results.Ok(tenant);
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_NewJwtSecurityToken_SubjectUsedInFilter()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Mvc.Filters;

            public class TenantFilter : IAuthorizationFilter
            {
                public void OnAuthorization(AuthorizationFilterContext context)
                {
                    string header = context.HttpContext.Request.Headers["X-Token"].ToString();
                    var jwt = [|new JwtSecurityToken(header)|];
                    if (jwt.Subject == null)
                    {
                        context.Result = new UnauthorizedResult();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_NewJsonWebToken_ClaimsIntoPrincipal_InServiceOutsideRequest()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenService
            {
                public ClaimsPrincipal ToPrincipal(string token)
                {
                    var jwt = [|new JsonWebToken(token)|];
                    var identity = new ClaimsIdentity("Bearer");
                    foreach (var claim in jwt.Claims)
                    {
                        identity.AddClaim(claim);
                    }

                    return new ClaimsPrincipal(identity);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_ValueFlowsThroughField()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class ProfileController : ControllerBase
            {
                private JwtSecurityToken? _token;

                public IActionResult Get(string token)
                {
                    _token = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    return Ok(_token.Claims.Single(c => c.Type == "sub").Value);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtNetBuilderDecode_WithoutVerification()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT.Builder;
            using System.Collections.Generic;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var claims = new JwtBuilder().{|#0:Decode<IDictionary<string, object>>(token)|};
                    return claims["role"].ToString() == "admin" ? Ok() : Forbid();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtBuilder.Decode", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_JwtNetBuilder_DoNotVerifySignature_OnLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var builder = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret);
                    builder.DoNotVerifySignature();
                    var json = builder.[|Decode(token)|];
                    return Ok(json);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtNetDecoder_VerifyFalse()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                private readonly IJwtDecoder _decoder;
                public DecoderController(IJwtDecoder decoder) => _decoder = decoder;

                public IActionResult Get(string token, byte[] key)
                {
                    const bool verify = false;
                    var payload = _decoder.{|#0:DecodeToObject(token, key, verify)|};
                    return Ok(payload["sub"]);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJwtDecoder.DecodeToObject", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_JwtNetDecoder_DecodeWithoutKey()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, IJwtDecoder decoder)
                {
                    var json = decoder.[|Decode(token)|];
                    return json.Contains("\"admin\"") ? Ok() : Forbid();
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JosePayload_InEndpointFilter()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;

            public class RoleFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    var token = context.HttpContext.Request.Headers.Authorization.ToString();
                    var payload = Jose.JWT.{|#0:Payload<Dictionary<string, object>>(token)|};
                    if ((string)payload["role"] != "admin") return Results.Forbid();
                    return await next(context);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JWT.Payload", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_JoseDecode_WithoutKey()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class JoseController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var json = Jose.JWT.[|Decode(token)|];
                    return Ok(json.Length);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_HandRolledDecode()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Text.Json;

            public class ManualController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var parts = token.Split('.');
                    var json = Base64UrlEncoder.Decode(parts[1]);
                    using var document = JsonDocument.{|#0:Parse(json)|};
                    var userId = document.RootElement.GetProperty("sub").GetString();
                    return Ok(userId);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split('.') + base64 decode + JsonDocument.Parse", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_HandRolledDecode_ConvertFromBase64WithPadding()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Text;
            using System.Text.Json;
            using System.Collections.Generic;

            public class ManualController : ControllerBase
            {
                public IActionResult Get([FromHeader] string authorization)
                {
                    var segment = authorization.Split(new[] { '.' })[1].Replace('-', '+').Replace('_', '/');
                    var padded = segment.PadRight(segment.Length + (4 - segment.Length % 4) % 4, '=');
                    var bytes = Convert.FromBase64String(padded);
                    var claims = JsonSerializer.[|Deserialize<Dictionary<string, object>>(Encoding.UTF8.GetString(bytes))|];
                    return claims!["role"].ToString() == "admin" ? Ok() : Forbid();
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Usings + """
            public class GeneratedController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_AuthenticationHandlerBuildsTicket()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Text.Encodings.Web;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;

            public class NaiveHandler : AuthenticationHandler<AuthenticationSchemeOptions>
            {
                public NaiveHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                    : base(options, logger, encoder) { }

                protected override Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    var jwt = new JsonWebTokenHandler().[|ReadJsonWebToken(Request.Headers.Authorization.ToString())|];
                    var identity = new ClaimsIdentity(jwt.Claims, Scheme.Name);
                    return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_AllowAnonymousActionInAuthorizedController()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Authorization;

            [Authorize]
            public class MeController : ControllerBase
            {
                [AllowAnonymous]
                public IActionResult Get(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    return Ok(jwt.Claims.First(c => c.Type == "sub").Value);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_PrincipalInLibraryWithoutProjectKind()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.IdentityModel.Tokens.Jwt;

            public class Session
            {
                public ClaimsPrincipal User(string token) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().[|ReadJwtToken(token)|].Claims, "jwt"));
            }
            """,
            References.IdentityModel,
            null);
    }
}
