using Xunit;
using static SafeAuth.Analyzers.Tests.Verifiers.Snippets;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.TokenValidationResultIgnoredAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.TokenValidationResultIgnoredCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class TokenValidationResultIgnoredAnalyzerTests
{
    [Fact]
    public async Task Reports_ClaimsIdentityUsedWithoutIsValid()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Auth
            {
                public async Task<ClaimsPrincipal> Authenticate(string token, TokenValidationParameters parameters)
                {
                    var result = await new JsonWebTokenHandler().{|#0:ValidateTokenAsync(token, parameters)|};
                    return new ClaimsPrincipal(result.ClaimsIdentity);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "used (ClaimsIdentity)"));
    }

    /// <summary>An IsValid that only reaches a log line decides nothing; one that decides (if, return, pattern, assignment) is a check.</summary>
    [Fact]
    public async Task Reports_IsValidOnlyLogged_NotWhenItDecides()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using Microsoft.Extensions.Logging;

            public class Auth(ILogger<Auth> log)
            {
                public async Task<string?> Logged(string token, TokenValidationParameters parameters)
                {
                    var result = await new JsonWebTokenHandler().{|#0:ValidateTokenAsync(token, parameters)|};
                    log.LogInformation("token valid: {Valid}", result.IsValid);
                    Console.WriteLine($"validation error: {result.Exception?.Message}");
                    return result.ClaimsIdentity.Name;
                }

                public async Task<string?> LoggedThenChecked(string token, TokenValidationParameters parameters)
                {
                    var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
                    log.LogInformation("token valid: {Valid}", result.IsValid);
                    if (!result.IsValid) return null;
                    return result.ClaimsIdentity.Name;
                }

                public async Task<string?> Kept(string token, TokenValidationParameters parameters)
                {
                    var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
                    var valid = result.IsValid;
                    log.LogDebug("checked");
                    return valid ? result.ClaimsIdentity.Name : null;
                }

                public async Task<string?> Ternary(string token, TokenValidationParameters parameters)
                {
                    var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
                    return result.IsValid ? result.ClaimsIdentity.Name : null;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "used (ClaimsIdentity)"));
    }

    [Fact]
    public async Task Reports_Discarded_Inline_AndSyncOverAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Auth
            {
                private readonly JsonWebTokenHandler _handler = new();

                public async Task Check(string token, TokenValidationParameters parameters)
                {
                    await _handler.{|#0:ValidateTokenAsync(token, parameters)|};
                    _ = await _handler.{|#1:ValidateTokenAsync(token, parameters)|}.ConfigureAwait(false);
                    var claims = (await _handler.{|#2:ValidateTokenAsync(token, parameters)|}).Claims;
                    var sync = _handler.{|#3:ValidateTokenAsync(token, parameters)|}.Result;
                    Console.WriteLine(claims.Count + sync.Claims.Count);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "discarded"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "discarded"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "used (Claims)"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("JsonWebTokenHandler.ValidateTokenAsync", "used (Claims)"));
    }

    [Fact]
    public async Task Reports_JwtSecurityTokenHandlerAndBaseTokenHandler_NeverChecked()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Auth
            {
                public async Task<bool> Check(string token, TokenValidationParameters parameters, TokenHandler handler)
                {
                    var a = await new JwtSecurityTokenHandler().[|ValidateTokenAsync(token, parameters)|];
                    var b = await handler.[|ValidateTokenAsync(token, parameters)|];
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_Checked_Returned_Patterns_PassedOn()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Auth
            {
                private readonly JsonWebTokenHandler _handler = new();

                public async Task<ClaimsIdentity?> Checked(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    if (!result.IsValid) return null;
                    return result.ClaimsIdentity;
                }

                public async Task<ClaimsIdentity?> Pattern(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    return result is { IsValid: true } ? result.ClaimsIdentity : null;
                }

                public async Task<ClaimsIdentity> ExceptionChecked(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    if (result.Exception is not null) throw result.Exception;
                    return result.ClaimsIdentity;
                }

                public Task<TokenValidationResult> Returned(string token, TokenValidationParameters parameters) =>
                    _handler.ValidateTokenAsync(token, parameters);

                public async Task<TokenValidationResult> ReturnedAwaited(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    return result;
                }

                public async Task PassedOn(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    Handle(result);
                }

                private static void Handle(TokenValidationResult result) { }
            }
            """);
    }

    [Fact]
    public async Task Fix_AddsFailClosedCheck_ForEachShape_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class Auth
            {
                private readonly JsonWebTokenHandler _handler = new();

                public async Task<ClaimsPrincipal> Authenticate(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.[|ValidateTokenAsync(token, parameters)|];
                    await _handler.[|ValidateTokenAsync(token, parameters)|];
                    var identity = (await _handler.[|ValidateTokenAsync(token, parameters)|]).ClaimsIdentity;
                    return new ClaimsPrincipal(result.ClaimsIdentity);
                }
            }
            """, TokenUsings + """
            public class Auth
            {
                private readonly JsonWebTokenHandler _handler = new();

                public async Task<ClaimsPrincipal> Authenticate(string token, TokenValidationParameters parameters)
                {
                    var result = await _handler.ValidateTokenAsync(token, parameters);
                    if (!result.IsValid)
                    {
                        throw new SecurityTokenValidationException("The token failed validation.", result.Exception);
                    }

                    var validationResult = await _handler.ValidateTokenAsync(token, parameters);
                    if (!validationResult.IsValid)
                    {
                        throw new SecurityTokenValidationException("The token failed validation.", validationResult.Exception);
                    }

                    var validationResult2 = await _handler.ValidateTokenAsync(token, parameters);
                    if (!validationResult2.IsValid)
                    {
                        throw new SecurityTokenValidationException("The token failed validation.", validationResult2.Exception);
                    }

                    var identity = validationResult2.ClaimsIdentity;
                    return new ClaimsPrincipal(result.ClaimsIdentity);
                }
            }
            """, "AUTH104.CheckIsValid");
    }
}
