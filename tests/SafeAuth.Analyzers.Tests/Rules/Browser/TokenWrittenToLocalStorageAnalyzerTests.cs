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

public partial class TokenWrittenToLocalStorageAnalyzerTests
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
}
