using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.LifetimeValidationDisabledAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.LifetimeValidationDisabledCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class LifetimeValidationDisabledAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Security.Claims;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.Tokens;

        """;

    // ---------- positives ----------

    [Fact]
    public async Task Reports_ValidateLifetimeFalse_InObjectInitializer()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer",
                    {|#0:ValidateLifetime = false|},
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.ValidateLifetime", "accepts expired tokens"));
    }

    /// <summary>A local declared first and given its one value later is followed like an initialized one (the shared value flow).</summary>
    [Fact]
    public async Task Reports_ValidateLifetime_FromALocalAssignedOnceAfterItsDeclaration_NotFromOneAssignedTwice()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters(bool strict)
                {
                    bool check;
                    check = false;
                    bool maybe;
                    if (strict) maybe = true; else maybe = false;
                    var parameters = new TokenValidationParameters { ValidIssuer = "https://issuer", RequireExpirationTime = maybe };
                    {|#0:parameters.ValidateLifetime = check|};
                    return parameters;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.ValidateLifetime", "accepts expired tokens"));
    }

    [Fact]
    public async Task Reports_RequireExpirationTimeFalse_AssignedOnLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters()
                {
                    var parameters = new TokenValidationParameters();
                    {|#0:parameters.RequireExpirationTime = false|};
                    return parameters;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.RequireExpirationTime", "accepts tokens that never expire"));
    }

    [Fact]
    public async Task Reports_InsideAddJwtBearer_InitializerAndAssignment()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
                    {
                        [|ValidateLifetime = false|],
                    });
                    services.AddAuthentication().AddJwtBearer("refresh", options =>
                    {
                        [|options.TokenValidationParameters.RequireExpirationTime = false|];
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_ConstantThroughLocalAndConst()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                private const bool Strict = false;
                private static readonly bool CheckExpiry = false;

                public TokenValidationParameters Parameters()
                {
                    var validate = false;
                    return new TokenValidationParameters
                    {
                        [|ValidateLifetime = validate|],
                        [|RequireExpirationTime = Strict|],
                    };
                }

                public void Other(TokenValidationParameters p) { [|p.ValidateLifetime = CheckExpiry|]; }
            }
            """);
    }

    [Fact]
    public async Task Reports_AlwaysTrueLifetimeValidator_LambdaAnonymousMethodAndMethodGroup()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;

            public class Startup
            {
                public void Configure(TokenValidationParameters a, TokenValidationParameters b, TokenValidationParameters c, TokenValidationParameters d)
                {
                    [|a.LifetimeValidator = (notBefore, expires, token, parameters) => true|];
                    [|b.LifetimeValidator = delegate (DateTime? nb, DateTime? ex, SecurityToken t, TokenValidationParameters p) { return true; }|];
                    [|c.LifetimeValidator = AcceptAll|];
                    [|d.LifetimeValidator = (nb, ex, t, p) => { Console.WriteLine("checked"); return true; }|];
                }

                private static bool AcceptAll(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) => true;
            }
            """);
    }

    [Fact]
    public async Task Reports_AlwaysTrueLifetimeValidator_WhoseNestedLambdasReturnOrThrowSomethingElse()
    {
        // Only the validator's own returns decide: a nested lambda or local function returning false, or throwing,
        // does not make the validator check anything.
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public void Configure(TokenValidationParameters a, TokenValidationParameters b)
                {
                    {|#0:a.LifetimeValidator = (nb, ex, t, p) =>
                    {
                        Func<bool> never = () => false;
                        Func<bool> fail = () => throw new InvalidOperationException();
                        return true;
                    }|};
                    {|#1:b.LifetimeValidator = (nb, ex, t, p) =>
                    {
                        bool Check() => ex > DateTime.UtcNow;
                        return true;
                    }|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.LifetimeValidator", "accepts every token lifetime, expired or not"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("TokenValidationParameters.LifetimeValidator", "accepts every token lifetime, expired or not"));
    }

    [Fact]
    public async Task NoDiagnostic_LifetimeValidatorThatThrowsItself()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public void Configure(TokenValidationParameters a)
                {
                    a.LifetimeValidator = (nb, ex, t, p) =>
                    {
                        if (ex is null) throw new SecurityTokenNoExpirationException("no exp");
                        return true;
                    };
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_RefreshNamedMethod_WhenSignatureValidationIsAlsoOff()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenService
            {
                public ClaimsPrincipal GetPrincipalFromExpiredToken(string token)
                {
                    var parameters = new TokenValidationParameters
                    {
                        [|ValidateLifetime = false|],
                        RequireSignedTokens = false,
                    };
                    return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_RefreshNamedClass_InJwtBearerConfiguration()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class RefreshSetup
            {
                public static void Configure(IServiceCollection services, string refreshToken)
                {
                    services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
                    {
                        [|ValidateLifetime = false|],
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Usings + """
            public static class GeneratedAuth
            {
                public static TokenValidationParameters Parameters() => new() { [|ValidateLifetime = false|] };
            }
            """);
    }

    // ---------- look-alikes that stay silent ----------

    [Fact]
    public async Task NoDiagnostic_SafeValues()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters(bool fromConfig) => new TokenValidationParameters
                {
                    ValidateLifetime = true,
                    RequireExpirationTime = fromConfig,
                    LifetimeValidator = (nb, ex, t, p) => ex > DateTime.UtcNow,
                };
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_LocalReassigned()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters(bool strict)
                {
                    var validate = false;
                    if (strict) validate = true;
                    return new TokenValidationParameters { ValidateLifetime = validate };
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_RefreshTokenExchange_WithSignatureValidationOn()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenService
            {
                private readonly SecurityKey _key;
                public TokenService(SecurityKey key) => _key = key;

                public ClaimsPrincipal GetPrincipalFromExpiredToken(string token)
                {
                    var parameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://issuer",
                        ValidAudience = "api",
                        IssuerSigningKey = _key,
                        ValidateLifetime = false,
                    };
                    return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
                }

                public string Exchange(string accessToken, string refreshToken)
                {
                    var parameters = new TokenValidationParameters { IssuerSigningKey = _key, ValidateLifetime = false };
                    new JwtSecurityTokenHandler().ValidateToken(accessToken, parameters, out _);
                    return refreshToken;
                }
            }

            public class RefreshRequest { public string AccessToken { get; set; } = ""; public string RefreshToken { get; set; } = ""; }

            public class AuthController
            {
                public void Renew(RefreshRequest request, SecurityKey key)
                {
                    var parameters = new TokenValidationParameters { IssuerSigningKey = key };
                    parameters.ValidateLifetime = false;
                    new JwtSecurityTokenHandler().ValidateToken(request.AccessToken, parameters, out _);
                    _ = request.RefreshToken;
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypeWithSameMembers_WhenLibraryAbsent()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace Custom
            {
                public class TokenValidationParameters { public bool ValidateLifetime { get; set; } public bool RequireExpirationTime { get; set; } }

                public class Startup
                {
                    public TokenValidationParameters P() => new TokenValidationParameters { ValidateLifetime = false, RequireExpirationTime = false };
                }
            }
            """, References.None, null);
    }

    [Fact]
    public async Task NoDiagnostic_OtherTypeWithSameMember_WhenLibraryPresent()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class CacheOptions { public bool ValidateLifetime { get; set; } }

            public class Startup
            {
                public CacheOptions P() => new CacheOptions { ValidateLifetime = false };
            }
            """);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_RemovesInitializerEntry()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer",
                    [|ValidateLifetime = false|],
                    ValidAudience = "api",
                };
            }
            """, Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer",
                    ValidAudience = "api",
                };
            }
            """);
    }

    [Fact]
    public async Task Fix_RemovesAssignmentStatement()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                    {
                        options.TokenValidationParameters.ValidIssuer = "https://issuer";
                        [|options.TokenValidationParameters.LifetimeValidator = (nb, ex, t, p) => true|];
                    });
                }
            }
            """, Usings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                    {
                        options.TokenValidationParameters.ValidIssuer = "https://issuer";
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_FixAll_RemovesBothEntriesOfOneInitializer()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters() => new TokenValidationParameters
                {
                    [|ValidateLifetime = false|],
                    ValidIssuer = "https://issuer",
                    [|RequireExpirationTime = false|],
                };
            }
            """, Usings + """
            public class Startup
            {
                public TokenValidationParameters Parameters() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer",
                };
            }
            """);
    }

    [Fact]
    public async Task Fix_NotOffered_ForExpressionBodiedLambdaAssignment()
    {
        var source = Usings + """
            public static class Auth
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthentication().AddJwtBearer(o => [|o.TokenValidationParameters.ValidateLifetime = false|]);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
