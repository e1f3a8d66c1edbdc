using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class JwtReadWithoutValidationAnalyzerTests
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

    // ---------- look-alikes that stay silent ----------

    [Fact]
    public async Task NoDiagnostic_ValidatedAfterReadingKid()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class KeyController : ControllerBase
            {
                private readonly TokenValidationParameters _parameters = new();

                public IActionResult Get(string token)
                {
                    var handler = new JwtSecurityTokenHandler();
                    var kid = handler.ReadJwtToken(token).Header.Kid;
                    _parameters.IssuerSigningKey = new SymmetricSecurityKey(new byte[32]) { KeyId = kid };
                    var principal = handler.ValidateToken(token, _parameters, out _);
                    return Ok(principal.Identity!.Name);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_OnlyHeaderRead()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class HeaderController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
                    return jwt.Alg == "none" ? BadRequest() : Ok(jwt.Kid);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ExpiryCheckedBeforeRefresh()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class RefreshMiddleware
            {
                public bool NeedsRefresh(HttpContext context, string accessToken)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(accessToken);
                    return jwt.ValidTo < DateTime.UtcNow.AddMinutes(1);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ClaimsOnlyLogged()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.Extensions.Logging;

            public class AuditController : ControllerBase
            {
                private readonly ILogger<AuditController> _logger;
                public AuditController(ILogger<AuditController> logger) => _logger = logger;

                public IActionResult Get(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                    _logger.LogInformation("Token for {Subject} from {Issuer}", jwt.Subject, jwt.Issuer);
                    return Ok();
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ControllerBehindAuthorize()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Authorization;

            [Authorize]
            public class MeController : ControllerBase
            {
                public IActionResult Get()
                {
                    var raw = Request.Headers.Authorization.ToString().Replace("Bearer ", "");
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(raw);
                    return Ok(jwt.Claims.First(c => c.Type == "sub").Value);
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
    public async Task NoDiagnostic_ClaimsReadOutsideRequestHandling()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenInspector
            {
                public string? DescribeSubject(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                    return jwt.Subject;
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_JwtNetBuilderMustVerifySignature()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var json = new JwtBuilder()
                        .WithAlgorithm(new HMACSHA256Algorithm())
                        .WithSecret(secret)
                        .MustVerifySignature()
                        .Decode(token);
                    return Ok(json);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_JwtNetDecoderVerifyTrue_AndJoseDecodeWithKey()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, byte[] key, IJwtDecoder decoder)
                {
                    var a = decoder.DecodeToObject(token, key, verify: true);
                    var b = Jose.JWT.Decode(token, key);
                    return Ok(a["sub"].ToString() + b);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_BlazorWebAssemblyClientReadsOwnToken()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.Threading.Tasks;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.AspNetCore.Components.Authorization;

            public class TokenAuthStateProvider : AuthenticationStateProvider
            {
                private string _token = "";
                public override Task<AuthenticationState> GetAuthenticationStateAsync()
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(_token);
                    var identity = new ClaimsIdentity(jwt.Claims, "jwt");
                    return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
                }
            }
            """,
            References.IdentityModel | References.BlazorWebAssembly,
            null);
    }

    [Fact]
    public async Task NoDiagnostic_NativeAppByMSBuildProperty()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.IdentityModel.Tokens.Jwt;

            public class Session
            {
                public ClaimsPrincipal User(string token) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().ReadJwtToken(token).Claims, "jwt"));
            }
            """,
            References.IdentityModel,
            "build_property.UseMaui = true");
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

    [Fact]
    public async Task NoDiagnostic_TestProjectByDefault_ReportsWhenOptedIn()
    {
        const string source = """
            using System.Security.Claims;
            using System.IdentityModel.Tokens.Jwt;

            public class Session
            {
                public ClaimsPrincipal User(string token) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().{|#0:ReadJwtToken(token)|}.Claims, "jwt"));
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", "").Replace("|}", ""), References.IdentityModel, "build_property.IsTestProject = true");
        await VerifyCS.VerifyAnalyzerAsync(source, References.IdentityModel, "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims build a ClaimsIdentity"));
    }

    [Fact]
    public async Task NoDiagnostic_LibraryAbsent_UserTypeWithSameMemberNames()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;

            public class JwtSecurityTokenHandler
            {
                public Token ReadJwtToken(string token) => new Token();
            }

            public class Token { public System.Collections.Generic.IEnumerable<Claim> Claims => new Claim[0]; }

            public class Session
            {
                public ClaimsPrincipal User(string token) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().ReadJwtToken(token).Claims, "jwt"));
            }
            """,
            References.None,
            null);
    }

    [Fact]
    public async Task NoDiagnostic_SplitOnOtherSegmentOrNotDotted()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Text.Json;

            public class CsvController : ControllerBase
            {
                public IActionResult Get(string data)
                {
                    var header = JsonDocument.Parse(Base64UrlEncoder.Decode(data.Split('.')[0]));
                    var row = JsonDocument.Parse(Base64UrlEncoder.Decode(data.Split(',')[1]));
                    return Ok(header.RootElement.GetProperty("kid").GetString() + row.RootElement.GetRawText());
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_BrokenCode()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class BrokenController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().{|CS7036:ReadJwtToken|}();
                    return Ok(jwt.Claims.First().Value);
                }
            }
            """);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_ValidateWithParametersInScope_JwtSecurityTokenHandler()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                private readonly TokenValidationParameters _parameters;
                public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

                public IActionResult Delete(string token)
                {
                    var handler = new JwtSecurityTokenHandler();
                    var jwt = handler.[|ReadJwtToken(token)|];
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, Usings + """
            public class AdminController : ControllerBase
            {
                private readonly TokenValidationParameters _parameters;
                public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

                public IActionResult Delete(string token)
                {
                    var handler = new JwtSecurityTokenHandler();
                    handler.ValidateToken(token, _parameters, out var validatedToken);
                    var jwt = (JwtSecurityToken)validatedToken;
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_ValidateWithParametersInScope_JsonWebTokenHandler_Async()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class TokenMiddleware
            {
                private readonly RequestDelegate _next;
                public TokenMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context, TokenValidationParameters parameters)
                {
                    var token = new JsonWebTokenHandler().[|ReadJsonWebToken(context.Request.Headers.Authorization.ToString())|];
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
                    await _next(context);
                }
            }
            """, Usings + """
            public class TokenMiddleware
            {
                private readonly RequestDelegate _next;
                public TokenMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context, TokenValidationParameters parameters)
                {
                    var validationResult = await new JsonWebTokenHandler().ValidateTokenAsync(context.Request.Headers.Authorization.ToString(), parameters);
                    if (!validationResult.IsValid)
                    {
                        throw new SecurityTokenValidationException("The token failed validation.", validationResult.Exception);
                    }

                    var token = (JsonWebToken)validationResult.SecurityToken;
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
                    await _next(context);
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_JwtNetBuilder_AddsMustVerifySignature()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var json = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).[|Decode(token)|];
                    var other = new JwtBuilder().DoNotVerifySignature().[|Decode(token)|];
                    return json.Contains("admin") && other.Contains("admin") ? Ok() : Forbid();
                }
            }
            """, Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var json = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).MustVerifySignature().Decode(token);
                    var other = new JwtBuilder().MustVerifySignature().Decode(token);
                    return json.Contains("admin") && other.Contains("admin") ? Ok() : Forbid();
                }
            }
            """, "AUTH101.JwtNetVerify");
    }

    [Fact]
    public async Task Fix_JwtNetDecoder_VerifyTrue()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, byte[] key, IJwtDecoder decoder)
                {
                    var payload = decoder.[|DecodeToObject(token, key, verify: false)|];
                    return Ok(payload["sub"]);
                }
            }
            """, Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, byte[] key, IJwtDecoder decoder)
                {
                    var payload = decoder.DecodeToObject(token, key, verify: true);
                    return Ok(payload["sub"]);
                }
            }
            """, "AUTH101.JwtNetVerify");
    }

    [Fact]
    public async Task Fix_JosePayload_VerifyWithKeyInScope()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using System.Collections.Generic;

            public class JoseController : ControllerBase
            {
                private readonly byte[] _signingKey;
                public JoseController(byte[] signingKey) => _signingKey = signingKey;

                public IActionResult Get(string token, string other)
                {
                    var json = Jose.JWT.[|Payload(token)|];
                    var claims = Jose.JWT.[|Payload<Dictionary<string, object>>(other)|];
                    return json.Contains("admin") || (string)claims["role"] == "admin" ? Ok() : Forbid();
                }
            }
            """, Usings + """
            using System.Collections.Generic;

            public class JoseController : ControllerBase
            {
                private readonly byte[] _signingKey;
                public JoseController(byte[] signingKey) => _signingKey = signingKey;

                public IActionResult Get(string token, string other)
                {
                    var json = Jose.JWT.Verify(token, _signingKey);
                    var claims = Jose.JWT.Decode<Dictionary<string, object>>(other, _signingKey);
                    return json.Contains("admin") || (string)claims["role"] == "admin" ? Ok() : Forbid();
                }
            }
            """, "AUTH101.JoseKey");
    }

    [Fact]
    public async Task Fix_FixAll_TwoReadsInOneMethod_GetDistinctNames()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other, TokenValidationParameters parameters)
                {
                    var handler = new JwtSecurityTokenHandler();
                    var first = handler.[|ReadJwtToken(token)|];
                    var second = [|new JwtSecurityToken(other)|];
                    return first.Subject == second.Subject ? Ok() : Forbid();
                }
            }
            """, Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other, TokenValidationParameters parameters)
                {
                    var handler = new JwtSecurityTokenHandler();
                    handler.ValidateToken(token, parameters, out var validatedToken);
                    var first = (JwtSecurityToken)validatedToken;
                    new JwtSecurityTokenHandler().ValidateToken(other, parameters, out var validatedToken2);
                    var second = (JwtSecurityToken)validatedToken2;
                    return first.Subject == second.Subject ? Ok() : Forbid();
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_NotOffered_WhenNothingInScopeAndNoSafeAuth()
    {
        const string source = Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    return jwt.Subject == "root" ? Ok() : Forbid();
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_StrictJwt_WhenSafeAuthReferenced_NoParametersInScope()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    var web = new JsonWebTokenHandler().[|ReadJsonWebToken(other)|];
                    return jwt.Subject == "root" && web.Subject == "root" ? Ok() : Forbid();
                }
            }
            """, Usings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Tokens;\n") + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other)
                {
                    var jwt = StrictJwt.ReadValidatedJwtSecurityToken(token);
                    var web = StrictJwt.ReadValidatedJsonWebToken(other);
                    return jwt.Subject == "root" && web.Subject == "root" ? Ok() : Forbid();
                }
            }
            """, References.Server | References.SafeAuthRuntime, "AUTH101.StrictJwt");
    }

    [Fact]
    public async Task Fix_StrictJwt_HandRolledDecodeReadsValidatedPayload()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using System.Text.Json;
            using SafeAuth.Tokens;

            public class ManualController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var parts = token.Split('.');
                    var json = Base64UrlEncoder.Decode(parts[1]);
                    using var document = JsonDocument.[|Parse(json)|];
                    return Ok(document.RootElement.GetProperty("sub").GetString());
                }
            }
            """, Usings + """
            using System.Text.Json;
            using SafeAuth.Tokens;

            public class ManualController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var parts = token.Split('.');
                    var json = Base64UrlEncoder.Decode(StrictJwt.ReadValidatedJsonWebToken(token).EncodedPayload);
                    using var document = JsonDocument.Parse(json);
                    return Ok(document.RootElement.GetProperty("sub").GetString());
                }
            }
            """, References.Server | References.SafeAuthRuntime, "AUTH101.StrictJwt");
    }
}
