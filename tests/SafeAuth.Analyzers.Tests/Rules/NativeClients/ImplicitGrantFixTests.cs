using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.NativeClients.ImplicitOrPasswordGrantAnalyzer,
    SafeAuth.CodeFixes.Rules.NativeClients.ImplicitOrPasswordGrantCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

/// <summary>AUTH503's fix: an implicit ResponseType on OIDC options becomes "code"; password grants get none.</summary>
public class ImplicitGrantFixTests
{
    private const References Wasm = References.BlazorWebAssembly | References.WebAssemblyAuthentication;
    private const References Oidc = References.AspNetCore | References.OpenIdConnect;

    private const string WasmSetup = """
        using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Configure(WebAssemblyHostBuilder builder)
            {
                builder.Services.AddOidcAuthentication(options =>
                {
                    options.ProviderOptions.Authority = "https://login.example.com";
                    VALUE;
                });
            }
        }
        """;

    [Fact]
    public async Task BlazorWebAssembly_ImplicitResponseType_BecomesCode()
    {
        var test = new VerifyCS.Test(Wasm, null)
        {
            TestCode = WasmSetup.Replace("VALUE", "[|options.ProviderOptions.ResponseType = \"id_token token\"|]", StringComparison.Ordinal),
            FixedCode = WasmSetup.Replace("VALUE", "options.ProviderOptions.ResponseType = \"code\"", StringComparison.Ordinal),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OpenIdConnectOptions_FixAll_EveryImplicitResponseTypeBecomesCode()
    {
        const string setup = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;

            public static class Auth
            {
                private const string Implicit = "id_token token";

                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect("a", o => FIRST)
                        .AddOpenIdConnect("b", o => SECOND);
                }
            }
            """;
        var test = new VerifyCS.Test(Oidc, null)
        {
            TestCode = setup.Replace("FIRST", "[|o.ResponseType = \"token\"|]", StringComparison.Ordinal).Replace("SECOND", "[|o.ResponseType = Implicit|]", StringComparison.Ordinal),
            FixedCode = setup.Replace("FIRST", "o.ResponseType = \"code\"", StringComparison.Ordinal).Replace("SECOND", "o.ResponseType = \"code\"", StringComparison.Ordinal),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PasswordGrant_GetsNoFix()
    {
        const string source = """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Duende.IdentityModel.Client;

                public static class Login
                {
                    public static Task<TokenResponse> Run(HttpClient http, string user, string password) =>
                        http.RequestPasswordTokenAsync([|new PasswordTokenRequest|] { ClientId = "app", UserName = user, Password = password });
                }
                """;
        var test = new VerifyCS.Test(References.Duende, null) { TestCode = source, FixedCode = source };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }
}
