using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

// Look-alikes that must stay silent.
public partial class JwtReadWithoutValidationAnalyzerTests
{
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
}
