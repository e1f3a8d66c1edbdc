using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>One level into the app's own code: its storage wrappers and the JS functions of its script files.</summary>
public partial class TokenWrittenToLocalStorageAnalyzerTests
{
    private const string WrapperUsings = """
        using System.Text.Json;
        using System.Threading.Tasks;
        using Blazored.LocalStorage;
        using Microsoft.JSInterop;

        public sealed record LoginResult(string UserName, string Token);

        """;

    private const string JsWrapper = """
        public sealed class LocalStore(IJSRuntime js)
        {
            public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);
        }

        """;

    private const string SetItemMember = "LocalStore.SetAsync (which calls IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\"))";

    [Fact]
    public async Task Reports_WrapperCall_WithATokenKey_NamingTheWrapper()
    {
        await Verify.VerifyAsync(WrapperUsings + JsWrapper + """
            public sealed class AuthService(LocalStore store)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:store.SetAsync("authToken", login.Token)|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(SetItemMember, "key 'authToken'"));
    }

    [Fact]
    public async Task Reports_WrapperCall_WithATokenValue_AndAKeyInAConstant()
    {
        await Verify.VerifyAsync(WrapperUsings + JsWrapper + """
            public sealed class AuthService(LocalStore store)
            {
                private const string Key = "session";
                public async Task OnLoginAsync(LoginResult login)
                {
                    var accessToken = login.Token;
                    await {|#0:store.SetAsync(Key, accessToken)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(SetItemMember, "value 'accessToken'"));
    }

    [Fact]
    public async Task Reports_GenericBlazoredWrapper_ThroughJsonSerialization_AndThroughItsInterface()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public interface IAppStorage
            {
                Task SaveAsync<T>(string key, T value);
            }

            public sealed class BrowserAppStorage(ILocalStorageService storage) : IAppStorage
            {
                public async Task SaveAsync<T>(string key, T value) => await storage.SetItemAsStringAsync(key, JsonSerializer.Serialize(value));
            }

            public sealed class AuthService(BrowserAppStorage storage, IAppStorage appStorage)
            {
                public async Task OnLoginAsync(LoginResult login)
                {
                    await {|#0:storage.SaveAsync("user", login)|};
                    await {|#1:appStorage.SaveAsync("user", login)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "BrowserAppStorage.SaveAsync (which calls ILocalStorageService.SetItemAsStringAsync)", "value a LoginResult (its Token)"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments(
                "IAppStorage.SaveAsync (which calls ILocalStorageService.SetItemAsStringAsync)", "value a LoginResult (its Token)"));
    }

    [Fact]
    public async Task Reports_InterfaceCall_WhoseOneImplementationWritesToLocalStorage_NotTheThemeThroughIt()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public interface ITokenStore { ValueTask SetAsync(string key, string value); }

            public sealed class BrowserTokenStore(IJSRuntime js) : ITokenStore
            {
                public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);
            }

            public sealed class AuthService(ITokenStore store)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:store.SetAsync("authToken", login.Token)|};
                public async Task SetThemeAsync(string theme) => await store.SetAsync("theme", theme);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "ITokenStore.SetAsync (which calls IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\"))", "key 'authToken'"));
    }

    [Fact]
    public async Task Reports_ExtensionWrapper_OnIJSRuntime()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public static class StorageExtensions
            {
                public static ValueTask Save(this IJSRuntime js, string name, object data) =>
                    js.InvokeVoidAsync("localStorage.setItem", name, JsonSerializer.Serialize(data));
            }

            public sealed class AuthService(IJSRuntime js)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:js.Save("jwt", login.Token)|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "StorageExtensions.Save (which calls IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\"))", "key 'jwt'"));
    }

    [Fact]
    public async Task NoDiagnostic_WrapperUsedForTheTheme()
    {
        await Verify.VerifyAsync(WrapperUsings + JsWrapper + """
            public sealed class ThemeService(LocalStore store)
            {
                public async Task SetThemeAsync(string theme) => await store.SetAsync("theme", theme);
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_InterfaceWithTwoImplementations_IsNotFollowed()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public interface IAppStorage { Task SaveAsync(string key, string value); }

            public sealed class BrowserAppStorage(ILocalStorageService storage) : IAppStorage
            {
                public async Task SaveAsync(string key, string value) => await storage.SetItemAsStringAsync(key, value);
            }

            public sealed class MemoryAppStorage : IAppStorage
            {
                private readonly System.Collections.Generic.Dictionary<string, string> _values = new();
                public Task SaveAsync(string key, string value) { _values[key] = value; return Task.CompletedTask; }
            }

            public sealed class AuthService(IAppStorage storage)
            {
                public Task OnLoginAsync(LoginResult login) => storage.SaveAsync("authToken", login.Token);
            }
            """);
    }

    [Fact]
    public async Task ReportedOnceInside_WhenTheWrapperWritesATokenByItself()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public sealed class TokenSaver(IJSRuntime js)
            {
                public ValueTask SaveAsync(string token) => {|#0:js.InvokeVoidAsync("localStorage.setItem", "authToken", token)|};
            }

            public sealed class AuthService(TokenSaver saver)
            {
                public async Task OnLoginAsync(LoginResult login) => await saver.SaveAsync(login.Token);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "key 'authToken'"));
    }

    [Fact]
    public async Task NoDiagnostic_SessionStorageWrapper_IsNotALocalStorageWrite()
    {
        await Verify.VerifyAsync(WrapperUsings + """
            public sealed class SessionStore(IJSRuntime js)
            {
                public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("sessionStorage.setItem", key, value);
            }

            public sealed class AuthService(SessionStore store)
            {
                public async Task OnLoginAsync(LoginResult login) => await store.SetAsync("authToken", login.Token);
            }
            """);
    }

    [Fact]
    public async Task Fix_NotOfferedAtAWrappersCall()
    {
        const string source = WrapperUsings + JsWrapper + """
            public sealed class AuthService(LocalStore store)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:store.SetAsync("authToken", login.Token)|};
            }
            """;
        var test = new VerifyCS.Test(Verify.Client, null) { TestCode = source, FixedCode = source };
        test.TestState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        test.FixedState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments(SetItemMember, "key 'authToken'"));
        await test.RunAsync(CancellationToken.None);
    }
}
