using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.NativeClients.AuthorizationCodeWithoutPkceAnalyzer,
    SafeAuth.CodeFixes.Rules.NativeClients.AuthorizationCodeWithoutPkceCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

/// <summary>
/// The PKCE fix keeps the verifier it creates and sends it where the code is redeemed: a challenge whose verifier is
/// thrown away makes every redemption fail.
/// </summary>
public class PkceVerifierFixTests
{
    private const string Usings = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        """;

    private const References Native = References.Duende | References.SafeAuthRuntime;

    private static Task VerifyFix(string source, string fixedSource, References references = Native) =>
        new VerifyCS.Test(references, "is_global = true\nbuild_property.SafeAuthProjectKind = native") { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = "AUTH502.SafeAuthPkce" }
            .RunAsync(CancellationToken.None);

    [Fact]
    public async Task InstanceMethods_KeepTheVerifierInAField_AndTheRedemptionSendsIt()
    {
        await VerifyFix(Usings + """
            public class Login
            {
                private readonly RequestUrl _request = new("https://login.example/authorize");

                public string Start()
                {
                    var url = _request.[|CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/")|];
                    return url;
                }

                public Task<TokenResponse> RedeemAsync(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync([|new AuthorizationCodeTokenRequest|] { Address = "https://login.example/token", ClientId = "app", Code = code, RedirectUri = "http://127.0.0.1:7890/" });
            }
            """, Usings.Replace("using Duende.IdentityModel.Client;\n", "using Duende.IdentityModel.Client;\nusing SafeAuth.NativeApps;\n", StringComparison.Ordinal) + """
            public class Login
            {
                private string _codeVerifier = string.Empty;
                private readonly RequestUrl _request = new("https://login.example/authorize");

                public string Start()
                {
                    _codeVerifier = Pkce.CreateVerifier();
                    var codeChallenge = Pkce.CreateChallenge(_codeVerifier);
                    var url = _request.CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/", codeChallenge: codeChallenge, codeChallengeMethod: "S256");
                    return url;
                }

                public Task<TokenResponse> RedeemAsync(HttpClient http, string code) =>
                    http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { Address = "https://login.example/token", ClientId = "app", Code = code, RedirectUri = "http://127.0.0.1:7890/", CodeVerifier = _codeVerifier });
            }
            """);
    }

    /// <summary>Also for an app on IdentityModel 6 (before the Duende rename): the same fix in its own namespace.</summary>
    [Theory]
    [InlineData("Duende.IdentityModel.Client", Native)]
    [InlineData("IdentityModel.Client", References.LegacyIdentityModel | References.SafeAuthRuntime)]
    public async Task StaticMethod_RedeemingInTheSameMethod_SendsTheLocalVerifier(string library, References references)
    {
        var usings = Usings.Replace("Duende.IdentityModel.Client", library, StringComparison.Ordinal);
        await VerifyFix(usings + """
            public static class Login
            {
                public static async Task<TokenResponse> RunAsync(HttpClient http, RequestUrl request, System.Func<string, Task<string>> browser)
                {
                    var code = await browser(request.[|CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/")|]);
                    return await http.RequestAuthorizationCodeTokenAsync([|new AuthorizationCodeTokenRequest|] { ClientId = "app", Code = code });
                }
            }
            """, usings.Replace($"using {library};\n", $"using {library};\nusing SafeAuth.NativeApps;\n", StringComparison.Ordinal) + """
            public static class Login
            {
                public static async Task<TokenResponse> RunAsync(HttpClient http, RequestUrl request, System.Func<string, Task<string>> browser)
                {
                    var codeVerifier = Pkce.CreateVerifier();
                    var codeChallenge = Pkce.CreateChallenge(codeVerifier);
                    var code = await browser(request.CreateAuthorizeUrl("app", "code", "openid", "http://127.0.0.1:7890/", codeChallenge: codeChallenge, codeChallengeMethod: "S256"));
                    return await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest { ClientId = "app", Code = code, CodeVerifier = codeVerifier });
                }
            }
            """, references);
    }
}
