using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using static SafeAuth.Analyzers.Tests.Verifiers.Snippets;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.IssuerOrAudienceValidationDisabledAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.IssuerOrAudienceValidationDisabledCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class IssuerOrAudienceValidationDisabledAnalyzerTests
{
    [Fact]
    public async Task Reports_ValidateIssuerAndAudienceFalse_InInitializer()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create(SecurityKey key) => new()
                {
                    IssuerSigningKey = key,
                    {|#0:ValidateIssuer = false|},
                    {|#1:ValidateAudience = false|},
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
    }

    /// <summary>A <c>static readonly</c> switch set to false is as constant as the literal; a mutable static field is not.</summary>
    [Fact]
    public async Task Reports_AStaticReadonlySwitch_NotAMutableOne()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                private static readonly bool CheckIssuer = false;
                public static bool CheckAudience = false;
                public TokenValidationParameters Create(SecurityKey key) => new()
                {
                    IssuerSigningKey = key,
                    {|#0:ValidateIssuer = CheckIssuer|},
                    ValidateAudience = CheckAudience,
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"));
    }

    [Fact]
    public async Task Reports_WithEmphasis_WhenValidValuesSetButUnchecked_AndKeysFromSharedProvider()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public static class Setup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                    {
                        options.Authority = "https://login.example.com";
                        options.TokenValidationParameters = new TokenValidationParameters
                        {
                            ValidIssuer = "https://login.example.com",
                            {|#0:ValidateIssuer = false|},
                            ValidAudience = "api://orders",
                            {|#1:ValidateAudience = false|},
                        };
                    });
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "ValidIssuer/ValidIssuers is set but never checked, so tokens from any issuer the keys trust are accepted"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("ValidateAudience = false", "audience", "ValidAudience/ValidAudiences is set but never checked, and the keys come from a shared provider, so a token minted for any other application is accepted"));
    }

    [Fact]
    public async Task Reports_OnTokenValidationParametersOfOptions_ThroughLocalConstant()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public static class Setup
            {
                public static void Configure(JwtBearerOptions options)
                {
                    const bool check = false;
                    var audience = check;
                    {|#0:options.TokenValidationParameters.ValidateAudience = audience|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
    }

    [Fact]
    public async Task Reports_AcceptAllValidators_LambdaBlockAndMethodGroup()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                public void Configure(TokenValidationParameters p, TokenValidationParameters q)
                {
                    [|p.IssuerValidator = (issuer, token, parameters) => issuer|];
                    [|p.AudienceValidator = (audiences, token, parameters) => true|];
                    [|q.AudienceValidator = delegate { return true; }|];
                    [|q.IssuerValidator = AnyIssuer|];
                }

                private static string AnyIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
                {
                    Console.WriteLine(issuer);
                    return issuer;
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_MultiTenantCustomValidator_AndRealValidators()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Setup
            {
                private static readonly HashSet<string> Tenants = new() { "a", "b" };

                public TokenValidationParameters Create() => new()
                {
                    ValidateIssuer = false,
                    IssuerValidator = (issuer, token, parameters) =>
                    {
                        var tenant = issuer.Split('/')[3];
                        if (!Tenants.Contains(tenant)) throw new SecurityTokenInvalidIssuerException("unknown tenant");
                        return issuer;
                    },
                    ValidateAudience = false,
                    AudienceValidator = (audiences, token, parameters) => audiences.Contains("api://orders"),
                };

                public TokenValidationParameters Strict() => new()
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidIssuers = new[] { "https://a", "https://b" },
                    ValidAudience = "api",
                };
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_OtherTypeWithSameNames()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class CookieSettings { public bool ValidateIssuer { get; set; } public bool ValidateAudience { get; set; } }
            public class Setup { public CookieSettings S => new() { ValidateIssuer = false, ValidateAudience = false }; }
            """);
    }

    [Fact]
    public async Task Fix_RemovesAssignments_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create(JwtBearerOptions options)
                {
                    options.Authority = "https://login.example.com/";
                    [|options.TokenValidationParameters.ValidateIssuer = false|];
                    return new TokenValidationParameters
                    {
                        ValidAudience = "api",
                        [|ValidateAudience = false|],
                        [|AudienceValidator = (a, t, p) => true|],
                    };
                }
            }
            """, TokenUsings + """
            public class Setup
            {
                public TokenValidationParameters Create(JwtBearerOptions options)
                {
                    options.Authority = "https://login.example.com/";
                    return new TokenValidationParameters
                    {
                        ValidAudience = "api",
                    };
                }
            }
            """, "AUTH103.RemoveAssignment");
    }

    [Fact]
    public async Task Fix_NotOffered_WhereTheCheckWouldHaveNothingToCompareWith()
    {
        // No ValidIssuer, no Authority; no ValidAudience, no JwtBearer Audience: removing either opt-out would make the
        // default check refuse every token. The findings stay, with no fix; JwtBearer's Audience counts as a value.
        var test = new VerifyCS.Test(References.Server, null)
        {
            TestCode = TokenUsings + """
                public class Setup
                {
                    public TokenValidationParameters Create() => new()
                    {
                        ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256 },
                        [|ValidateIssuer = false|],
                        [|ValidateAudience = false|],
                    };

                    public void Bearer(JwtBearerOptions options)
                    {
                        options.Audience = "api://orders";
                        [|options.TokenValidationParameters.ValidateAudience = false|];
                    }
                }
                """,
            FixedCode = TokenUsings + """
                public class Setup
                {
                    public TokenValidationParameters Create() => new()
                    {
                        ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256 },
                        [|ValidateIssuer = false|],
                        [|ValidateAudience = false|],
                    };

                    public void Bearer(JwtBearerOptions options)
                    {
                        options.Audience = "api://orders";
                    }
                }
                """,
            CodeActionEquivalenceKey = "AUTH103.RemoveAssignment",
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }
}
