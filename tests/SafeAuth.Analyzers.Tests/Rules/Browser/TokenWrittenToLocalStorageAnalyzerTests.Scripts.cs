using SafeAuth.Analyzers.Rules.Browser;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>JS interop calls to the app's own functions, judged by what the function in the app's script does.</summary>
public partial class TokenWrittenToLocalStorageAnalyzerTests
{
    private const string ScriptUsings = """
        using System.Threading.Tasks;
        using Microsoft.JSInterop;

        public sealed record LoginResult(string UserName, string Token, string Data);

        """;

    private const string AuthScript = """
        // The app's interop helpers.
        const THEME_KEY = "theme";
        window.authInterop = {
            saveToken: function (token) {
                localStorage.setItem("authToken", token);
            },
            saveTheme: (theme) => localStorage.setItem(THEME_KEY, theme),
            readToken() { return localStorage.getItem("authToken"); }
        };
        """;

    private static (string, string)[] Scripts(params (string Path, string Text)[] files) => files;

    [Fact]
    public async Task Reports_CallToTheAppsSaveTokenFunction_KeyFromTheScript()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class AuthService(IJSRuntime js)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:js.InvokeVoidAsync("authInterop.saveToken", login.Data)|};
            }
            """,
            Scripts(("/app/wwwroot/js/auth.js", AuthScript)),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "IJSRuntime.InvokeVoidAsync(\"authInterop.saveToken\") (saveToken in auth.js calls localStorage.setItem)", "key 'authToken'"));
    }

    [Fact]
    public async Task Reports_ModuleCall_ThroughAConstantName_KeyFromTheArguments()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class AuthService(IJSRuntime js)
            {
                private const string SaveFunction = "store";
                public async Task OnLoginAsync(LoginResult login)
                {
                    var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/storage.js");
                    await {|#0:module.InvokeVoidAsync(SaveFunction, "jwt", login.Data)|};
                }
            }
            """,
            Scripts(("/app/wwwroot/js/storage.js", "export function store(key, value) {\n  window.localStorage.setItem(key, JSON.stringify(value));\n}\n")),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "IJSObjectReference.InvokeVoidAsync(\"store\") (store in storage.js calls localStorage.setItem)", "key 'jwt'"));
    }

    [Fact]
    public async Task Reports_ArrowFunction_WithAStorageIndexer_AndATokenNamedParameter()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class AuthService(IJSRuntime js)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:js.InvokeVoidAsync("remember", login.Data)|};
            }
            """,
            Scripts(("/app/Pages/Login.razor.js", "export const remember = async (jwt) => { localStorage[\"credentials\"] = jwt; };")),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "IJSRuntime.InvokeVoidAsync(\"remember\") (remember in Login.razor.js calls localStorage.setItem)", "JS parameter 'jwt'"));
    }

    [Fact]
    public async Task Reports_ClassMethod_ValueInsideAnObject_TokenFromTheCaller()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class AuthService(IJSRuntime js)
            {
                public async Task OnLoginAsync(LoginResult login) => await {|#0:js.InvokeVoidAsync("Session.keep", login.Token)|};
            }
            """,
            Scripts(("/app/wwwroot/session.js", "class Session {\n  static keep(v) { localStorage.setItem('session', JSON.stringify({ value: v, at: Date.now() })); }\n}\nwindow.Session = Session;\n")),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(
                "IJSRuntime.InvokeVoidAsync(\"Session.keep\") (keep in session.js calls localStorage.setItem)", "value 'login.Token'"));
    }

    [Fact]
    public async Task NoDiagnostic_TheAppsThemeFunction_AndFunctionsThatDoNotWrite()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class Settings(IJSRuntime js)
            {
                public async Task ApplyAsync(string theme)
                {
                    await js.InvokeVoidAsync("authInterop.saveTheme", theme);
                    _ = await js.InvokeAsync<string>("authInterop.readToken");
                }
            }
            """,
            Scripts(("/app/wwwroot/js/auth.js", AuthScript)));
    }

    [Fact]
    public async Task NoDiagnostic_WithoutTheScript_OrWhenTheFunctionWritesSessionStorage()
    {
        await Verify.VerifyWithScriptsAsync(ScriptUsings + """
            public sealed class AuthService(IJSRuntime js)
            {
                public async Task OnLoginAsync(LoginResult login)
                {
                    await js.InvokeVoidAsync("saveToken", login.Token);
                    await js.InvokeVoidAsync("keepToken", login.Token);
                }
            }
            """,
            Scripts(
                ("/app/wwwroot/js/session.js", "function keepToken(token) { sessionStorage.setItem('authToken', token); }"),
                ("/app/wwwroot/lib/vendor/auth.js", "function saveToken(token) { localStorage.setItem('authToken', token); }"),
                ("/app/wwwroot/js/auth.min.js", "function saveToken(t){localStorage.setItem('authToken',t)}")));
    }

    [Theory]
    [InlineData("/app/wwwroot/js/auth.js", true)]
    [InlineData("C:\\app\\wwwroot\\interop.mjs", true)]
    [InlineData("/app/Pages/Login.razor.js", true)]
    [InlineData("/app/wwwroot/js/auth.min.js", false)]
    [InlineData("/app/wwwroot/lib/oidc/oidc-client.js", false)]
    [InlineData("/app/node_modules/x/index.js", false)]
    [InlineData("/app/appsettings.json", false)]
    public void AppScripts_AreTheAppsOwnUnminifiedFiles(string path, bool expected) =>
        Assert.Equal(expected, JsStorageFunctions.IsAppScript(path));
}
