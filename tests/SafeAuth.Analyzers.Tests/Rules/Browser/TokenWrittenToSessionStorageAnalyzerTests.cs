using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToSessionStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToSessionStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>
/// AUTH402 shares its matching with AUTH401 (see <see cref="TokenWrittenToLocalStorageAnalyzerTests"/> for the
/// evidence and look-alike cases); these tests cover every sessionStorage sink and the split between the two IDs.
/// </summary>
public class TokenWrittenToSessionStorageAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.JSInterop;

        """;

    [Fact]
    public async Task Reports_JsInterop_SessionStorageSetItem_AllShapes()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                private const string SetItem = "window.sessionStorage.setItem";

                public async Task SaveAsync(IJSRuntime js, IJSInProcessRuntime inProcess, IJSObjectReference module, string value, string accessToken)
                {
                    await {|#0:js.InvokeVoidAsync("sessionStorage.setItem", "access_token", value)|};
                    await [|js.InvokeAsync<object>("globalThis.sessionStorage.setItem", "k", accessToken)|];
                    [|inProcess.InvokeVoid(SetItem, "jwt", value)|];
                    [|inProcess.Invoke<object>("sessionStorage.setItem", "id_token", value)|];
                    await [|module.InvokeVoidAsync("sessionStorage.setItem", "k", accessToken)|];
                    await [|js.SetValueAsync("sessionStorage.refreshToken", value)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"sessionStorage.setItem\")", "key 'access_token'"));
    }

    [Fact]
    public async Task Reports_Blazored_SessionStorage_AsyncAndSync()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.SessionStorage;
            using Duende.IdentityModel.Client;

            public class AuthService
            {
                public async Task SaveAsync(ISessionStorageService storage, ISyncSessionStorageService sync, TokenResponse response)
                {
                    await {|#0:storage.SetItemAsync("session", response.AccessToken)|};
                    await [|storage.SetItemAsStringAsync("bearer", response.Raw)|];
                    [|sync.SetItem("tokens", response)|];
                    [|sync.SetItemAsString("k", response.RefreshToken)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ISessionStorageService.SetItemAsync", "value 'response.AccessToken'"));
    }

    [Fact]
    public async Task Reports_JSImport_BoundToSessionStorageSetItem()
    {
        await Verify.VerifyAsync(Usings + """
            using System.Runtime.InteropServices.JavaScript;
            using System.Runtime.Versioning;

            [SupportedOSPlatform("browser")]
            internal static partial class Interop
            {
                [JSImport("sessionStorage.setItem")]
                internal static partial void Store(string key, string value);
                internal static partial void Store(string key, string value) { }
            }

            [SupportedOSPlatform("browser")]
            public class AuthService
            {
                public void Save(string value) => [|Interop.Store("refresh_token", value)|];
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_LocalStorageWrites_AreAUTH401s()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.LocalStorage;

            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, ILocalStorageService storage, string token)
                {
                    await js.InvokeVoidAsync("localStorage.setItem", "token", token);
                    await storage.SetItemAsync("token", token);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ReadsRemovesAndNonSecretValues()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.SessionStorage;

            public class WizardState
            {
                public async Task RunAsync(IJSRuntime js, ISessionStorageService storage, int step, string returnUrl)
                {
                    _ = await js.InvokeAsync<string>("sessionStorage.getItem", "token");
                    await js.InvokeVoidAsync("sessionStorage.removeItem", "token");
                    await js.InvokeVoidAsync("sessionStorage.setItem", "wizardStep", step);
                    await storage.SetItemAsStringAsync("returnUrl", returnUrl);
                    await storage.RemoveItemAsync("accessToken");
                    _ = await storage.GetItemAsync<string>("accessToken");
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_ReplacesSessionStorageWrites_FixAll()
    {
        await Verify.VerifyFixAsync(Usings + """
            using Blazored.SessionStorage;
            using SafeAuth.Browser;

            public class AuthService(IJSRuntime js, ISessionStorageService storage, ITokenStore tokenStore)
            {
                public async Task SaveAsync(string accessToken, string idToken)
                {
                    await [|js.InvokeVoidAsync("sessionStorage.setItem", "at", accessToken)|];
                    await [|storage.SetItemAsStringAsync("it", idToken)|];
                }
            }
            """, Usings + """
            using Blazored.SessionStorage;
            using SafeAuth.Browser;

            public class AuthService(ITokenStore tokenStore)
            {
                public async Task SaveAsync(string accessToken, string idToken)
                {
                    await tokenStore.SetAsync("at", accessToken);
                    await tokenStore.SetAsync("it", idToken);
                }
            }
            """, Verify.Client | References.SafeAuthRuntime);
    }

    [Fact]
    public async Task Reports_SessionStorageWrapperAndScriptFunction_ButNotTheirLocalStorageTwins()
    {
        await Verify.VerifyWithScriptsAsync(Usings + """
            public sealed class SessionStore(IJSRuntime js)
            {
                public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("sessionStorage.setItem", key, value);
                public ValueTask SetLocalAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);
            }

            public sealed class AuthService(IJSRuntime js, SessionStore store)
            {
                public async Task OnLoginAsync(string response)
                {
                    await {|#0:store.SetAsync("refresh_token", response)|};
                    await store.SetLocalAsync("refresh_token", response);
                    await {|#1:js.InvokeVoidAsync("tab.keep", response)|};
                    await js.InvokeVoidAsync("tab.keepLocal", response);
                }
            }
            """,
            new[] { ("/app/wwwroot/tab.js", "window.tab = { keep(token) { sessionStorage.setItem('t', token); }, keepLocal(token) { localStorage.setItem('t', token); } };") },
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "SessionStore.SetAsync (which calls IJSRuntime.InvokeVoidAsync(\"sessionStorage.setItem\"))", "key 'refresh_token'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments(
                "IJSRuntime.InvokeVoidAsync(\"tab.keep\") (keep in tab.js calls sessionStorage.setItem)", "JS parameter 'token'"));
    }
}
