using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

/// <summary>
/// AUTH101 on the hand-rolled decode of the Blazor tutorials: split, pad through a private helper, base64-decode,
/// deserialize to a dictionary, one <c>new Claim(k, v)</c> per entry, the user built from those claims.
/// </summary>
public partial class JwtReadWithoutValidationAnalyzerTests
{
    private const string AuthStateUsings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Claims;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Components.Authorization;

        """;

    /// <summary>The provider as the tutorials write it; the token comes from wherever the app kept it.</summary>
    private const string TutorialProvider = """
        public sealed class TokenAuthStateProvider : AuthenticationStateProvider
        {
            private string? _token;

            public void SignIn(string token)
            {
                _token = token;
                NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
            }

            public override Task<AuthenticationState> GetAuthenticationStateAsync()
            {
                if (string.IsNullOrEmpty(_token))
                {
                    return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
                }

                var identity = new ClaimsIdentity({|#0:ParseClaimsFromJwt(_token)|}, "jwt");
                return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
            }

            private static IEnumerable<Claim> ParseClaimsFromJwt(string jwt)
            {
                var claims = new List<Claim>();
                var payload = jwt.Split('.')[1];
                var jsonBytes = ParseBase64WithoutPadding(payload);
                var keyValuePairs = JsonSerializer.Deserialize<Dictionary<string, object>>(jsonBytes)!;
                if (keyValuePairs.TryGetValue(ClaimTypes.Role, out var roles))
                {
                    claims.Add(new Claim(ClaimTypes.Role, roles.ToString()!));
                    keyValuePairs.Remove(ClaimTypes.Role);
                }

                claims.AddRange(keyValuePairs.Select(kvp => new Claim(kvp.Key, kvp.Value.ToString()!)));
                return claims;
            }

            private static byte[] ParseBase64WithoutPadding(string base64)
            {
                switch (base64.Length % 4)
                {
                    case 2: base64 += "=="; break;
                    case 3: base64 += "="; break;
                }

                return Convert.FromBase64String(base64);
            }
        }
        """;

    private static DiagnosticResultHelper TutorialFinding => new("TokenAuthStateProvider.ParseClaimsFromJwt", "its claims build a ClaimsIdentity");

    [Fact]
    public async Task Reports_TutorialParseClaimsFromJwt_InAServersAuthenticationStateProvider()
    {
        var test = new VerifyCS.Test(References.AspNetCore, null) { TestCode = AuthStateUsings + TutorialProvider };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments(TutorialFinding.Member, TutorialFinding.Reason));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reports_TutorialParseClaimsFromJwt_InAComponentLibrary_WithoutAJwtLibraryOrHttpContext()
    {
        var test = new VerifyCS.Test(References.ComponentsAuthorization, null) { TestCode = AuthStateUsings + TutorialProvider };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments(TutorialFinding.Member, TutorialFinding.Reason));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_TutorialParseClaimsFromJwt_InABlazorWebAssemblyClient()
    {
        // The browser app builds its UI's user from its own token; the API it calls validates the token.
        var test = new VerifyCS.Test(References.BlazorWebAssembly | References.WebAssemblyAuthentication, null)
        {
            TestCode = AuthStateUsings + TutorialProvider.Replace("{|#0:", string.Empty).Replace("|}, \"jwt\")", ", \"jwt\")"),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoDiagnostic_TutorialParseClaimsFromJwt_InAComponentLibraryDeclaredABrowserLibrary()
    {
        var test = new VerifyCS.Test(References.ComponentsAuthorization, "build_property.SafeAuthProjectKind = browser")
        {
            TestCode = AuthStateUsings + TutorialProvider.Replace("{|#0:", string.Empty).Replace("|}, \"jwt\")", ", \"jwt\")"),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reports_PaddingHelper_InAController_AtTheParse()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;
            using System.Text.Json;

            public class ProfileController : ControllerBase
            {
                public IActionResult Get([FromHeader] string authorization)
                {
                    var segment = authorization.Split('.')[1];
                    var payload = JsonSerializer.{|#0:Deserialize<Dictionary<string, string>>(Base64Url.Decode(segment))|}!;
                    return payload["role"] == "admin" ? Ok() : Forbid();
                }
            }

            internal static class Base64Url
            {
                public static byte[] Decode(string text)
                {
                    var base64 = text.Replace('-', '+').Replace('_', '/');
                    return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split('.') + base64 decode + JsonSerializer.Deserialize", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_ClaimsMadeFromThePayload_AddedToAListThatBuildsThePrincipal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;
            using System.Text.Json;

            public static class CookieLogin
            {
                public static ClaimsPrincipal FromToken(string token)
                {
                    var json = Base64UrlEncoder.Decode(token.Split('.')[1]);
                    var values = JsonSerializer.{|#0:Deserialize<Dictionary<string, string>>(json)|}!;
                    var claims = new List<Claim>();
                    foreach (var pair in values)
                    {
                        claims.Add(new Claim(pair.Key, pair.Value));
                    }

                    return new ClaimsPrincipal(new ClaimsIdentity(claims, "token"));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split('.') + base64 decode + JsonSerializer.Deserialize", "its claims build a ClaimsIdentity"));
    }

    [Fact]
    public async Task NoDiagnostic_PayloadDecodedByAHelper_OnlyForItsExpiry_OrClaimsListedForDisplay()
    {
        await VerifyCS.VerifyAnalyzerAsync(AuthStateUsings.Replace("using Microsoft.AspNetCore.Components.Authorization;\n", string.Empty) + """
            public static class TokenInfo
            {
                public static DateTimeOffset Expiry(string jwt)
                {
                    var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(Pad(jwt.Split('.')[1])))!;
                    return DateTimeOffset.FromUnixTimeSeconds(values["exp"].GetInt64());
                }

                public static List<string> Describe(string jwt)
                {
                    var values = JsonSerializer.Deserialize<Dictionary<string, string>>(Convert.FromBase64String(Pad(jwt.Split('.')[1])))!;
                    var lines = new List<string>();
                    lines.AddRange(values.Select(v => v.Key + ": " + v.Value));
                    return lines;
                }

                private static string Pad(string text) => text + new string('=', (4 - text.Length % 4) % 4);
            }

            public sealed class Banner
            {
                public string Text(string jwt) => "Session ends at " + TokenInfo.Expiry(jwt) + string.Join(", ", TokenInfo.Describe(jwt));
            }
            """);
    }

    [Fact]
    public async Task Fix_NotOffered_WhenTheSegmentIsReadInsideAHelper()
    {
        const string source = Usings + """
            using System.Collections.Generic;
            using System.Text.Json;

            public class ProfileController : ControllerBase
            {
                public IActionResult Get([FromHeader] string authorization)
                {
                    var payload = JsonSerializer.{|#0:Deserialize<Dictionary<string, string>>(PayloadOf(authorization))|}!;
                    return payload["role"] == "admin" ? Ok() : Forbid();
                }

                private static string PayloadOf(string token) => Base64UrlEncoder.Decode(token.Split('.')[1]);
            }
            """;
        var test = new VerifyCS.Test(References.Server | References.SafeAuthRuntime, null) { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Split('.') + base64 decode + JsonSerializer.Deserialize", "its claims decide what a request may do"));
        await test.RunAsync(CancellationToken.None);
    }

    private sealed record DiagnosticResultHelper(string Member, string Reason);
}
