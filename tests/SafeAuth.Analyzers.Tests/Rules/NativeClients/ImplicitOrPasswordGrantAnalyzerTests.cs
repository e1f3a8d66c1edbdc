using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SafeAuth.Analyzers.Rules.NativeClients.ImplicitOrPasswordGrantAnalyzer>;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

public class ImplicitOrPasswordGrantAnalyzerTests
{
    private const References Oidc = References.AspNetCore | References.OpenIdConnect;
    private const References Wasm = References.BlazorWebAssembly | References.WebAssemblyAuthentication;

    private const string OidcUsings = """
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.Protocols.OpenIdConnect;

        """;

    private const string DuendeUsings = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Duende.IdentityModel.Client;

        """;

    // ---------- implicit grant ----------

    [Theory]
    [InlineData("token")]
    [InlineData("id_token token")]
    [InlineData("token id_token")]
    [InlineData("code token")]
    public async Task Reports_OpenIdConnectOptionsResponseType_ReturnsTokens(string responseType)
    {
        await VerifyCS.VerifyAnalyzerAsync(OidcUsings + $$"""
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddOpenIdConnect(o =>
                    {
                        o.Authority = "https://login.example.com";
                        {|#0:o.ResponseType = "{{responseType}}"|};
                    });
                }
            }
            """, Oidc, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments($"OpenIdConnectOptions.ResponseType = \"{responseType}\"", "implicit grant"));
    }

    [Fact]
    public async Task Reports_OpenIdConnectResponseTypeConstant_AndObjectInitializer()
    {
        await VerifyCS.VerifyAnalyzerAsync(OidcUsings + """
            public static class Auth
            {
                public static OpenIdConnectOptions Create() => new OpenIdConnectOptions
                {
                    ClientId = "web",
                    [|ResponseType = OpenIdConnectResponseType.IdTokenToken|],
                };
            }
            """, Oidc, null);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("id_token")]
    [InlineData("code id_token")]
    public async Task NoDiagnostic_OpenIdConnectOptionsResponseType_NoAccessTokenFromAuthorizeEndpoint(string responseType)
    {
        await VerifyCS.VerifyAnalyzerAsync(OidcUsings + $$"""
            public static class Auth
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthentication().AddOpenIdConnect(o => o.ResponseType = "{{responseType}}");
            }
            """, Oidc, null);
    }

    [Fact]
    public async Task Reports_BlazorWebAssembly_ProviderOptionsResponseType()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Configure(WebAssemblyHostBuilder builder)
                {
                    builder.Services.AddOidcAuthentication(options =>
                    {
                        options.ProviderOptions.Authority = "https://login.example.com";
                        {|#0:options.ProviderOptions.ResponseType = "id_token token"|};
                    });
                }
            }
            """, Wasm, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("OidcProviderOptions.ResponseType = \"id_token token\"", "implicit grant"));
    }

    [Fact]
    public async Task NoDiagnostic_BlazorWebAssembly_ProviderOptionsResponseTypeCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Configure(WebAssemblyHostBuilder builder) =>
                    builder.Services.AddOidcAuthentication(options => options.ProviderOptions.ResponseType = "code");
            }
            """, Wasm, null);
    }

    [Fact]
    public async Task Reports_DuendeCreateAuthorizeUrl_TokenResponseType()
    {
        await VerifyCS.VerifyAnalyzerAsync(DuendeUsings + """
            public static class Login
            {
                public static string Url(string clientId) =>
                    new RequestUrl("https://login.example.com/connect/authorize")
                        .{|#0:CreateAuthorizeUrl(clientId, "id_token token", scope: "openid api", redirectUri: "https://app.example.com/cb", nonce: "n")|};
            }
            """, References.Duende, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateAuthorizeUrl(responseType: \"id_token token\")", "implicit grant"));
    }

    [Fact]
    public async Task Reports_HandBuiltAuthorizeUrl_Interpolated()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Login
            {
                public static string Url(string authority, string clientId, string redirect) =>
                    {|#0:$"{authority}/oauth2/authorize?client_id={clientId}&response_type=id_token%20token&redirect_uri={redirect}"|};
            }
            """, References.None, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("response_type=id_token+token", "implicit grant"));
    }

    [Fact]
    public async Task Reports_HandBuiltAuthorizeUrl_ConcatenatedConstants_Once()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Login
            {
                private const string Authorize = "https://login.example.com/authorize";

                public static string Url(string clientId) =>
                    [|Authorize + "?client_id=" + clientId + "&response_type=token"|];
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_HandBuiltAuthorizeUrl_CodeOrUnrelatedText()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Login
            {
                public static string Url(string clientId) =>
                    "https://login.example.com/authorize?response_type=code&client_id=" + clientId + "&code_challenge_method=S256&code_challenge=x";

                public const string Help = "Set response_type to the value your provider documents; the token endpoint returns the access token.";
                public const string Other = "token_type=Bearer&access_token_expires=3600";
            }
            """, References.None, null);
    }

    // ---------- password grant ----------

    [Theory]
    [InlineData("Duende.IdentityModel.Client", References.Duende)]
    [InlineData("IdentityModel.Client", References.LegacyIdentityModel)] // before the Duende rename
    public async Task Reports_DuendePasswordTokenRequest_InlineOnce(string library, References references)
    {
        await VerifyCS.VerifyAnalyzerAsync(DuendeUsings.Replace("Duende.IdentityModel.Client", library) + """
            public class Login
            {
                public Task<TokenResponse> SignIn(HttpClient http, string user, string password) =>
                    http.RequestPasswordTokenAsync({|#0:new PasswordTokenRequest|}
                    {
                        Address = "https://login.example.com/connect/token",
                        ClientId = "app",
                        UserName = user,
                        Password = password,
                    });
            }
            """, references, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PasswordTokenRequest", "password grant"));
    }

    [Theory]
    [InlineData("Duende.IdentityModel", References.Duende)]
    [InlineData("IdentityModel", References.LegacyIdentityModel)]
    public async Task Reports_GenericTokenRequest_WithPasswordGrantType(string library, References references)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Net.Http;
            using System.Threading.Tasks;
            using {{library}};
            using {{library}}.Client;

            public class Login
            {
                public Task<TokenResponse> SignIn(HttpClient http, string user, string password) =>
                    http.RequestTokenAsync(new TokenRequest
                    {
                        Address = "https://login.example.com/connect/token",
                        ClientId = "app",
                        {|#0:GrantType = OidcConstants.GrantTypes.Password|},
                        Parameters = { { "username", user }, { "password", password } },
                    });

                public Task<TokenResponse> Literal(HttpClient http, TokenRequest request)
                {
                    {|#1:request.GrantType = "password"|};
                    return http.RequestTokenAsync(request);
                }

                public Task<TokenResponse> Exchange(HttpClient http, string token) =>
                    http.RequestTokenAsync(new TokenRequest
                    {
                        Address = "https://login.example.com/connect/token",
                        ClientId = "app",
                        GrantType = OidcConstants.GrantTypes.TokenExchange,
                        Parameters = { { "subject_token", token } },
                    });

                public Task<TokenResponse> Custom(HttpClient http) =>
                    http.RequestTokenAsync(new TokenRequest { Address = "https://login.example.com/connect/token", GrantType = "custom" });
            }
            """, references, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenRequest.GrantType = \"password\"", "password grant"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("TokenRequest.GrantType = \"password\"", "password grant"));
    }

    [Fact]
    public async Task Reports_RequestPasswordTokenAsync_RequestFromParameter()
    {
        await VerifyCS.VerifyAnalyzerAsync(DuendeUsings + """
            public class Login
            {
                public Task<TokenResponse> SignIn(HttpClient http, PasswordTokenRequest request) =>
                    http.{|#0:RequestPasswordTokenAsync(request)|};
            }
            """, References.Duende, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("RequestPasswordTokenAsync", "password grant"));
    }

    [Fact]
    public async Task Reports_RequestPasswordTokenAsync_RequestInLocal_Once()
    {
        await VerifyCS.VerifyAnalyzerAsync(DuendeUsings + """
            public class Login
            {
                public async Task<TokenResponse> SignIn(HttpClient http, string user, string password)
                {
                    var request = [|new PasswordTokenRequest()|];
                    request.UserName = user;
                    request.Password = password;
                    return await http.RequestPasswordTokenAsync(request);
                }
            }
            """, References.Duende, null);
    }

    [Fact]
    public async Task Reports_TokenClientRequestPasswordTokenAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(DuendeUsings + """
            public class Login
            {
                public Task<TokenResponse> SignIn(TokenClient client, string user, string password) =>
                    client.{|#0:RequestPasswordTokenAsync(user, password)|};
            }
            """, References.Duende, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenClient.RequestPasswordTokenAsync", "password grant"));
    }

    [Fact]
    public async Task Reports_MsalAcquireTokenByUsernamePassword()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public class Login
            {
                public async Task<AuthenticationResult> SignIn(IPublicClientApplication app, string user, string password)
                {
            #pragma warning disable CS0618 // AcquireTokenByUsernamePassword is obsolete since MSAL 4.74
                    return await app.{|#0:AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|}.ExecuteAsync();
            #pragma warning restore CS0618
                }
            }
            """, References.Msal, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("AcquireTokenByUsernamePassword", "password grant"));
    }

    [Fact]
    public async Task Reports_FormPost_GrantTypePassword_AllShapes()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;

            public static class Forms
            {
                public static HttpContent Dictionary(string user, string password) =>
                    new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        [|["grant_type"] = "password"|],
                        ["username"] = user,
                        ["password"] = password,
                    });

                public static HttpContent CollectionInitializer(string user, string password) =>
                    new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        [|{ "grant_type", "password" }|],
                        { "username", user },
                    });

                public static HttpContent Pairs(string user) =>
                    new FormUrlEncodedContent(new[]
                    {
                        [|new KeyValuePair<string, string>("grant_type", "password")|],
                        new KeyValuePair<string, string>("username", user),
                    });

                public static HttpContent Body(string user, string password) =>
                    new StringContent([|$"grant_type=password&username={user}&password={password}"|]);
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_OtherGrantTypes()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;

            public static class Forms
            {
                public static HttpContent Code(string code, string verifier) =>
                    new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "authorization_code",
                        ["code"] = code,
                        ["code_verifier"] = verifier,
                    });

                public static HttpContent Refresh(string token) =>
                    new StringContent("grant_type=refresh_token&refresh_token=" + token);

                public static Dictionary<string, string> Labels() => new() { { "password", "Password" }, { "grant_type", "Grant type" } };
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypesWithTheSameNames()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace MyApp
            {
                public class OpenIdConnectOptions { public string? ResponseType { get; set; } }
                public class PasswordTokenRequest { public string? Password { get; set; } }
                public class Client { public void AcquireTokenByUsernamePassword(string user, string password) { } }

                public static class Use
                {
                    public static void Run()
                    {
                        var options = new OpenIdConnectOptions { ResponseType = "token" };
                        var request = new PasswordTokenRequest { Password = "x" };
                        new Client().AcquireTokenByUsernamePassword("u", "p");
                    }
                }
            }
            """, References.None, null);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            public static class Generated
            {
                public const string Url = [|"https://login.example.com/authorize?response_type=token&client_id=app"|];
            }
            """, References.None, null);
    }
}
