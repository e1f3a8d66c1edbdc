using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

// Where the token came from: trusted stores and responses stay silent, request data next to them is still reported.
public partial class JwtReadWithoutValidationAnalyzerTests
{
    private const string ProvenanceUsings = Usings + """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

        """;

    [Fact]
    public async Task NoDiagnostic_TokenFromProtectedBrowserStorage()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            public class SessionState
            {
                private readonly ProtectedLocalStorage _local;
                private readonly ProtectedSessionStorage _session;

                public SessionState(ProtectedLocalStorage local, ProtectedSessionStorage session) => (_local, _session) = (local, session);

                public async Task<ClaimsPrincipal> Restore()
                {
                    var stored = await _local.GetAsync<string>("token");
                    var token = stored.Success ? stored.Value : null;
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                    return new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, "jwt"));
                }

                public async Task<ClaimsPrincipal> RestoreSession()
                {
                    var jwt = new JsonWebTokenHandler().ReadJsonWebToken((await _session.GetAsync<string>("token")).Value ?? "");
                    return new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, "jwt"));
                }
            }
            """, References.Server, null);
    }

    [Fact]
    public async Task NoDiagnostic_TokenTheHandlerStored_OrThePipelinePutInItems()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            public class ProfileController : ControllerBase
            {
                public async Task<IActionResult> Get()
                {
                    var token = await HttpContext.GetTokenAsync("access_token");
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                    return jwt.Claims.First(c => c.Type == "role").Value == "admin" ? Ok() : Forbid();
                }

                public IActionResult FromTicket(AuthenticateResult result)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(result.Properties!.GetTokenValue("id_token"));
                    return jwt.Subject == "admin" ? Ok() : Forbid();
                }

                public IActionResult FromItems()
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(HttpContext.Items["validated-token"]?.ToString());
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, References.Server, null);
    }

    [Fact]
    public async Task NoDiagnostic_TokenJustReceivedFromTheTokenEndpoint()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            using Duende.IdentityModel.Client;

            public class LoginController : ControllerBase
            {
                public async Task<IActionResult> Callback(System.Net.Http.HttpClient http, AuthorizationCodeTokenRequest request)
                {
                    var response = await http.RequestAuthorizationCodeTokenAsync(request);
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(response.IdentityToken);
                    return jwt.Subject == "admin" ? Ok() : Forbid();
                }

                public IActionResult Msal(Microsoft.Identity.Client.AuthenticationResult result)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(result.IdToken);
                    return jwt.Claims.Any(c => c.Type == "roles" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, References.Server | References.Duende | References.Msal, null);
    }

    [Fact]
    public async Task Reports_RequestDataNextToTrustedSources()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            public class MixedController : ControllerBase
            {
                private readonly ProtectedLocalStorage _local;

                public MixedController(ProtectedLocalStorage local) => _local = local;

                public async Task<IActionResult> HeaderOrStored(bool useHeader)
                {
                    var token = await HttpContext.GetTokenAsync("access_token");
                    if (useHeader)
                    {
                        token = Request.Headers.Authorization.ToString();
                    }

                    var jwt = new JwtSecurityTokenHandler().{|#0:ReadJwtToken(token)|};
                    return jwt.Claims.First(c => c.Type == "role").Value == "admin" ? Ok() : Forbid();
                }

                public IActionResult Cookie()
                {
                    var jwt = new JwtSecurityTokenHandler().{|#1:ReadJwtToken(Request.Cookies["token"])|};
                    return jwt.Subject == "admin" ? Ok() : Forbid();
                }

                public IActionResult Query()
                {
                    var jwt = new JwtSecurityTokenHandler().{|#2:ReadJwtToken(HttpContext.Request.Query["token"].ToString())|};
                    return jwt.Subject == "admin" ? Ok() : Forbid();
                }
            }
            """,
            References.Server,
            null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims decide what a request may do"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims decide what a request may do"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task NoDiagnostic_AppServiceAuthenticationHeaders_ThroughTheProjectsOwnHelper()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.Primitives;

            public static class EasyAuth
            {
                private const string IdTokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";

                internal static string? GetIdToken(IDictionary<string, StringValues> headers)
                {
                    headers.TryGetValue(IdTokenHeader, out var idToken);
            #if DEBUG
                    if (string.IsNullOrEmpty(idToken))
                    {
                        idToken = Environment.GetEnvironmentVariable(IdTokenHeader);
                    }
            #endif
                    return idToken;
                }

                public static ClaimsPrincipal? GetUser(IDictionary<string, StringValues> headers)
                {
                    var idToken = GetIdToken(headers);
                    if (idToken is null)
                    {
                        return null;
                    }

                    var token = new JsonWebToken(idToken);
                    return new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "aad"));
                }

                public static ClaimsPrincipal FromIndexer(HttpRequest request)
                {
                    var token = new JsonWebToken(request.Headers["X-MS-TOKEN-AAD-ACCESS-TOKEN"].ToString());
                    return new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "aad"));
                }
            }
            """, References.Server, null);
    }

    [Fact]
    public async Task Reports_OtherHeadersThroughAHelper_AndHelpersThatMixSources()
    {
        await VerifyCS.VerifyAnalyzerAsync(ProvenanceUsings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.Primitives;

            public static class Headers
            {
                internal static string? Bearer(IDictionary<string, StringValues> headers)
                {
                    headers.TryGetValue("Authorization", out var value);
                    return value.ToString();
                }

                internal static string? Either(HttpContext context, bool stored) =>
                    stored ? context.Items["token"] as string : context.Request.Headers["X-Token"].ToString();

                internal static async Task<string?> Stored(HttpContext context)
                {
                    if (context.Request.Query.ContainsKey("t"))
                    {
                        return context.Request.Query["t"].ToString();
                    }

                    return await context.GetTokenAsync("access_token");
                }

                public static ClaimsPrincipal FromBearer(IDictionary<string, StringValues> headers) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().{|#0:ReadJwtToken(Bearer(headers))|}.Claims, "jwt"));

                public static ClaimsPrincipal FromEither(HttpContext context) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().{|#1:ReadJwtToken(Either(context, true))|}.Claims, "jwt"));

                public static async Task<ClaimsPrincipal> FromStored(HttpContext context) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().{|#2:ReadJwtToken(await Stored(context))|}.Claims, "jwt"));
            }
            """,
            References.Server,
            null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims build a ClaimsIdentity"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims build a ClaimsIdentity"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims build a ClaimsIdentity"));
    }
}
