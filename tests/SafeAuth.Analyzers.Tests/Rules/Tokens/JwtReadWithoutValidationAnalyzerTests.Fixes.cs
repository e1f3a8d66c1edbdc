using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.JwtReadWithoutValidationCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

// The code fix, before and after, with Fix All.
public partial class JwtReadWithoutValidationAnalyzerTests
{
    [Fact]
    public async Task Fix_ValidateWithParametersInScope_JwtSecurityTokenHandler()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                private readonly TokenValidationParameters _parameters;
                public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

                public IActionResult Delete(string token)
                {
                    var handler = new JwtSecurityTokenHandler();
                    var jwt = handler.[|ReadJwtToken(token)|];
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, Usings + """
            public class AdminController : ControllerBase
            {
                private readonly TokenValidationParameters _parameters;
                public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

                public IActionResult Delete(string token)
                {
                    var handler = new JwtSecurityTokenHandler();
                    handler.ValidateToken(token, _parameters, out var validatedToken);
                    var jwt = (JwtSecurityToken)validatedToken;
                    return jwt.Claims.Any(c => c.Type == "role" && c.Value == "admin") ? Ok() : Forbid();
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_ValidateWithParametersInScope_JsonWebTokenHandler_Async()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class TokenMiddleware
            {
                private readonly RequestDelegate _next;
                public TokenMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context, TokenValidationParameters parameters)
                {
                    var token = new JsonWebTokenHandler().[|ReadJsonWebToken(context.Request.Headers.Authorization.ToString())|];
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
                    await _next(context);
                }
            }
            """, Usings + """
            public class TokenMiddleware
            {
                private readonly RequestDelegate _next;
                public TokenMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context, TokenValidationParameters parameters)
                {
                    var validationResult = await new JsonWebTokenHandler().ValidateTokenAsync(context.Request.Headers.Authorization.ToString(), parameters);
                    if (!validationResult.IsValid)
                    {
                        throw new SecurityTokenValidationException("The token failed validation.", validationResult.Exception);
                    }

                    var token = (JsonWebToken)validationResult.SecurityToken;
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
                    await _next(context);
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_JwtNetBuilder_AddsMustVerifySignature_OnlyWhereTheChainHasAKey()
    {
        var test = new VerifyCS.Test(References.Server, null)
        {
            TestCode = Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var json = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).[|Decode(token)|];
                    var other = new JwtBuilder().DoNotVerifySignature().[|Decode(token)|];
                    return json.Contains("admin") && other.Contains("admin") ? Ok() : Forbid();
                }
            }
            """,
            FixedCode = Usings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class JwtNetController : ControllerBase
            {
                public IActionResult Get(string token, string secret)
                {
                    var json = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).MustVerifySignature().Decode(token);
                    var other = new JwtBuilder().DoNotVerifySignature().[|Decode(token)|];
                    return json.Contains("admin") && other.Contains("admin") ? Ok() : Forbid();
                }
            }
            """,
            CodeActionEquivalenceKey = "AUTH101.JwtNetVerify",
        };

        // A chain with no key or algorithm gets no MustVerifySignature (every call would throw): without SafeAuth
        // referenced it keeps its finding.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_JwtNetDecoder_VerifyTrue()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, byte[] key, IJwtDecoder decoder)
                {
                    var payload = decoder.[|DecodeToObject(token, key, verify: false)|];
                    return Ok(payload["sub"]);
                }
            }
            """, Usings + """
            using JWT;

            public class DecoderController : ControllerBase
            {
                public IActionResult Get(string token, byte[] key, IJwtDecoder decoder)
                {
                    var payload = decoder.DecodeToObject(token, key, verify: true);
                    return Ok(payload["sub"]);
                }
            }
            """, "AUTH101.JwtNetVerify");
    }

    [Fact]
    public async Task Fix_JosePayload_VerifyWithKeyInScope()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using System.Collections.Generic;

            public class JoseController : ControllerBase
            {
                private readonly byte[] _signingKey;
                public JoseController(byte[] signingKey) => _signingKey = signingKey;

                public IActionResult Get(string token, string other)
                {
                    var json = Jose.JWT.[|Payload(token)|];
                    var claims = Jose.JWT.[|Payload<Dictionary<string, object>>(other)|];
                    return json.Contains("admin") || (string)claims["role"] == "admin" ? Ok() : Forbid();
                }
            }
            """, Usings + """
            using System.Collections.Generic;

            public class JoseController : ControllerBase
            {
                private readonly byte[] _signingKey;
                public JoseController(byte[] signingKey) => _signingKey = signingKey;

                public IActionResult Get(string token, string other)
                {
                    var json = Jose.JWT.Verify(token, _signingKey);
                    var claims = Jose.JWT.Decode<Dictionary<string, object>>(other, _signingKey);
                    return json.Contains("admin") || (string)claims["role"] == "admin" ? Ok() : Forbid();
                }
            }
            """, "AUTH101.JoseKey");
    }

    [Fact]
    public async Task Fix_FixAll_TwoReadsInOneMethod_GetDistinctNames()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other, TokenValidationParameters parameters)
                {
                    var handler = new JwtSecurityTokenHandler();
                    var first = handler.[|ReadJwtToken(token)|];
                    var second = [|new JwtSecurityToken(other)|];
                    return first.Subject == second.Subject ? Ok() : Forbid();
                }
            }
            """, Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other, TokenValidationParameters parameters)
                {
                    var handler = new JwtSecurityTokenHandler();
                    handler.ValidateToken(token, parameters, out var validatedToken);
                    var first = (JwtSecurityToken)validatedToken;
                    new JwtSecurityTokenHandler().ValidateToken(other, parameters, out var validatedToken2);
                    var second = (JwtSecurityToken)validatedToken2;
                    return first.Subject == second.Subject ? Ok() : Forbid();
                }
            }
            """, "AUTH101.ValidateWithParameters");
    }

    [Fact]
    public async Task Fix_NotOffered_WhenNothingInScopeAndNoSafeAuth()
    {
        const string source = Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    return jwt.Subject == "root" ? Ok() : Forbid();
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_StrictJwt_WhenSafeAuthReferenced_NoParametersInScope()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other)
                {
                    var jwt = new JwtSecurityTokenHandler().[|ReadJwtToken(token)|];
                    var web = new JsonWebTokenHandler().[|ReadJsonWebToken(other)|];
                    return jwt.Subject == "root" && web.Subject == "root" ? Ok() : Forbid();
                }
            }
            """, Usings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Tokens;\n") + """
            public class AdminController : ControllerBase
            {
                public IActionResult Delete(string token, string other)
                {
                    var jwt = StrictJwt.ValidateJwtSecurityToken(token);
                    var web = StrictJwt.ValidateJsonWebToken(other);
                    return jwt.Subject == "root" && web.Subject == "root" ? Ok() : Forbid();
                }
            }
            """, References.Server | References.SafeAuthRuntime, "AUTH101.StrictJwt");
    }

    [Fact]
    public async Task Fix_StrictJwt_HandRolledDecodeReadsValidatedPayload()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            using System.Text.Json;
            using SafeAuth.Tokens;

            public class ManualController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var parts = token.Split('.');
                    var json = Base64UrlEncoder.Decode(parts[1]);
                    using var document = JsonDocument.[|Parse(json)|];
                    return Ok(document.RootElement.GetProperty("sub").GetString());
                }
            }
            """, Usings + """
            using System.Text.Json;
            using SafeAuth.Tokens;

            public class ManualController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var parts = token.Split('.');
                    var json = Base64UrlEncoder.Decode(StrictJwt.ValidateJsonWebToken(token).EncodedPayload);
                    using var document = JsonDocument.Parse(json);
                    return Ok(document.RootElement.GetProperty("sub").GetString());
                }
            }
            """, References.Server | References.SafeAuthRuntime, "AUTH101.StrictJwt");
    }

    /// <summary>A controller with validation parameters in scope, as the ValidateWithParameters fix leaves it.</summary>
    private const string ControllerValidatingWithParameters = """
        public class AdminController : ControllerBase
        {
            private readonly TokenValidationParameters _parameters;
            public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

            public IActionResult Delete(string token)
            {
                var handler = new JwtSecurityTokenHandler();
                handler.ValidateToken(token, _parameters, out var validatedToken);
                var jwt = (JwtSecurityToken)validatedToken;
                return jwt.Subject == "root" ? Ok() : Forbid();
            }
        }

        """;

    /// <summary>A minimal API read with no parameters in scope; <c>READ</c> stands for the expression that reads the token.</summary>
    private const string EndpointReading = """
        public static class Endpoints
        {
            public static IResult Delete(HttpContext context, string token) =>
                READ.Subject == "root" ? Results.Ok() : Results.Forbid();
        }
        """;

    [Fact]
    public async Task Fix_FixAll_EachReadGetsItsOwnFix_WhenTheChosenKindDoesNotApplyThere()
    {
        const string unfixedRead = "new JwtSecurityTokenHandler().[|ReadJwtToken(token)|]";
        var test = new VerifyCS.Test(References.Server | References.SafeAuthRuntime, null)
        {
            TestCode = Usings + """
                public class AdminController : ControllerBase
                {
                    private readonly TokenValidationParameters _parameters;
                    public AdminController(TokenValidationParameters parameters) => _parameters = parameters;

                    public IActionResult Delete(string token)
                    {
                        var handler = new JwtSecurityTokenHandler();
                        var jwt = handler.[|ReadJwtToken(token)|];
                        return jwt.Subject == "root" ? Ok() : Forbid();
                    }
                }

                """ + EndpointReading.Replace("READ", unfixedRead, StringComparison.Ordinal),
            BatchFixedCode = Usings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Tokens;\n")
                             + ControllerValidatingWithParameters
                             + EndpointReading.Replace("READ", "StrictJwt.ValidateJwtSecurityToken(token)", StringComparison.Ordinal),
            CodeActionEquivalenceKey = "AUTH101.ValidateWithParameters",
        };

        // One fix at a time applies only the chosen kind (the minimal API read keeps its finding); Fix All falls back to
        // each read's own first fix, so one run leaves no finding.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        test.FixedState.Sources.Add(Usings + ControllerValidatingWithParameters + EndpointReading.Replace("READ", unfixedRead, StringComparison.Ordinal));
        await test.RunAsync(CancellationToken.None);
    }
}
