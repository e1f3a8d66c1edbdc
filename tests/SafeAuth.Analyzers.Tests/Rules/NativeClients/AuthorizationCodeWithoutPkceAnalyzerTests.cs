using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.NativeClients.AuthorizationCodeWithoutPkceAnalyzer,
    SafeAuth.CodeFixes.Rules.NativeClients.AuthorizationCodeWithoutPkceCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

public class AuthorizationCodeWithoutPkceAnalyzerTests
{
    private const References Oidc = References.AspNetCore | References.OpenIdConnect;

    private const string DuendeUsings = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        """;

    private const string OidcUsings = """
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static Task Verify(string source, References references, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, references, null, expected);

    private static async Task VerifyFix(string source, string fixedSource, References references, string? key = null)
    {
        var test = new VerifyCS.Test(references, null) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        await test.RunAsync(CancellationToken.None);
    }

    // ---------- Duende CreateAuthorizeUrl ----------

    [Theory]
    [InlineData("\"code\"")]
    [InlineData("\"code id_token\"")]
    [InlineData("Duende.IdentityModel.OidcConstants.ResponseTypes.Code")]
    public async Task Reports_CreateAuthorizeUrl_CodeWithoutChallenge(string responseType)
    {
        await Verify(DuendeUsings + $$"""
            public static class Login
            {
                public static string Url(string state, string nonce) =>
                    new RequestUrl("https://login.example.com/connect/authorize")
                        .{|#0:CreateAuthorizeUrl("app", {{responseType}}, "openid api", "http://127.0.0.1:7890/", state, nonce)|};
            }
            """, References.Duende,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateAuthorizeUrl"));
    }

    [Fact]
    public async Task Reports_CreateAuthorizeUrl_ExplicitNullChallenge()
    {
        await Verify(DuendeUsings + """
            public static class Login
            {
                public static string Url(RequestUrl request) =>
                    request.[|CreateAuthorizeUrl(clientId: "app", responseType: "code", codeChallenge: null)|];
            }
            """, References.Duende);
    }

    [Fact]
    public async Task NoDiagnostic_CreateAuthorizeUrl_WithChallenge_OrNotCodeFlow()
    {
        await Verify(DuendeUsings + """
            public static class Login
            {
                public static string WithPkce(RequestUrl request, string challenge) =>
                    request.CreateAuthorizeUrl("app", "code", codeChallenge: challenge, codeChallengeMethod: "S256");

                public static string Implicit(RequestUrl request) =>
                    request.CreateAuthorizeUrl("app", "id_token");

                public static string Unknown(RequestUrl request, string responseType) =>
                    request.CreateAuthorizeUrl("app", responseType);
            }
            """, References.Duende);
    }

    // ---------- Duende token requests ----------

    [Theory]
    [InlineData("Duende.IdentityModel.Client", References.Duende)]
    [InlineData("IdentityModel.Client", References.LegacyIdentityModel)] // before the Duende rename
    public async Task Reports_AuthorizationCodeTokenRequest_WithoutCodeVerifier(string library, References references)
    {
        await Verify(DuendeUsings.Replace("Duende.IdentityModel.Client", library) + """
            public class Callback
            {
                public Task<TokenResponse> Redeem(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync({|#0:new AuthorizationCodeTokenRequest|}
                    {
                        Address = "https://login.example.com/connect/token",
                        ClientId = "app",
                        Code = code,
                        RedirectUri = "http://127.0.0.1:7890/",
                    });
            }
            """, references,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("AuthorizationCodeTokenRequest"));
    }

    [Fact]
    public async Task NoDiagnostic_AuthorizationCodeTokenRequest_WithCodeVerifier_InInitializerOrLater()
    {
        await Verify(DuendeUsings + """
            public class Callback
            {
                public Task<TokenResponse> Inline(HttpClient http, string code, string verifier) =>
                    http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = verifier });

                public Task<TokenResponse> Later(HttpClient http, string code, string verifier)
                {
                    var request = new AuthorizationCodeTokenRequest { Code = code };
                    request.CodeVerifier = verifier;
                    return http.RequestAuthorizationCodeTokenAsync(request);
                }
            }
            """, References.Duende);
    }

    [Fact]
    public async Task Reports_TokenClientRequestAuthorizationCodeTokenAsync_WithoutVerifier()
    {
        await Verify(DuendeUsings + """
            public class Callback
            {
                public Task<TokenResponse> Redeem(TokenClient client, string code) =>
                    client.{|#0:RequestAuthorizationCodeTokenAsync(code, "http://127.0.0.1:7890/")|};

                public Task<TokenResponse> Safe(TokenClient client, string code, string verifier) =>
                    client.RequestAuthorizationCodeTokenAsync(code, "http://127.0.0.1:7890/", verifier);
            }
            """, References.Duende,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenClient.RequestAuthorizationCodeTokenAsync"));
    }

    // ---------- ASP.NET Core OpenID Connect ----------

    [Fact]
    public async Task Reports_UsePkceFalse_InLambdaAndInitializer()
    {
        await Verify(OidcUsings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthentication().AddOpenIdConnect(o =>
                    {
                        o.ResponseType = "code";
                        {|#0:o.UsePkce = false|};
                    });

                public static OpenIdConnectOptions Options() => new() { [|UsePkce = false|] };
            }
            """, Oidc,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("OpenIdConnectOptions.UsePkce = false"));
    }

    [Fact]
    public async Task NoDiagnostic_UsePkceTrueOrUnknown()
    {
        await Verify(OidcUsings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services, bool pkce) =>
                    services.AddAuthentication().AddOpenIdConnect(o =>
                    {
                        o.UsePkce = true;
                        o.UsePkce = pkce;
                    });
            }
            """, Oidc);
    }

    // ---------- hand-built URLs ----------

    [Fact]
    public async Task Reports_HandBuiltAuthorizeUrl_CodeWithoutChallenge()
    {
        await Verify("""
            public static class Login
            {
                public static string Url(string authority, string clientId, string state) =>
                    {|#0:$"{authority}/authorize?response_type=code&client_id={clientId}&redirect_uri=http%3A%2F%2F127.0.0.1%3A7890%2F&state={state}"|};

                public static string Concatenated(string clientId) =>
                    [|"https://login.example.com/authorize?client_id=" + clientId + "&response_type=code"|];
            }
            """, References.None,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("response_type=code"));
    }

    [Fact]
    public async Task NoDiagnostic_ConsentUrlOnlyHandedBackInAChallenge_ReportedWhereTheCodeIsRedeemedOrFollowed()
    {
        await Verify("""
            using System.Collections.Generic;
            using System.Linq;

            public static class Challenge
            {
                public static string WwwAuthenticate(string authority, string clientId, string scopes)
                {
                    string consentUrl = $"{authority}/oauth2/v2.0/authorize?client_id={clientId}"
                        + "&response_type=code&response_mode=query"
                        + $"&scope=offline_access%20{scopes}";
                    var parameters = new Dictionary<string, string>
                    {
                        { "consentUri", consentUrl },
                        { "proposedAction", "consent" },
                    };
                    parameters["claims"] = "{}";
                    return "Bearer " + string.Join(", ", parameters.Select(p => $"{p.Key}=\"{p.Value}\""));
                }

                public static Dictionary<string, string> Indexed(string clientId)
                {
                    var url = $"https://login.example.com/authorize?response_type=code&client_id={clientId}";
                    var parameters = new Dictionary<string, string>();
                    parameters["consentUri"] = url;
                    return parameters;
                }

                public static string Followed(string clientId)
                {
                    var url = {|#0:$"https://login.example.com/authorize?response_type=code&client_id={clientId}"|};
                    var parameters = new Dictionary<string, string> { { "consentUri", url } };
                    return url;
                }

                public static Dictionary<string, string> RedeemedHere(string clientId, string code)
                {
                    var url = {|#1:$"https://login.example.com/authorize?response_type=code&client_id={clientId}"|};
                    var parameters = new Dictionary<string, string> { { "consentUri", url } };
                    parameters.Add("body", "grant_type=authorization_code&code=" + code);
                    return parameters;
                }
            }
            """, References.None,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("response_type=code"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("response_type=code"));
    }

    [Fact]
    public async Task NoDiagnostic_HandBuiltAuthorizeUrl_WithChallengeOrPkceHole()
    {
        await Verify("""
            public static class Login
            {
                public static string Url(string clientId, string challenge) =>
                    $"https://login.example.com/authorize?response_type=code&client_id={clientId}&code_challenge={challenge}&code_challenge_method=S256";

                public static string WithPkcePart(string clientId, string pkceQuery) =>
                    $"https://login.example.com/authorize?response_type=code&client_id={clientId}&{pkceQuery}";

                public const string NotAUrl = "The server answers with a code; see response_type in the docs.";
                public const string TokenRequest = "grant_type=authorization_code&code=abc";
            }
            """, References.None);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypesWithTheSameNames()
    {
        await Verify("""
            namespace MyApp
            {
                public class AuthorizationCodeTokenRequest { public string? Code { get; set; } }
                public class OpenIdConnectOptions { public bool UsePkce { get; set; } }
                public class RequestUrl { public string CreateAuthorizeUrl(string clientId, string responseType) => ""; }

                public static class Use
                {
                    public static void Run()
                    {
                        var a = new AuthorizationCodeTokenRequest { Code = "c" };
                        var b = new OpenIdConnectOptions { UsePkce = false };
                        var c = new RequestUrl().CreateAuthorizeUrl("app", "code");
                    }
                }
            }
            """, References.None);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await Verify(DuendeUsings + """
            // <auto-generated/>
            public static class GeneratedLogin
            {
                public static string Url(RequestUrl request) => request.[|CreateAuthorizeUrl("app", "code")|];
            }
            """, References.Duende);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_RemovesUsePkceFalse_FixAll()
    {
        await VerifyFix(OidcUsings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect("a", o =>
                        {
                            o.ResponseType = "code";
                            [|o.UsePkce = false|];
                        })
                        .AddOpenIdConnect("b", o =>
                        {
                            [|o.UsePkce = false|];
                            o.ClientId = "b";
                        });
                }

                public static OpenIdConnectOptions Options() => new() { ClientId = "c", [|UsePkce = false|] };
            }
            """, OidcUsings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect("a", o =>
                        {
                            o.ResponseType = "code";
                        })
                        .AddOpenIdConnect("b", o =>
                        {
                            o.ClientId = "b";
                        });
                }

                public static OpenIdConnectOptions Options() => new() { ClientId = "c" };
            }
            """, Oidc);
    }

    [Fact]
    public async Task Fix_CreateAuthorizeUrl_SafeAuthPkce_FixAll()
    {
        await VerifyFix(DuendeUsings + """
            public static class Login
            {
                public static string[] Urls(RequestUrl request)
                {
                    var first = request.[|CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/")|];
                    var second = request.[|CreateAuthorizeUrl("app", "code", codeChallenge: null)|];
                    return new[] { first, second };
                }
            }
            """, DuendeUsings.Replace("using Duende.IdentityModel.Client;\n", "using Duende.IdentityModel.Client;\nusing SafeAuth.NativeApps;\n") + """
            public static class Login
            {
                public static string[] Urls(RequestUrl request)
                {
                    var codeVerifier = Pkce.CreateVerifier();
                    var codeChallenge = Pkce.CreateChallenge(codeVerifier);
                    var first = request.CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/", codeChallenge: codeChallenge, codeChallengeMethod: "S256");
                    var codeVerifier2 = Pkce.CreateVerifier();
                    var codeChallenge2 = Pkce.CreateChallenge(codeVerifier2);
                    var second = request.CreateAuthorizeUrl("app", "code", codeChallenge: codeChallenge2, codeChallengeMethod: "S256");
                    return new[] { first, second };
                }
            }
            """, References.Duende | References.SafeAuthRuntime, "AUTH502.SafeAuthPkce");
    }

    [Fact]
    public async Task Fix_CreateAuthorizeUrl_NotOfferedWithoutSafeAuthRuntime()
    {
        var source = DuendeUsings + """
            public static class Login
            {
                public static string Url(RequestUrl request)
                {
                    var url = request.[|CreateAuthorizeUrl("app", "code")|];
                    return url;
                }
            }
            """;
        await VerifyFix(source, source, References.Duende);
    }

    [Fact]
    public async Task Fix_TokenRequest_VerifierInScope_FixAll()
    {
        await VerifyFix(DuendeUsings + """
            public class Callback
            {
                private readonly string _codeVerifier = "kept-from-the-authorize-step";

                public Task<TokenResponse> Redeem(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync([|new AuthorizationCodeTokenRequest|] { Code = code });

                public Task<TokenResponse> RedeemAgain(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync([|new AuthorizationCodeTokenRequest|] { Code = code, CodeVerifier = null });
            }
            """, DuendeUsings + """
            public class Callback
            {
                private readonly string _codeVerifier = "kept-from-the-authorize-step";

                public Task<TokenResponse> Redeem(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = _codeVerifier });

                public Task<TokenResponse> RedeemAgain(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = _codeVerifier });
            }
            """, References.Duende, "AUTH502.CodeVerifierInScope");
    }

    [Fact]
    public async Task Fix_TokenRequest_NotOfferedWithoutVerifierInScope()
    {
        var source = DuendeUsings + """
            public class Callback
            {
                public Task<TokenResponse> Redeem(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync([|new AuthorizationCodeTokenRequest()|]);
            }
            """;
        await VerifyFix(source, source, References.Duende);
    }
}
