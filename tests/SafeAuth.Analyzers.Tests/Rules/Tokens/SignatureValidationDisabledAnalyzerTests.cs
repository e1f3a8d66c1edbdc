using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using static SafeAuth.Analyzers.Tests.Verifiers.Snippets;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.SignatureValidationDisabledAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.SignatureValidationDisabledCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class SignatureValidationDisabledAnalyzerTests
{
    [Fact]
    public async Task Reports_RequireSignedTokensFalse_InObjectInitializer()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer",
                    {|#0:RequireSignedTokens = false|},
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("RequireSignedTokens = false", "unsigned tokens (alg 'none') are accepted"));
    }

    [Fact]
    public async Task Reports_RequireSignedTokensFalse_InAddJwtBearerLambda_ThroughConstantAndLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public static class Setup
            {
                private const bool Signed = false;

                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                    {
                        var requireSigned = Signed;
                        [|options.TokenValidationParameters.RequireSignedTokens = requireSigned|];
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_SignatureValidator_ReturningParsedToken_LambdaAnonymousMethodAndMethodGroup()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                public void Configure(TokenValidationParameters a, TokenValidationParameters b, TokenValidationParameters c)
                {
                    [|a.SignatureValidator = (token, parameters) => new JsonWebToken(token)|];
                    [|b.SignatureValidator = delegate (string token, TokenValidationParameters parameters)
                    {
                        var handler = new JwtSecurityTokenHandler();
                        return handler.ReadJwtToken(token);
                    }|];
                    [|c.SignatureValidator = Parse|];
                }

                private static SecurityToken Parse(string token, TokenValidationParameters parameters) => new JwtSecurityToken(token);
            }
            """);
    }

    [Fact]
    public async Task Reports_NoneInValidAlgorithms_ArrayListCollectionExpressionAndConstant()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                private const string Unsigned = "None";

                public TokenValidationParameters[] Create()
                {
                    var algorithms = new List<string> { SecurityAlgorithms.RsaSha256, [|"NONE"|] };
                    return new[]
                    {
                        new TokenValidationParameters { ValidAlgorithms = new[] { "RS256", [|"none"|] } },
                        new TokenValidationParameters { ValidAlgorithms = ["RS256", [|SecurityAlgorithms.None|]] },
                        new TokenValidationParameters { ValidAlgorithms = new[] { [|Unsigned|] } },
                        new TokenValidationParameters { ValidAlgorithms = algorithms },
                    };
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtNetDoNotVerifySignature_WhenNotTrustedInRequest()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using JWT.Builder;

            public class Inspector
            {
                public string Read(string token) => new JwtBuilder().[|DoNotVerifySignature()|].Decode(token);
                public string ReadToo(string token) => new JwtBuilder().[|WithVerifySignature(false)|].Decode(token);
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_JwtNetOptOut_AlreadyReportedByAuth101()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using JWT.Builder;

            public class AdminController : ControllerBase
            {
                public IActionResult Get(string token)
                {
                    var json = new JwtBuilder().DoNotVerifySignature().Decode(token);
                    return json.Contains("admin") ? Ok() : Forbid();
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_SafeSettingsAndRealValidators()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using JWT.Builder;

            public class Setup
            {
                public TokenValidationParameters Create(bool fromConfig, SecurityKey key) => new TokenValidationParameters
                {
                    RequireSignedTokens = true,
                    ValidateLifetime = false == fromConfig,
                    ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256, "ES256", "nonexistent" },
                    SignatureValidator = (token, parameters) =>
                    {
                        var handler = new JsonWebTokenHandler();
                        var result = handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
                        return result.SecurityToken;
                    },
                };

                public string Verify(string token, string secret) => new JwtBuilder().WithSecret(secret).MustVerifySignature().WithVerifySignature(true).Decode(token);

                public void Other(Options o) { o.RequireSignedTokens = false; o.ValidAlgorithms = new[] { "none" }; }
            }

            public class Options { public bool RequireSignedTokens { get; set; } public string[] ValidAlgorithms { get; set; } = new string[0]; }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_LibraryAbsent()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class TokenValidationParameters { public bool RequireSignedTokens { get; set; } }
            public class Setup { public TokenValidationParameters P => new() { RequireSignedTokens = false }; }
            """, References.None, null);
    }

    [Fact]
    public async Task Fix_RemovesAssignments_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create()
                {
                    var parameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://issuer",
                        [|RequireSignedTokens = false|],
                        ValidAudience = "api",
                    };
                    [|parameters.SignatureValidator = (token, _) => new JsonWebToken(token)|];
                    return parameters;
                }
            }
            """, TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create()
                {
                    var parameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://issuer",
                        ValidAudience = "api",
                    };
                    return parameters;
                }
            }
            """, "AUTH102.RemoveAssignment");
    }

    [Fact]
    public async Task Fix_RemovesNone_OrTheWholeAssignmentWhenItIsTheOnlyAlgorithm()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters[] Create() => new[]
                {
                    new TokenValidationParameters { ValidAlgorithms = new[] { "RS256", [|"none"|] } },
                    new TokenValidationParameters { ValidAlgorithms = ["ES256", [|"None"|]] },
                    new TokenValidationParameters { ValidIssuer = "i", ValidAlgorithms = new[] { [|"none"|] } },
                };
            }
            """, TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters[] Create() => new[]
                {
                    new TokenValidationParameters { ValidAlgorithms = new[] { "RS256" } },
                    new TokenValidationParameters { ValidAlgorithms = ["ES256"] },
                    new TokenValidationParameters { ValidIssuer = "i" },
                };
            }
            """, "AUTH102.RemoveNone");
    }

    [Fact]
    public async Task Fix_JwtNet_MustVerifySignature_WhereTheChainHasAKey()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class Inspector
            {
                public string Read(string token, string secret) => new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).[|DoNotVerifySignature()|].Decode(token);
                public string ReadToo(string token, string secret) => new JwtBuilder().[|WithVerifySignature(false)|].WithSecret(secret).Decode(token);
            }
            """, TokenUsings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class Inspector
            {
                public string Read(string token, string secret) => new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).MustVerifySignature().Decode(token);
                public string ReadToo(string token, string secret) => new JwtBuilder().WithVerifySignature(true).WithSecret(secret).Decode(token);
            }
            """, "AUTH102.JwtNetVerify");
    }

    [Fact]
    public async Task Fix_JwtNet_NotOffered_WhereTheChainHasNoKey()
    {
        // MustVerifySignature() without a key or an algorithm throws on every Decode: no fix beats a broken one.
        const string source = TokenUsings + """
            using JWT.Builder;

            public class Inspector
            {
                public string Read(string token) => new JwtBuilder().[|DoNotVerifySignature()|].Decode(token);
                public string ReadToo(string token) => new JwtBuilder().[|WithVerifySignature(false)|].Decode(token);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, "AUTH102.JwtNetVerify");
    }
}
