using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Secrets.HardCodedClientSecretAnalyzer,
    SafeAuth.CodeFixes.Rules.Secrets.HardCodedClientSecretCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

public class HardCodedClientSecretAnalyzerTests
{
    private const References Web = References.AspNetCore | References.OpenIdConnect;
    private const References All = Web | References.Msal | References.Duende | References.AzureIdentity;

    private const string Usings = """
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static DiagnosticResult Expected(int location, string member, string source) =>
        VerifyCS.Diagnostic().WithLocation(location).WithArguments(member, source);

    // ---------- positives ----------

    [Fact]
    public async Task Reports_OpenIdConnectAndOAuthOptions_InLambdas()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Authentication.OAuth;

            public static class Auth
            {
                private const string GitHubSecret = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e";

                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o =>
                        {
                            o.ClientId = "web";
                            o.ClientSecret = {|#0:"oidc-client-secret-value"|};
                        })
                        .AddOAuth("github", o =>
                        {
                            o.ClientId = "gh";
                            o.ClientSecret = {|#1:GitHubSecret|};
                        });
                }
            }
            """, Web, null,
            Expected(0, "OpenIdConnectOptions.ClientSecret", "a string literal"),
            Expected(1, "OAuthOptions.ClientSecret", "the constant 'Auth.GitHubSecret'"));
    }

    [Fact]
    public async Task Reports_MsalWithClientSecret()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.Identity.Client;

            public class Graph
            {
                public IConfidentialClientApplication Create() => ConfidentialClientApplicationBuilder
                    .Create("client-id")
                    .WithClientSecret({|#0:"abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c"|})
                    .Build();
            }
            """, All, null,
            Expected(0, "ConfidentialClientApplicationBuilder.WithClientSecret", "a string literal"));
    }

    [Fact]
    public async Task Reports_DuendeRequestsAndOidcClientOptions()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Duende.IdentityModel.Client;
            using Duende.IdentityModel.OidcClient;

            public class Tokens
            {
                private static readonly string Secret = "duende-client-secret";

                public ClientCredentialsTokenRequest ClientCredentials() => new()
                {
                    Address = "https://idp/connect/token",
                    ClientId = "api",
                    ClientSecret = {|#0:Secret|},
                };

                public AuthorizationCodeTokenRequest Code(string code)
                {
                    var request = new AuthorizationCodeTokenRequest { Code = code };
                    request.ClientSecret = {|#1:"code-flow-secret"|};
                    return request;
                }

                public OidcClientOptions Options() => new() { ClientId = "native", ClientSecret = {|#2:"secret"|} };
            }
            """, All, null,
            Expected(0, "ClientCredentialsTokenRequest.ClientSecret", "the field 'Tokens.Secret'"),
            Expected(1, "AuthorizationCodeTokenRequest.ClientSecret", "a string literal"),
            Expected(2, "OidcClientOptions.ClientSecret", "a string literal"));
    }

    /// <summary>The same requests and options in IdentityModel 6 and IdentityModel.OidcClient 5, before the Duende rename.</summary>
    [Fact]
    public async Task Reports_IdentityModelBeforeTheRename_RequestsAndOidcClientOptions()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using IdentityModel.Client;
            using IdentityModel.OidcClient;

            public class Tokens
            {
                public ClientCredentialsTokenRequest ClientCredentials() => new()
                {
                    Address = "https://idp/connect/token",
                    ClientId = "api",
                    ClientSecret = {|#0:"identitymodel-six-secret"|},
                };

                public OidcClientOptions Options() => new() { ClientId = "native", ClientSecret = {|#1:"secret"|} };
            }
            """, Web | References.LegacyIdentityModel, null,
            Expected(0, "ClientCredentialsTokenRequest.ClientSecret", "a string literal"),
            Expected(1, "OidcClientOptions.ClientSecret", "a string literal"));
    }

    [Fact]
    public async Task Reports_AzureClientSecretCredential_ThroughLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Azure.Identity;

            public class Vault
            {
                public ClientSecretCredential Credential()
                {
                    var secret = "azure-app-secret-" + "2024";
                    return new ClientSecretCredential("tenant", "client", {|#0:secret|});
                }
            }
            """, All, null,
            Expected(0, "new ClientSecretCredential", "a string literal"));
    }

    // ---------- negatives ----------

    [Fact]
    public async Task NoDiagnostic_ConfigurationEnvironmentAndPlaceholders()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Azure.Identity;
            using Microsoft.Identity.Client;

            public class Clients(IConfiguration configuration)
            {
                public void Configure(IServiceCollection services) =>
                    services.AddAuthentication().AddOpenIdConnect(o =>
                    {
                        o.ClientSecret = configuration["AzureAd:ClientSecret"];
                        o.ClientSecret = configuration.GetValue<string>("Oidc:Secret");
                        o.ClientSecret = "";
                        o.ClientSecret = "<client-secret>";
                        o.ClientSecret = "${CLIENT_SECRET}";
                        o.ClientSecret = "YOUR_CLIENT_SECRET";
                        o.ClientSecret = null;
                    });

                public IConfidentialClientApplication App(string secret) =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret).Build();

                public ClientSecretCredential Credential() =>
                    new("tenant", "client", Environment.GetEnvironmentVariable("AZURE_CLIENT_SECRET"));
            }
            """, All, null);
    }

    [Fact]
    public async Task NoDiagnostic_LookAlikeOptionsOfOwnTypes()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class PartnerOptions
            {
                public string ClientSecret { get; set; } = "";
                public string AppSecret { get; set; } = "";
            }

            public class C
            {
                public PartnerOptions Options() => new() { ClientSecret = "not-an-oauth-client", AppSecret = "x" };
            }
            """, All, null);
    }

    [Fact]
    public async Task NoDiagnostic_TestProjectByDefault_ReportsWhenOptedIn()
    {
        const string source = """
            using Duende.IdentityModel.OidcClient;
            public class C
            {
                public OidcClientOptions Options() => new() { ClientSecret = {|#0:"test-secret"|} };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", "").Replace("|}", ""), All, "build_property.IsTestProject = true");
        await VerifyCS.VerifyAnalyzerAsync(source, All, "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            Expected(0, "OidcClientOptions.ClientSecret", "a string literal"));
    }

    // ---------- fixes ----------

    /// <summary>The secret is the fallback of a setting the app already reads: that setting stays, the fallback goes.</summary>
    [Fact]
    public async Task Fix_ConfigurationFallback_KeepsTheSettingTheAppReads()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class Auth
            {
                public static void Add(WebApplicationBuilder builder) =>
                    builder.Services.AddAuthentication().AddOpenIdConnect(o => o.ClientSecret = [|builder.Configuration["Oidc:ClientSecret"] ?? "oidc-client-secret-value"|]);
            }
            """, Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class Auth
            {
                public static void Add(WebApplicationBuilder builder) =>
                    builder.Services.AddAuthentication().AddOpenIdConnect(o => o.ClientSecret = builder.Configuration["Oidc:ClientSecret"] ?? throw new InvalidOperationException("Oidc:ClientSecret is not configured"));
            }
            """, Web);
    }

    [Fact]
    public async Task Fix_BuilderConfigurationInScope_ReadsTheSetting()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class Auth
            {
                public static void Add(WebApplicationBuilder builder) =>
                    builder.Services.AddAuthentication().AddOpenIdConnect(o => o.ClientSecret = [|"oidc-client-secret-value"|]);
            }
            """, Usings + """
            using Microsoft.AspNetCore.Builder;

            public static class Auth
            {
                public static void Add(WebApplicationBuilder builder) =>
                    builder.Services.AddAuthentication().AddOpenIdConnect(o => o.ClientSecret = builder.Configuration["Authentication:OpenIdConnect:ClientSecret"] ?? throw new InvalidOperationException("Authentication:OpenIdConnect:ClientSecret is not configured"));
            }
            """, Web);
    }

    [Fact]
    public async Task Fix_ConfigurationInScope_WithSafeAuthClientSecretLoader()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using Microsoft.Identity.Client;

            public class Graph(IConfiguration configuration)
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret([|"abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c"|]).Build();
            }
            """, Usings + """
            using Microsoft.Identity.Client;
            using SafeAuth.Secrets;

            public class Graph(IConfiguration configuration)
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecretLoader.FromConfiguration(configuration, "Authentication:Graph:ClientSecret")).Build();
            }
            """, All | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Fix_FixAll_EnvironmentLoader_WhenNoConfiguration()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using Azure.Identity;
            using Duende.IdentityModel.OidcClient;

            public static class Clients
            {
                public static ClientSecretCredential Credential() => new("tenant", "client", [|"azure-app-secret-2024"|]);
                public static OidcClientOptions Options() => new() { ClientSecret = [|"native-secret"|] };
            }
            """, Usings + """
            using Azure.Identity;
            using Duende.IdentityModel.OidcClient;
            using SafeAuth.Secrets;

            public static class Clients
            {
                public static ClientSecretCredential Credential() => new("tenant", "client", ClientSecretLoader.FromEnvironment("AUTHENTICATION_CLIENTS_CLIENT_SECRET"));
                public static OidcClientOptions Options() => new() { ClientSecret = ClientSecretLoader.FromEnvironment("AUTHENTICATION_OIDC_CLIENT_CLIENT_SECRET") };
            }
            """, All | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Fix_NeverUsesATopLevelLocalOfAnotherFile()
    {
        const string program = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """;
        var test = new VerifyCS.Test(Web | References.Msal | References.SafeAuthRuntime, null)
        {
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    ("/Program.cs", program),
                    ("/Partner.cs", Usings + """
                        using Microsoft.Identity.Client;

                        public static class Partner
                        {
                            public static IConfidentialClientApplication Create() =>
                                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret([|"partner-client-secret-value"|]).Build();
                        }
                        """),
                },
            },
        };

        // No configuration is in scope in Partner.cs: `builder` belongs to Program.cs (CS8801 anywhere else), so the
        // secret is loaded from the environment.
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", program));
        test.FixedState.Sources.Add(("/Partner.cs", Usings + """
            using Microsoft.Identity.Client;
            using SafeAuth.Secrets;

            public static class Partner
            {
                public static IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecretLoader.FromEnvironment("AUTHENTICATION_PARTNER_CLIENT_SECRET")).Build();
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("build_property.SafeAuthProjectKind = native")]
    [InlineData("build_property.SafeAuthProjectKind = browser")]
    public async Task Fix_NotOffered_InClientApps_WhereTheSecretShipsToEveryUser(string kind)
    {
        // AUTH501's fix (a public client) is the fix there; moving the secret to the device's configuration hides nothing.
        const string source = Usings + """
            using Microsoft.Identity.Client;

            public class Graph(IConfiguration configuration)
            {
                public IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret([|"abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c"|]).Build();
            }
            """;
        var test = new VerifyCS.Test(References.AspNetCore | References.Msal | References.SafeAuthRuntime, kind) { TestCode = source, FixedCode = source };
        await test.RunAsync(CancellationToken.None);
    }
}
