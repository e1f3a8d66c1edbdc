using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Rules.Browser;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

public class TokenWrittenToLocalStorageAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.JSInterop;

        """;

    // ---------- positives: JS interop shapes ----------

    [Fact]
    public async Task Reports_InvokeVoidAsync_SetItem_TokenKey()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                private readonly IJSRuntime _js;
                public AuthService(IJSRuntime js) => _js = js;

                public async Task SaveAsync(string value)
                {
                    await {|#0:_js.InvokeVoidAsync("localStorage.setItem", "authToken", value)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "key 'authToken'"));
    }

    [Fact]
    public async Task Reports_InvokeAsyncGeneric_TokenValue_NeutralKey()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, string accessToken)
                {
                    await {|#0:js.InvokeAsync<object>("localStorage.setItem", "session", accessToken)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeAsync(\"localStorage.setItem\")", "value 'accessToken'"));
    }

    [Fact]
    public async Task Reports_InstanceInvokeAsync_WithExplicitArray()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public ValueTask<object> SaveAsync(IJSRuntime js, string v) =>
                    [|js.InvokeAsync<object>("localStorage.setItem", new object[] { "access_token", v })|];
            }
            """);
    }

    [Fact]
    public async Task Reports_InvokeVoidAsync_WithCancellationToken()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, string v, CancellationToken cancellationToken)
                {
                    await [|js.InvokeVoidAsync("localStorage.setItem", cancellationToken, "refresh-token", v)|];
                }
            }
            """);
    }

    [Theory]
    [InlineData("window.localStorage.setItem")]
    [InlineData("globalThis.localStorage.setItem")]
    [InlineData("self.localStorage.setItem")]
    [InlineData("window.globalThis.localStorage.setItem")]
    public async Task Reports_GlobalPrefixes(string identifier)
    {
        await Verify.VerifyAsync(Usings + $$"""
            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, string v)
                {
                    await [|js.InvokeVoidAsync("{{identifier}}", "jwt", v)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_InProcessRuntime_InvokeVoid_AndInvoke()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public void Save(IJSInProcessRuntime js, string token)
                {
                    [|js.InvokeVoid("localStorage.setItem", "k", token)|];
                    [|js.Invoke<object>("localStorage.setItem", "k2", token)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_ObjectReference_InvokeVoidAsync_AndInProcessObjectReference()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public async Task SaveAsync(IJSObjectReference window, IJSInProcessObjectReference inProcess, string idToken)
                {
                    await [|window.InvokeVoidAsync("localStorage.setItem", "id", idToken)|];
                    [|inProcess.InvokeVoid("localStorage.setItem", "id", idToken)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_SetValueAsync_PropertyOfLocalStorage()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, string v)
                {
                    await {|#0:js.SetValueAsync("localStorage.accessToken", v)|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.SetValueAsync(\"localStorage.accessToken\")", "key 'accessToken'"));
    }

    // ---------- identifiers held elsewhere ----------

    [Fact]
    public async Task Reports_IdentifierInConst_StaticReadonly_AndLocal()
    {
        await Verify.VerifyAsync(Usings + """
            public static class Js
            {
                public const string SetItem = "localStorage." + "setItem";
                public static readonly string WindowSetItem = "window.localStorage.setItem";
            }

            public class AuthService
            {
                private static readonly string s_setItem = Js.SetItem;

                public async Task SaveAsync(IJSRuntime js, string token)
                {
                    await [|js.InvokeVoidAsync(Js.SetItem, "k", token)|];
                    await [|js.InvokeVoidAsync(Js.WindowSetItem, "k", token)|];
                    await [|js.InvokeVoidAsync(s_setItem, "k", token)|];
                    var identifier = $"{Js.SetItem}";
                    await [|js.InvokeVoidAsync(identifier, "k", token)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_KeyInConstant_NamedLikeATokenKey()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                private const string AccessTokenKey = "app.session";
                private static readonly string RefreshToken = "app.r";
                private const string TokenExpiryKey = "app.exp";

                public async Task SaveAsync(IJSRuntime js, string v)
                {
                    await {|#0:js.InvokeVoidAsync("localStorage.setItem", AccessTokenKey, v)|};
                    await [|js.InvokeVoidAsync("localStorage.setItem", RefreshToken, v)|];
                    await js.InvokeVoidAsync("localStorage.setItem", TokenExpiryKey, v);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "key AccessTokenKey"));
    }

    // ---------- key names ----------

    [Theory]
    [InlineData("token")]
    [InlineData("Token")]
    [InlineData("authToken")]
    [InlineData("access_token")]
    [InlineData("accessToken")]
    [InlineData("ACCESS_TOKEN")]
    [InlineData("accesstoken")]
    [InlineData("refreshToken")]
    [InlineData("refresh-token")]
    [InlineData("jwt")]
    [InlineData("id_token")]
    [InlineData("idToken")]
    [InlineData("bearer")]
    [InlineData("myapp:auth.token")]
    [InlineData("msal.idtoken")]
    [InlineData("tokens")]
    public async Task Reports_KeyNamesAToken(string key)
    {
        await Verify.VerifyAsync(Usings + $$"""
            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, string v)
                {
                    await [|js.InvokeVoidAsync("localStorage.setItem", "{{key}}", v)|];
                }
            }
            """);
    }

    [Theory]
    [InlineData("tokenizerMode")]
    [InlineData("csrfTokenName")]
    [InlineData("XSRF-TOKEN")]
    [InlineData("antiforgeryToken")]
    [InlineData("tokenExpiry")]
    [InlineData("accessTokenExpiresAt")]
    [InlineData("tokenType")]
    [InlineData("deviceToken")]
    [InlineData("paginationToken")]
    [InlineData("theme")]
    [InlineData("culture")]
    [InlineData("cart")]
    [InlineData("stockholm")]
    public async Task NoDiagnostic_KeyIsALookAlikeOrNotSecret(string key)
    {
        await Verify.VerifyAsync(Usings + $$"""
            public class PreferencesService
            {
                public async Task SaveAsync(IJSRuntime js, string value)
                {
                    await js.InvokeVoidAsync("localStorage.setItem", "{{key}}", value);
                }
            }
            """);
    }

    // ---------- value evidence ----------

    [Fact]
    public async Task Reports_Value_MsalAuthenticationResult_AccessTokenAndIdToken()
    {
        await Verify.VerifyAsync(Usings + """
            using Microsoft.Identity.Client;

            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, AuthenticationResult result)
                {
                    await {|#0:js.InvokeVoidAsync("localStorage.setItem", "a", result.AccessToken)|};
                    await [|js.InvokeVoidAsync("localStorage.setItem", "b", result.IdToken)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "value 'result.AccessToken'"));
    }

    [Fact]
    public async Task Reports_Value_DuendeTokenResponse_ThroughALocal()
    {
        await Verify.VerifyAsync(Usings + """
            using Duende.IdentityModel.Client;

            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, TokenResponse response)
                {
                    var value = response.AccessToken;
                    var other = response.IdentityToken;
                    await {|#0:js.InvokeVoidAsync("localStorage.setItem", "a", value)|};
                    await [|js.InvokeVoidAsync("localStorage.setItem", "b", other)|];
                    await [|js.InvokeVoidAsync("localStorage.setItem", "c", response.RefreshToken)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "value 'response.AccessToken'"));
    }

    [Fact]
    public async Task Reports_Value_WriteTokenAndCreateTokenResults()
    {
        await Verify.VerifyAsync(Usings + """
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.JsonWebTokens;
            using Microsoft.IdentityModel.Tokens;

            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, JwtSecurityToken jwt, SecurityTokenDescriptor descriptor)
                {
                    var text = new JwtSecurityTokenHandler().WriteToken(jwt);
                    await {|#0:js.InvokeVoidAsync("localStorage.setItem", "a", text)|};
                    await [|js.InvokeVoidAsync("localStorage.setItem", "b", new JsonWebTokenHandler().CreateToken(descriptor))|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "value from WriteToken()"));
    }

    [Fact]
    public async Task Reports_Value_ThroughFieldAssignedElsewhere_AndRecordProperty()
    {
        await Verify.VerifyAsync(Usings + """
            public sealed record LoginResult(string AccessToken, string UserName);

            public class AuthService
            {
                private readonly IJSRuntime _js;
                private string _current = "";
                public AuthService(IJSRuntime js) => _js = js;

                public void OnLogin(LoginResult login) => _current = login.AccessToken;

                public async Task PersistAsync(LoginResult login)
                {
                    await [|_js.InvokeVoidAsync("localStorage.setItem", "s", _current)|];
                    var copy = login;
                    await [|_js.InvokeVoidAsync("localStorage.setItem", "s", copy.AccessToken)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_Value_InterpolatedAwaitedAndSerialized()
    {
        await Verify.VerifyAsync(Usings + """
            using System.Text.Json;
            using Microsoft.Identity.Client;

            public class AuthService
            {
                public async Task SaveAsync(IJSRuntime js, IPublicClientApplication app, AuthenticationResult result)
                {
                    await [|js.InvokeVoidAsync("localStorage.setItem", "h", $"Bearer {result.AccessToken}")|];
                    await [|js.InvokeVoidAsync("localStorage.setItem", "s", JsonSerializer.Serialize(result))|];
                    await [|js.InvokeVoidAsync("localStorage.setItem", "t", await GetAccessTokenAsync())|];
                }

                private Task<string> GetAccessTokenAsync() => Task.FromResult("");
            }
            """);
    }

    [Fact]
    public async Task Reports_Value_JwtLiteral()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public ValueTask SaveAsync(IJSRuntime js) =>
                    [|js.InvokeVoidAsync("localStorage.setItem", "x", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")|];
            }
            """);
    }

    // ---------- Blazored.LocalStorage ----------

    [Fact]
    public async Task Reports_Blazored_SetItemAsync_SetItemAsStringAsync_AndSync()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.LocalStorage;

            public class AuthService
            {
                public async Task SaveAsync(ILocalStorageService storage, ISyncLocalStorageService sync, string v, string refreshToken)
                {
                    await {|#0:storage.SetItemAsync("authToken", v)|};
                    await [|storage.SetItemAsStringAsync("k", refreshToken)|];
                    [|sync.SetItem("jwt", v)|];
                    [|sync.SetItemAsString("id_token", v)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ILocalStorageService.SetItemAsync", "key 'authToken'"));
    }

    [Fact]
    public async Task Reports_Blazored_SetItemAsync_ObjectHoldingAToken()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.LocalStorage;
            using Microsoft.Identity.Client;

            public sealed record Session(string AccessToken, DateTimeOffset ExpiresOn);

            public class AuthService
            {
                public async Task SaveAsync(ILocalStorageService storage, AuthenticationResult result, string t)
                {
                    await {|#0:storage.SetItemAsync("auth", result)|};
                    await [|storage.SetItemAsync("session", new Session(t, DateTimeOffset.UtcNow))|];
                    await [|storage.SetItemAsync("anon", new { access_token = t })|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ILocalStorageService.SetItemAsync", "value a AuthenticationResult (its AccessToken)"));
    }

    // ---------- [JSImport] ----------

    [Fact]
    public async Task Reports_JSImport_BoundToLocalStorageSetItem()
    {
        await Verify.VerifyAsync(Usings + """
            using System.Runtime.InteropServices.JavaScript;
            using System.Runtime.Versioning;

            [SupportedOSPlatform("browser")]
            public static partial class Storage
            {
                [JSImport("globalThis.localStorage.setItem")]
                public static partial void SetItem(string key, string value);

                [JSImport("localStorage.setItem", "main.js")]
                public static partial void SetItemFromModule(string key, string value);

                [JSImport("localStorage.getItem")]
                public static partial string GetItem(string key);
            }

            // What the JSImport source generator adds (generators do not run in these tests).
            public static partial class Storage
            {
                public static partial void SetItem(string key, string value) { }
                public static partial void SetItemFromModule(string key, string value) { }
                public static partial string GetItem(string key) => "";
            }

            [SupportedOSPlatform("browser")]
            public class AuthService
            {
                public void Save(string token)
                {
                    {|#0:Storage.SetItem("k", token)|};
                    [|Storage.SetItemFromModule("k", token)|];
                    _ = Storage.GetItem("token");
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("SetItem ([JSImport(\"globalThis.localStorage.setItem\")])", "value 'token'"));
    }

    // ---------- negatives ----------

    [Fact]
    public async Task NoDiagnostic_ReadsRemovesAndClear()
    {
        await Verify.VerifyAsync(Usings + """
            using Blazored.LocalStorage;

            public class AuthService
            {
                public async Task RunAsync(IJSRuntime js, ILocalStorageService storage)
                {
                    var token = await js.InvokeAsync<string>("localStorage.getItem", "token");
                    await js.InvokeVoidAsync("localStorage.removeItem", "token");
                    await js.InvokeVoidAsync("localStorage.clear");
                    var other = await storage.GetItemAsStringAsync("accessToken");
                    await storage.RemoveItemAsync("accessToken");
                    await storage.ClearAsync();
                    _ = await storage.ContainKeyAsync("token");
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_NonSecretValues()
    {
        await Verify.VerifyAsync(Usings + """
            using System.Globalization;
            using System.Text.Json;
            using Blazored.LocalStorage;

            public sealed record CartLine(string Sku, int Quantity);

            public class PreferencesService
            {
                public async Task SaveAsync(IJSRuntime js, ILocalStorageService storage, string theme, CartLine[] cart, CancellationToken cancellationToken)
                {
                    await js.InvokeVoidAsync("localStorage.setItem", "theme", theme);
                    await js.InvokeVoidAsync("localStorage.setItem", "culture", CultureInfo.CurrentCulture.Name);
                    await js.InvokeVoidAsync("localStorage.setItem", "cart", JsonSerializer.Serialize(cart));
                    await storage.SetItemAsync("cart", cart, cancellationToken);
                    await storage.SetItemAsStringAsync("theme", theme, cancellationToken);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_ValuesNamedLikeLookAlikes()
    {
        await Verify.VerifyAsync(Usings + """
            public sealed record Preferences(string Theme, string TokenizerMode);

            public class PreferencesService
            {
                public async Task SaveAsync(IJSRuntime js, string tokenizerMode, string csrfToken, string tokenType,
                    DateTimeOffset accessTokenExpiresAt, Preferences preferences, CancellationToken cancellationToken)
                {
                    await js.InvokeVoidAsync("localStorage.setItem", "a", tokenizerMode);
                    await js.InvokeVoidAsync("localStorage.setItem", "b", csrfToken);
                    await js.InvokeVoidAsync("localStorage.setItem", "c", tokenType);
                    await js.InvokeVoidAsync("localStorage.setItem", "d", accessTokenExpiresAt);
                    await js.InvokeVoidAsync("localStorage.setItem", "e", preferences);
                    await js.InvokeVoidAsync("localStorage.setItem", cancellationToken, "f", preferences.TokenizerMode);
                    var copy = tokenizerMode;
                    copy = copy + "!";
                    await js.InvokeVoidAsync("localStorage.setItem", "g", copy);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_OtherJsFunctions_AndUnresolvableIdentifier()
    {
        await Verify.VerifyAsync(Usings + """
            public class AuthService
            {
                public async Task RunAsync(IJSRuntime js, string token, string identifier, object[] args)
                {
                    await js.InvokeVoidAsync("console.log", "token", token);
                    await js.InvokeVoidAsync("myApp.localStorage.setItem", "token", token);
                    await js.InvokeVoidAsync(identifier, "token", token);
                    await js.InvokeVoidAsync("localStorage.setItem", args);
                    await js.InvokeVoidAsync("sessionStorage.setItem", "token", token);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypesWithTheSameNames_WhenLibrariesAreAbsent()
    {
        await Verify.VerifyAsync("""
            using System.Threading.Tasks;

            namespace MyApp
            {
                public interface IJSRuntime { ValueTask InvokeVoidAsync(string identifier, params object[] args); }
                public interface ILocalStorageService { ValueTask SetItemAsync<T>(string key, T data); }

                public class AuthService
                {
                    public async Task SaveAsync(IJSRuntime js, ILocalStorageService storage, string token)
                    {
                        await js.InvokeVoidAsync("localStorage.setItem", "token", token);
                        await storage.SetItemAsync("token", token);
                    }
                }
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_InTestProject_UnlessEnabled()
    {
        const string source = Usings + """
            public class AuthServiceTests
            {
                public async Task SaveAsync(IJSRuntime js, string token) =>
                    await {|#0:js.InvokeVoidAsync("localStorage.setItem", "k", token)|};
            }
            """;
        await Verify.VerifyAsync(source.Replace("{|#0:", "").Replace(")|};", ");"), Verify.Client, "build_property.IsTestProject = true");
        await Verify.VerifyAsync(source, Verify.Client, "build_property.IsTestProject = true\nsafeauth.analyze_test_projects = true",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("IJSRuntime.InvokeVoidAsync(\"localStorage.setItem\")", "value 'token'"));
    }

    // ---------- generated and Razor code ----------

    [Fact]
    public async Task Reports_InGeneratedRazorComponentCode()
    {
        await Verify.VerifyAsync("""
            // <auto-generated/>
            #pragma warning disable 1591
            namespace BlazorApp.Pages
            {
                using System.Threading.Tasks;
                using Microsoft.JSInterop;

                public partial class Login : global::Microsoft.AspNetCore.Components.ComponentBase
                {
                    protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                    {
                    }
            #nullable restore
            #line (12,8)-(18,1) "/src/BlazorApp/Pages/Login.razor"
                private async Task SignInAsync(string accessToken)
                {
                    await [|JS.InvokeVoidAsync("localStorage.setItem", "token", accessToken)|];
                }

            #line default
            #line hidden
            #nullable disable
                    [global::Microsoft.AspNetCore.Components.InjectAttribute] private IJSRuntime JS { get; set; } = default!;
                }
            }
            """, References.BlazorWebAssembly, null);
    }

    [Fact]
    public async Task Reports_AtTheRazorLine_ThroughLineDirectives()
    {
        const string generated = """
            // <auto-generated/>
            namespace BlazorApp.Pages
            {
                using System.Threading.Tasks;
                using Microsoft.JSInterop;

                public partial class Login : global::Microsoft.AspNetCore.Components.ComponentBase
                {
            #nullable restore
            #line (21,8)-(26,1) "/src/BlazorApp/Pages/Login.razor"
                private async Task SignInAsync(string accessToken)
                {
                    await JS.InvokeVoidAsync("localStorage.setItem", "token", accessToken);
                }

            #line default
            #line hidden
            #nullable disable
                    [global::Microsoft.AspNetCore.Components.InjectAttribute] private IJSRuntime JS { get; set; } = default!;
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(generated, new CSharpParseOptions(LanguageVersion.Latest), path: "/obj/Login_razor.g.cs");
        var compilation = CSharpCompilation.Create("Razor", new[] { tree }, TestReferences.For(References.BlazorWebAssembly),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new TokenWrittenToLocalStorageAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AUTH401", diagnostic.Id);
        var mapped = diagnostic.Location.GetMappedLineSpan();
        Assert.True(mapped.HasMappedPath);
        Assert.Equal("/src/BlazorApp/Pages/Login.razor", mapped.Path);
        // The line after the directive is Login.razor line 21; the call sits two lines below: line 23 (0-based 22).
        Assert.Equal(22, mapped.StartLinePosition.Line);
    }

    // ---------- fix ----------

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

            public class AuthService(IJSRuntime js, ITokenStore tokenStore)
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

            public class AuthService(IJSRuntime js, ITokenStore store)
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
