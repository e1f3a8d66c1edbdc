using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = SafeAuth.Analyzers.Tests.Rules.Browser.BrowserStorageVerifier<SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer>;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Browser.TokenWrittenToLocalStorageAnalyzer,
    SafeAuth.CodeFixes.Rules.Browser.TokenWrittenToBrowserStorageCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

// Look-alikes that must stay silent.
public partial class TokenWrittenToLocalStorageAnalyzerTests
{
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
}
