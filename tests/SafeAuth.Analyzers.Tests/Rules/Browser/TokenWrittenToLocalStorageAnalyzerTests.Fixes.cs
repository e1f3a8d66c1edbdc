using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

// The code fix, before and after, with Fix All.
public partial class TokenWrittenToLocalStorageAnalyzerTests
{
    private const References WithRuntime = Verify.Client | References.SafeAuthRuntime;
    private const References ComponentWithRuntime = WithRuntime | References.BlazorWebAssembly;

    [Fact]
    public async Task Fix_UsesTokenStoreInScope()
    {
        await Verify.VerifyFixAsync(Usings + """
            using SafeAuth.Browser;

            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string value)
                {
                    await [|_js.InvokeVoidAsync("localStorage.setItem", "authToken", value)|];
                }
            }
            """, Usings + """
            using SafeAuth.Browser;

            public class AuthService
            {
                private readonly IJSRuntime _js;
                private readonly ITokenStore _tokens;
                public AuthService(IJSRuntime js, ITokenStore tokens) { _js = js; _tokens = tokens; }

                public async Task SaveAsync(string value)
                {
                    await _tokens.SetAsync("authToken", value);
                }
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_InjectsIntoComponent_AndFixAllReusesTheProperty()
    {
        await Verify.VerifyFixAsync(Usings + """
            using Microsoft.AspNetCore.Components;

            public partial class Login : ComponentBase
            {
                [Inject] public IJSRuntime JS { get; set; } = default!;

                private async Task OnSignedInAsync(string accessToken, string refreshToken)
                {
                    await [|JS.InvokeVoidAsync("localStorage.setItem", "access_token", accessToken)|];
                    await [|JS.InvokeVoidAsync("localStorage.setItem", "refresh_token", refreshToken)|];
                }
            }
            """, Usings + """
            using Microsoft.AspNetCore.Components;
            using SafeAuth.Browser;

            public partial class Login : ComponentBase
            {
                [Inject]
                public ITokenStore TokenStore { get; set; } = default!;
                [Inject] public IJSRuntime JS { get; set; } = default!;

                private async Task OnSignedInAsync(string accessToken, string refreshToken)
                {
                    await TokenStore.SetAsync("access_token", accessToken);
                    await TokenStore.SetAsync("refresh_token", refreshToken);
                }
            }
            """, ComponentWithRuntime);
    }

    [Fact]
    public async Task Fix_ExtendsTheConstructor_OfAPlainClass()
    {
        await Verify.VerifyFixAsync(Usings + """

            public class AuthService
            {
                private readonly IJSRuntime _js;

                public AuthService(IJSRuntime js, int retries = 3)
                {
                    _js = js;
                }

                public ValueTask SaveAsync(string token) => [|_js.InvokeVoidAsync("localStorage.setItem", "k", token)|];
            }
            """, Usings + """
            using SafeAuth.Browser;

            public class AuthService
            {
                private readonly ITokenStore _tokenStore;
                private readonly IJSRuntime _js;

                public AuthService(IJSRuntime js, ITokenStore tokenStore, int retries = 3)
                {
                    _tokenStore = tokenStore;
                    _js = js;
                }

                public ValueTask SaveAsync(string token) => _tokenStore.SetAsync("k", token);
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_AddsAConstructor_WhenTheClassHasNone_FixAllInjectsOnce()
    {
        await Verify.VerifyFixAsync(Usings + """

            public class TokenCache
            {
                public void Save(IJSInProcessRuntime js, string jwt, string refreshToken)
                {
                    [|js.InvokeVoid("localStorage.setItem", "jwt", jwt)|];
                    [|js.InvokeVoid("localStorage.setItem", "refresh", refreshToken)|];
                }
            }
            """, Usings + """
            using SafeAuth.Browser;

            public class TokenCache
            {
                private readonly ITokenStore _tokenStore;

                public TokenCache(ITokenStore tokenStore)
                {
                    _tokenStore = tokenStore;
                }

                public void Save(IJSInProcessRuntime js, string jwt, string refreshToken)
                {
                    _tokenStore.Set("jwt", jwt);
                    _tokenStore.Set("refresh", refreshToken);
                }
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_AddsAPrimaryConstructorParameter()
    {
        await Verify.VerifyFixAsync(Usings + """

            public class AuthService(IJSRuntime js)
            {
                public async Task SaveAsync(string idToken) =>
                    await [|js.InvokeAsync<object>("localStorage.setItem", "id", idToken)|];
            }
            """, Usings + """
            using SafeAuth.Browser;

            public class AuthService(ITokenStore tokenStore)
            {
                public async Task SaveAsync(string idToken) =>
                    await tokenStore.SetAsync("id", idToken);
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_Blazored_KeepsTheCancellationToken()
    {
        await Verify.VerifyFixAsync(Usings + """
            using Blazored.LocalStorage;
            using SafeAuth.Browser;

            public class AuthService
            {
                public async Task SaveAsync(ILocalStorageService storage, ITokenStore store, string token, CancellationToken cancellationToken)
                {
                    await [|storage.SetItemAsStringAsync("token", token, cancellationToken)|];
                    await [|storage.SetItemAsync("token", token)|].ConfigureAwait(false);
                }
            }
            """, Usings + """
            using Blazored.LocalStorage;
            using SafeAuth.Browser;

            public class AuthService
            {
                public async Task SaveAsync(ILocalStorageService storage, ITokenStore store, string token, CancellationToken cancellationToken)
                {
                    await store.SetAsync("token", token, cancellationToken);
                    await store.SetAsync("token", token).ConfigureAwait(false);
                }
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_JSImport_InInstanceMethod_UsesSet()
    {
        await Verify.VerifyFixAsync(Usings + """
            using System.Runtime.InteropServices.JavaScript;
            using System.Runtime.Versioning;
            using SafeAuth.Browser;

            [SupportedOSPlatform("browser")]
            public static partial class Storage
            {
                [JSImport("globalThis.localStorage.setItem")]
                public static partial void SetItem(string key, string value);
                public static partial void SetItem(string key, string value) { }
            }

            [SupportedOSPlatform("browser")]
            public class AuthService(ITokenStore store)
            {
                public void Save(string token) => [|Storage.SetItem("k", token)|];
            }
            """, Usings + """
            using System.Runtime.InteropServices.JavaScript;
            using System.Runtime.Versioning;
            using SafeAuth.Browser;

            [SupportedOSPlatform("browser")]
            public static partial class Storage
            {
                [JSImport("globalThis.localStorage.setItem")]
                public static partial void SetItem(string key, string value);
                public static partial void SetItem(string key, string value) { }
            }

            [SupportedOSPlatform("browser")]
            public class AuthService(ITokenStore store)
            {
                public void Save(string token) => store.Set("k", token);
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_SetValueAsync_UsesThePropertyNameAsKey()
    {
        await Verify.VerifyFixAsync(Usings + """
            using SafeAuth.Browser;

            public class AuthService(IJSRuntime js, ITokenStore store)
            {
                public ValueTask SaveAsync(string v) => [|js.SetValueAsync("localStorage.accessToken", v)|];
            }
            """, Usings + """
            using SafeAuth.Browser;

            public class AuthService(ITokenStore store)
            {
                public ValueTask SaveAsync(string v) => store.SetAsync("accessToken", v);
            }
            """, WithRuntime);
    }

    [Fact]
    public async Task Fix_NotOffered_WithoutTheSafeAuthRuntime()
    {
        const string source = Usings + """
            public class AuthService(IJSRuntime js)
            {
                public ValueTask SaveAsync(string token) => [|js.InvokeVoidAsync("localStorage.setItem", "k", token)|];
            }
            """;
        await Verify.VerifyFixAsync(source, source, Verify.Client);
    }

    [Fact]
    public async Task Fix_NotOffered_WhenTheValueIsNotAString_OrTheResultIsUsed()
    {
        const string source = Usings + """
            using Blazored.LocalStorage;
            using Microsoft.Identity.Client;
            using SafeAuth.Browser;

            public class AuthService(IJSRuntime js, ILocalStorageService storage, ITokenStore store)
            {
                public async Task<object> SaveAsync(AuthenticationResult result, string token)
                {
                    await [|storage.SetItemAsync("auth", result)|];
                    return await [|js.InvokeAsync<object>("localStorage.setItem", "k", token)|];
                }
            }
            """;
        await Verify.VerifyFixAsync(source, source, WithRuntime);
    }

    [Fact]
    public async Task Fix_NotOffered_WhenTheClassIsConstructedWithNew_OrInAStaticMethod()
    {
        const string source = Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                public AuthService(IJSRuntime js) => _js = js;
                public ValueTask SaveAsync(string token) => [|_js.InvokeVoidAsync("localStorage.setItem", "k", token)|];
                public static AuthService Create(IJSRuntime js) => new AuthService(js);
            }

            public static class Helpers
            {
                public static ValueTask SaveAsync(IJSRuntime js, string token) => [|js.InvokeVoidAsync("localStorage.setItem", "k", token)|];
            }
            """;
        await Verify.VerifyFixAsync(source, source, WithRuntime);
    }
}
