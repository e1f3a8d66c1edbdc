using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.NativeClients.ClientSecretInNativeAppAnalyzer,
    SafeAuth.CodeFixes.Rules.NativeClients.ClientSecretInNativeAppCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

public class ClientSecretInNativeAppAnalyzerTests
{
    private const string Wpf = "build_property.UseWPF = true";

    private const string MsalApp = """
        using Microsoft.Identity.Client;

        public static class Auth
        {
            public static IConfidentialClientApplication Create(string secret) =>
                ConfidentialClientApplicationBuilder.Create("client-id")
                    .{|#0:WithClientSecret(secret)|}
                    .Build();
        }
        """;

    private static async Task Verify(string source, References references, string? globalConfig, MetadataReference[]? extra, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(references, globalConfig) { TestCode = source };
        if (extra is not null)
        {
            test.TestState.AdditionalReferences.AddRange(extra);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static async Task VerifyFix(string source, string fixedSource, References references, string? key = null)
    {
        var test = new VerifyCS.Test(references, Wpf) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        await test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Expected(string member, string kind = "native") =>
        VerifyCS.Diagnostic().WithLocation(0).WithArguments(member, kind);

    // ---------- project-kind signals ----------

    [Theory]
    [InlineData("build_property.UseMaui = true")]
    [InlineData("build_property.UseWPF = true")]
    [InlineData("build_property.UseWindowsForms = True")]
    [InlineData("build_property.UseWinUI = true")]
    [InlineData("build_property.SafeAuthProjectKind = native")]
    public async Task Reports_NativeApp_FromMSBuildProperty(string globalConfig)
    {
        await Verify(MsalApp, References.Msal, globalConfig, null, Expected("WithClientSecret"));
    }

    [Fact]
    public async Task Reports_BrowserApp_FromSafeAuthProjectKind()
    {
        await Verify(MsalApp, References.Msal, "build_property.SafeAuthProjectKind = browser", null, Expected("WithClientSecret", "browser"));
    }

    [Fact]
    public async Task Reports_BrowserApp_FromBlazorWebAssemblyReference()
    {
        await Verify(MsalApp, References.Msal | References.BlazorWebAssembly, null, null, Expected("WithClientSecret", "browser"));
    }

    [Fact]
    public async Task Reports_BrowserApp_FromBlazorWebAssemblySdkProperty()
    {
        await Verify(MsalApp, References.Msal, "build_property.UsingMicrosoftNETSdkBlazorWebAssembly = true", null, Expected("WithClientSecret", "browser"));
    }

    public static TheoryData<string> StubFrameworks => new() { "WPF", "WinForms", "MAUI", "WinUI", "Xamarin.Forms", "Uno" };

    [Theory]
    [MemberData(nameof(StubFrameworks))]
    public async Task Reports_NativeApp_FromUIFrameworkReference(string framework)
    {
        var reference = framework switch
        {
            "WPF" => StubAssemblies.Wpf,
            "WinForms" => StubAssemblies.WinForms,
            "MAUI" => StubAssemblies.Maui,
            "WinUI" => StubAssemblies.WinUI,
            "Xamarin.Forms" => StubAssemblies.XamarinForms,
            _ => StubAssemblies.Uno,
        };
        await Verify(MsalApp, References.Msal, null, new[] { reference }, Expected("WithClientSecret"));
    }

    [Fact]
    public async Task Reports_NativeApp_FromAvaloniaReference()
    {
        await Verify(MsalApp, References.Msal | References.Avalonia, null, null, Expected("WithClientSecret"));
    }

    [Fact]
    public async Task NoDiagnostic_SharedLibrary_NoSignal()
    {
        await Verify(MsalApp.Replace("{|#0:", "").Replace("|}", ""), References.Msal, null, null);
    }

    [Fact]
    public async Task NoDiagnostic_ConsoleDaemon_OutputTypeExeAlone()
    {
        await Verify(MsalApp.Replace("{|#0:", "").Replace("|}", ""), References.Msal, "build_property.OutputType = Exe", null);
    }

    [Fact]
    public async Task NoDiagnostic_Server_AspNetCoreReferenceOrWebSdk()
    {
        var source = MsalApp.Replace("{|#0:", "").Replace("|}", "");
        await Verify(source, References.Msal | References.AspNetCore, null, null);
        await Verify(source, References.Msal, "build_property.UsingMicrosoftNETSdkWeb = true", null);
    }

    [Fact]
    public async Task NoDiagnostic_SafeAuthProjectKindServer_OverridesUIReference()
    {
        await Verify(MsalApp.Replace("{|#0:", "").Replace("|}", ""), References.Msal, "build_property.SafeAuthProjectKind = server", new[] { StubAssemblies.Wpf });
    }

    [Fact]
    public async Task NoDiagnostic_TestProject_UnlessEnabled()
    {
        await Verify(MsalApp.Replace("{|#0:", "").Replace("|}", ""), References.Msal, Wpf + "\nbuild_property.IsTestProject = true", null);
        await Verify(MsalApp, References.Msal, Wpf + "\nbuild_property.IsTestProject = true\nsafeauth.analyze_test_projects = true", null, Expected("WithClientSecret"));
    }

    // ---------- API shapes ----------

    [Fact]
    public async Task Reports_MsalWithCertificateAndClientAssertion()
    {
        await Verify("""
            using System.Security.Cryptography.X509Certificates;
            using Microsoft.Identity.Client;

            public static class Auth
            {
                public static IConfidentialClientApplication WithCert(X509Certificate2 certificate) =>
                    ConfidentialClientApplicationBuilder.Create("client-id").{|#0:WithCertificate(certificate)|}.Build();

                public static IConfidentialClientApplication WithAssertion(string assertion) =>
                    ConfidentialClientApplicationBuilder.Create("client-id").{|#1:WithClientAssertion(assertion)|}.Build();
            }
            """, References.Msal, Wpf, null,
            Expected("WithCertificate"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("WithClientAssertion", "native"));
    }

    [Fact]
    public async Task Reports_MsalConfidentialBuilderWithoutCredentialInChain_OnCreate()
    {
        await Verify("""
            using Microsoft.Identity.Client;

            public static class Auth
            {
                public static ConfidentialClientApplicationBuilder Builder() =>
                    ConfidentialClientApplicationBuilder.{|#0:Create("client-id")|}.WithTenantId("contoso");
            }
            """, References.Msal, Wpf, null, Expected("ConfidentialClientApplicationBuilder.Create"));
    }

    [Fact]
    public async Task Reports_OidcClientOptionsClientSecret_InitializerAndStatement()
    {
        await Verify("""
            using Duende.IdentityModel.OidcClient;

            public static class Auth
            {
                public static OidcClientOptions Options(string secret)
                {
                    var options = new OidcClientOptions
                    {
                        Authority = "https://login.example.com",
                        ClientId = "desktop",
                        {|#0:ClientSecret = "shipped-with-the-app"|},
                    };
                    [|options.ClientSecret = secret|];
                    return options;
                }
            }
            """, References.Duende, Wpf, null, Expected("OidcClientOptions.ClientSecret"));
    }

    /// <summary>A MAUI or WPF app on IdentityModel.OidcClient 5 (before the Duende rename) is the same misuse.</summary>
    [Fact]
    public async Task Reports_OidcClientOptionsClientSecret_IdentityModelBeforeTheRename()
    {
        await Verify("""
            using IdentityModel.OidcClient;

            public static class Auth
            {
                public static OidcClient Create(string secret) => new(new OidcClientOptions
                {
                    Authority = "https://login.example.com",
                    ClientId = "maui",
                    {|#0:ClientSecret = secret|},
                    RedirectUri = "myapp://callback",
                });

                public static OidcClient Public() => new(new OidcClientOptions { Authority = "https://login.example.com", ClientId = "maui" });
            }
            """, References.LegacyIdentityModel, "build_property.UseMaui = true", null, Expected("OidcClientOptions.ClientSecret"));
    }

    [Fact]
    public async Task Reports_DuendeTokenRequests()
    {
        await Verify("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Duende.IdentityModel.Client;

            public class Api
            {
                public Task<TokenResponse> Machine(HttpClient http) =>
                    http.RequestClientCredentialsTokenAsync({|#0:new ClientCredentialsTokenRequest|}
                    {
                        Address = "https://login.example.com/connect/token",
                        ClientId = "desktop",
                        ClientSecret = "secret",
                    });

                public Task<TokenResponse> Code(HttpClient http, string code, string verifier) =>
                    http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
                    {
                        Code = code,
                        CodeVerifier = verifier,
                        {|#1:ClientSecret = "secret"|},
                    });

                public TokenClient Client(HttpClient http) =>
                    new TokenClient(http, new TokenClientOptions { ClientId = "desktop", {|#2:ClientSecret = "secret"|} });
            }
            """, References.Duende, Wpf, null,
            Expected("ClientCredentialsTokenRequest"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("AuthorizationCodeTokenRequest.ClientSecret", "native"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("TokenClientOptions.ClientSecret", "native"));
    }

    [Fact]
    public async Task Reports_AzureClientSecretCredential()
    {
        await Verify("""
            using Azure.Identity;

            public static class Auth
            {
                public static ClientSecretCredential Credential(string secret) =>
                    {|#0:new ClientSecretCredential("tenant", "client", secret)|};
            }
            """, References.AzureIdentity, Wpf, null, Expected("ClientSecretCredential"));
    }

    [Fact]
    public async Task Reports_SecretFollowedFromAppConstantThroughViewModelIntoService()
    {
        await Verify("""
            using Duende.IdentityModel.OidcClient;

            public partial class App
            {
                public const string ClientSecret = "baked-into-the-installer";

                public MainViewModel CreateMainViewModel() => new MainViewModel(ClientSecret);
            }

            public class MainViewModel
            {
                private readonly LoginService _login;

                public MainViewModel(string secret) => _login = new LoginService(secret);
            }

            public class LoginService
            {
                private readonly string _secret;

                public LoginService(string secret) => _secret = secret;

                public OidcClient CreateClient() => new OidcClient(new OidcClientOptions
                {
                    Authority = "https://login.example.com",
                    ClientId = "desktop",
                    {|#0:ClientSecret = _secret|},
                });
            }
            """, References.Duende, Wpf, null, Expected("OidcClientOptions.ClientSecret"));
    }

    [Fact]
    public async Task NoDiagnostic_PublicClientsAndEmptySecrets()
    {
        await Verify("""
            using Duende.IdentityModel.OidcClient;
            using Microsoft.Identity.Client;

            public static class Auth
            {
                public static IPublicClientApplication Msal() =>
                    PublicClientApplicationBuilder.Create("client-id").WithRedirectUri("http://localhost").Build();

                public static OidcClientOptions Oidc() => new OidcClientOptions
                {
                    Authority = "https://login.example.com",
                    ClientId = "desktop",
                    ClientSecret = null,
                };

                public static void Clear(OidcClientOptions options) => options.ClientSecret = "";
            }
            """, References.Duende | References.Msal, Wpf, null);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypesWithTheSameNames()
    {
        await Verify("""
            namespace MyApp
            {
                public class ConfidentialClientApplicationBuilder
                {
                    public static ConfidentialClientApplicationBuilder Create(string id) => new();
                    public ConfidentialClientApplicationBuilder WithClientSecret(string s) => this;
                }

                public class OidcClientOptions { public string? ClientSecret { get; set; } }

                public static class Use
                {
                    public static void Run()
                    {
                        ConfidentialClientApplicationBuilder.Create("id").WithClientSecret("s");
                        var o = new OidcClientOptions { ClientSecret = "s" };
                    }
                }
            }
            """, References.Duende | References.Msal, Wpf, null);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await Verify("""
            // <auto-generated/>
            using Duende.IdentityModel.OidcClient;

            public static class GeneratedSettings
            {
                public static OidcClientOptions Options() => new OidcClientOptions { ClientId = "desktop", [|ClientSecret = "from-the-designer"|] };
            }
            """, References.Duende, Wpf, null);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_MsalConfidentialChain_BecomesPublicClient()
    {
        await VerifyFix("""
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public class SignIn
            {
                private const string ClientSecret = "shipped";

                public async Task<AuthenticationResult?> Silent(string[] scopes)
                {
                    var app = ConfidentialClientApplicationBuilder.Create("client-id")
                        .WithTenantId("contoso")
                        .[|WithClientSecret(ClientSecret)|]
                        .Build();
                    var accounts = await app.GetAccountsAsync();
                    return null;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public class SignIn
            {
                private const string ClientSecret = "shipped";

                public async Task<AuthenticationResult?> Silent(string[] scopes)
                {
                    var app = PublicClientApplicationBuilder.Create("client-id")
                        .WithDefaultRedirectUri()
                        .WithTenantId("contoso")
                        .Build();
                    var accounts = await app.GetAccountsAsync();
                    return null;
                }
            }
            """, References.Msal, "AUTH501.PublicClient");
    }

    [Fact]
    public async Task Fix_MsalConfidentialChains_FixAll()
    {
        await VerifyFix("""
            using Microsoft.Identity.Client;

            public static class Clients
            {
                public static void Create(string secret)
                {
                    ConfidentialClientApplicationBuilder.Create("a").[|WithClientSecret(secret)|].Build();
                    var builder = ConfidentialClientApplicationBuilder.[|Create("b")|].WithAuthority("https://login.example.com/contoso");
                    var app = builder.Build();
                }
            }
            """, """
            using Microsoft.Identity.Client;

            public static class Clients
            {
                public static void Create(string secret)
                {
                    PublicClientApplicationBuilder.Create("a").WithDefaultRedirectUri().Build();
                    var builder = PublicClientApplicationBuilder.Create("b").WithDefaultRedirectUri().WithAuthority("https://login.example.com/contoso");
                    var app = builder.Build();
                }
            }
            """, References.Msal, "AUTH501.PublicClient");
    }

    [Fact]
    public async Task Fix_MsalNotOffered_WhenTheAppIsUsedAsAConfidentialClient()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public class Daemonish
            {
                public async Task<AuthenticationResult> Token(string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create("client-id").[|WithClientSecret(secret)|].Build();
                    return await app.AcquireTokenForClient(new[] { "api/.default" }).ExecuteAsync();
                }

                public IConfidentialClientApplication Typed(string secret)
                {
                    IConfidentialClientApplication app = ConfidentialClientApplicationBuilder.Create("client-id").[|WithClientSecret(secret)|].Build();
                    return app;
                }
            }
            """;
        await VerifyFix(source, source, References.Msal);
    }

    [Theory]
    [InlineData("Duende.IdentityModel", References.Duende)]
    [InlineData("IdentityModel", References.LegacyIdentityModel)]
    public async Task Fix_OidcClientSecretRemoved_FixAll(string library, References references)
    {
        await VerifyFix("""
            using Duende.IdentityModel.OidcClient;

            public static class Auth
            {
                public static OidcClientOptions Options(string secret)
                {
                    var options = new OidcClientOptions
                    {
                        Authority = "https://login.example.com",
                        [|ClientSecret = "shipped-with-the-app"|],
                        ClientId = "desktop",
                    };
                    [|options.ClientSecret = secret|];
                    return options;
                }

                public static OidcClientOptions Inline() => new OidcClientOptions { ClientId = "desktop", [|ClientSecret = "x"|] };
            }
            """.Replace("Duende.IdentityModel", library), """
            using Duende.IdentityModel.OidcClient;

            public static class Auth
            {
                public static OidcClientOptions Options(string secret)
                {
                    var options = new OidcClientOptions
                    {
                        Authority = "https://login.example.com",
                        ClientId = "desktop",
                    };
                    return options;
                }

                public static OidcClientOptions Inline() => new OidcClientOptions { ClientId = "desktop" };
            }
            """.Replace("Duende.IdentityModel", library), references, "AUTH501.RemoveClientSecret");
    }

    [Fact]
    public async Task Fix_MsalKeepsThePlatformRedirectTheAppSets()
    {
        // A MAUI app's msal{clientId}://auth redirect is what its platform registration expects: it stays.
        await VerifyFix("""
            using Microsoft.Identity.Client;

            public static class Clients
            {
                public static void Create(string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create("client-id").WithRedirectUri("msalclient-id://auth").[|WithClientSecret(secret)|].Build();
                    _ = app.GetAccountsAsync();
                }
            }
            """, """
            using Microsoft.Identity.Client;

            public static class Clients
            {
                public static void Create(string secret)
                {
                    var app = PublicClientApplicationBuilder.Create("client-id").WithRedirectUri("msalclient-id://auth").Build();
                    _ = app.GetAccountsAsync();
                }
            }
            """, References.Msal, "AUTH501.PublicClient");
    }
}
