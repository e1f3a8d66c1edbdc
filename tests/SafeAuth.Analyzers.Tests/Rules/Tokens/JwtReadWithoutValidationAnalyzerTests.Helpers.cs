using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

/// <summary>
/// AUTH101 one level through the project's own decode helpers: the call that hands a helper the request's token is
/// the finding when the caller trusts what the helper returns; helpers that validate, return only times, or trust the
/// read themselves (reported inside) are not sources at their calls.
/// </summary>
public partial class JwtReadWithoutValidationAnalyzerTests
{
    private const string DecodeHelpers = """
        public static class JwtHelper
        {
            public static string GetUserId(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token).Subject;

            public static JwtSecurityToken Read(string header)
            {
                var jwt = new JwtSecurityTokenHandler().ReadJwtToken(header.Replace("Bearer ", ""));
                return jwt;
            }

            public static DateTime Expiry(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token).ValidTo;

            public static string ValidatedUserId(string token, TokenValidationParameters parameters)
            {
                var principal = new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
                var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                return jwt.Subject + principal.Identity!.Name;
            }
        }

        """;

    [Fact]
    public async Task Reports_CallToTheProjectsDecodeHelper_WhereTheCallerTrustsIt()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + DecodeHelpers + """
            public class UsersController : ControllerBase
            {
                public IActionResult Delete(string id)
                {
                    var userId = JwtHelper.{|#0:GetUserId(Request.Headers.Authorization.ToString())|};
                    if (userId != id) return Forbid();
                    return Ok();
                }

                public IActionResult Admin()
                {
                    var jwt = JwtHelper.{|#1:Read(Request.Headers.Authorization.ToString())|};
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtHelper.GetUserId", "its claims decide what a request may do"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("JwtHelper.Read", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task NoDiagnostic_HelpersThatValidateOrReturnOnlyTimes_AndCallersThatDoNotTrust()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + DecodeHelpers + """
            public class UsersController : ControllerBase
            {
                public IActionResult Refresh()
                {
                    var expires = JwtHelper.Expiry(Request.Headers.Authorization.ToString());
                    return expires < DateTime.UtcNow.AddMinutes(5) ? Ok("refresh") : Ok();
                }

                public IActionResult Validated(string id, TokenValidationParameters parameters) =>
                    JwtHelper.ValidatedUserId(Request.Headers.Authorization.ToString(), parameters) == id ? Ok() : Forbid();

                [Microsoft.AspNetCore.Authorization.Authorize]
                public IActionResult Behind(string id) =>
                    JwtHelper.GetUserId(Request.Headers.Authorization.ToString()) == id ? Ok() : Forbid();
            }

            public static class Display
            {
                public static string Who(string token) => "signed in as " + JwtHelper.GetUserId(token);
            }
            """);
    }

    [Fact]
    public async Task Reports_RequestExtensionsReturningClaims_InsideOrAtTheCall_NotOnesThatValidate()
    {
        // A helper given the request is request-handling code: returning the claims is trusting them, reported once
        // there (where the fix applies). One given only the headers is a source at the call that trusts its result.
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;

            public static class RequestExtensions
            {
                public static IEnumerable<Claim> TokenClaims(this HttpRequest request)
                {
                    var header = request.Headers.Authorization.ToString();
                    return new JwtSecurityTokenHandler().{|#0:ReadJwtToken(header.Replace("Bearer ", ""))|}.Claims;
                }

                public static string? TokenSubject(this IHeaderDictionary headers) =>
                    new JwtSecurityTokenHandler().ReadJwtToken(headers["Authorization"].ToString().Replace("Bearer ", "")).Subject;

                public static IEnumerable<Claim> ValidatedClaims(this HttpRequest request, TokenValidationParameters parameters)
                {
                    var token = request.Headers.Authorization.ToString().Replace("Bearer ", "");
                    return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _).Claims;
                }
            }

            public class UsersController : ControllerBase
            {
                public IActionResult Admin() =>
                    Request.TokenClaims().Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();

                public IActionResult Delete(string id) => Request.Headers.{|#1:TokenSubject()|} == id ? Ok() : Forbid();

                public IActionResult Checked(TokenValidationParameters parameters) =>
                    Request.ValidatedClaims(parameters).Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims decide what a request may do"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("RequestExtensions.TokenSubject", "its claims decide what a request may do"));
    }

    [Fact]
    public async Task Reports_HelperThatTrustsTheReadItself_OnceInside()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class PrincipalHelper
            {
                public static ClaimsPrincipal FromHeader(string token) =>
                    new ClaimsPrincipal(new ClaimsIdentity(new JwtSecurityTokenHandler().{|#0:ReadJwtToken(token)|}.Claims, "jwt"));
            }

            public class UsersController : ControllerBase
            {
                public IActionResult Admin() =>
                    PrincipalHelper.FromHeader(Request.Headers.Authorization.ToString()).IsInRole("admin") ? Ok() : Forbid();
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtSecurityTokenHandler.ReadJwtToken", "its claims build a ClaimsIdentity"));
    }

    [Fact]
    public async Task Fix_NotOfferedAtTheHelpersCall_EvenWhenItIsNamedLikeALibraryRead()
    {
        const string source = Usings + """
            public sealed class TokenReader
            {
                public JwtSecurityToken ReadToken(string header) => new JwtSecurityTokenHandler().ReadJwtToken(header);
            }

            public class UsersController(TokenReader reader) : ControllerBase
            {
                public IActionResult Admin() =>
                    reader.{|#0:ReadToken(Request.Headers.Authorization.ToString())|}.Claims.Any(c => c.Value == "admin") ? Ok() : Forbid();
            }
            """;
        var test = new VerifyCS.Test(References.Server, null) { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenReader.ReadToken", "its claims decide what a request may do"));
        await test.RunAsync(CancellationToken.None);
    }
}
