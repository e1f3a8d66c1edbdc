using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>
/// The storage fix moves the key's whole lifecycle: its reads and removals in the same type follow the write, a
/// sign-out that writes "" becomes a removal, the store's registration is added where the app is composed, and a
/// primary-constructor IJSRuntime nothing reads any more is dropped.
/// </summary>
public class TokenStorageLifecycleFixTests
{
    private const References WithRuntime = Verify.Client | References.SafeAuthRuntime;

    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.JSInterop;
        using SafeAuth.Browser;

        """;

    [Fact]
    public async Task ReadsAndRemovalsOfTheSameKey_MoveWithTheWrite_OtherKeysStay()
    {
        await Verify.VerifyFixAsync(Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string token) => await [|_js.InvokeVoidAsync("localStorage.setItem", "authToken", token)|];

                public async Task<string?> ReadAsync() => await _js.InvokeAsync<string>("localStorage.getItem", "authToken");

                public async Task<string?> ThemeAsync() => await _js.InvokeAsync<string>("localStorage.getItem", "theme");

                public async Task<string?> SessionCopyAsync() => await _js.InvokeAsync<string>("sessionStorage.getItem", "authToken");

                public async Task SignOutAsync()
                {
                    await _js.InvokeVoidAsync("localStorage.removeItem", "authToken");
                    await _js.InvokeVoidAsync("localStorage.removeItem", "theme");
                }
            }
            """, Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string token) => await _tokens.SetAsync("authToken", token);

                public async Task<string?> ReadAsync() => await _tokens.GetAsync("authToken");

                public async Task<string?> ThemeAsync() => await _js.InvokeAsync<string>("localStorage.getItem", "theme");

                public async Task<string?> SessionCopyAsync() => await _js.InvokeAsync<string>("sessionStorage.getItem", "authToken");

                public async Task SignOutAsync()
                {
                    await _tokens.RemoveAsync("authToken");
                    await _js.InvokeVoidAsync("localStorage.removeItem", "theme");
                }
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task ClearingWrite_BecomesARemoval()
    {
        await Verify.VerifyFixAsync(Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string accessToken) => await [|_js.InvokeVoidAsync("localStorage.setItem", "access_token", accessToken)|];

                public async Task SignOutAsync()
                {
                    await [|_js.InvokeVoidAsync("localStorage.setItem", "access_token", string.Empty)|];
                }
            }
            """, Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string accessToken) => await _tokens.SetAsync("access_token", accessToken);

                public async Task SignOutAsync()
                {
                    await _tokens.RemoveAsync("access_token");
                }
            }
            """, WithRuntime);
    }

    private const string Program = """
        using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

        var builder = WebAssemblyHostBuilder.CreateDefault(args);

        await builder.Build().RunAsync();
        """;

    [Fact]
    public async Task TheStoreRegistration_IsAddedToTheCompositionRoot_Once()
    {
        const string service = Usings + """
            public sealed class Session(IJSRuntime js)
            {
                public async Task SaveAsync(string accessToken, string idToken)
                {
                    await WRITE1;
                    await WRITE2;
                }
            }
            """;
        var test = new VerifyCS.Test(WithRuntime | References.BlazorWebAssembly, null);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/Program.cs", Program));
        test.TestState.Sources.Add(("/Session.cs", service
            .Replace("WRITE1", "[|js.InvokeVoidAsync(\"localStorage.setItem\", \"access_token\", accessToken)|]", StringComparison.Ordinal)
            .Replace("WRITE2", "[|js.InvokeVoidAsync(\"localStorage.setItem\", \"id_token\", idToken)|]", StringComparison.Ordinal)));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("/Program.cs", """
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using SafeAuth.Browser;

            var builder = WebAssemblyHostBuilder.CreateDefault(args);
            builder.Services.AddInMemoryTokenStore();

            await builder.Build().RunAsync();
            """));
        test.FixedState.Sources.Add(("/Session.cs", service
            .Replace("(IJSRuntime js)", "(ITokenStore tokenStore)", StringComparison.Ordinal)
            .Replace("WRITE1", "tokenStore.SetAsync(\"access_token\", accessToken)", StringComparison.Ordinal)
            .Replace("WRITE2", "tokenStore.SetAsync(\"id_token\", idToken)", StringComparison.Ordinal)));
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Title_SaysWhatIsAdded_OrWhatToRegister()
    {
        const string service = Usings + """
            public sealed class Session(IJSRuntime js)
            {
                public async Task SaveAsync(string accessToken) => await js.InvokeVoidAsync("localStorage.setItem", "access_token", accessToken);
            }
            """;
        var analyzer = new Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer();
        var provider = new CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider();
        var withRoot = await CodeFixTitles.ForAsync(analyzer, provider, new[] { ("/Program.cs", Program), ("/Session.cs", service) },
            WithRuntime | References.BlazorWebAssembly, OutputKind.ConsoleApplication);
        Assert.Equal("Keep the token in memory with a SafeAuth ITokenStore passed to the constructor (adds services.AddInMemoryTokenStore())", Assert.Single(withRoot));

        var library = await CodeFixTitles.ForAsync(analyzer, provider, new[] { ("/Session.cs", service) },
            WithRuntime | References.BlazorWebAssembly, OutputKind.DynamicallyLinkedLibrary);
        Assert.Equal("Keep the token in memory with a SafeAuth ITokenStore passed to the constructor (register services.AddInMemoryTokenStore() at startup)", Assert.Single(library));
    }

    [Fact]
    public async Task ExpressionBodiedConstructor_GetsTheStoreParameter()
    {
        await Verify.VerifyFixAsync(Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                public AuthService(IJSRuntime js) => _js = js;

                public async Task SaveAsync(string token) => await [|_js.InvokeVoidAsync("localStorage.setItem", "authToken", token)|];
            }
            """, Usings + """
            public class AuthService
            {
                private readonly ITokenStore _tokenStore;
                private readonly IJSRuntime _js;
                public AuthService(IJSRuntime js, ITokenStore tokenStore)
                {
                    _tokenStore = tokenStore;
                    _js = js;
                }

                public async Task SaveAsync(string token) => await _tokenStore.SetAsync("authToken", token);
            }
            """, WithRuntime);
    }
}
