using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.ExcessiveTokenLifetimeAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.ExcessiveTokenLifetimeCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public partial class ExcessiveTokenLifetimeAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.IdentityModel.Tokens;
        using JWT.Builder;

        """;

    // ---------- positives ----------

    [Fact]
    public async Task Reports_DescriptorExpires_AddYears()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public SecurityTokenDescriptor Describe() => new SecurityTokenDescriptor
                {
                    Expires = {|#0:DateTime.UtcNow.AddYears(1)|},
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("SecurityTokenDescriptor.Expires", "a token lifetime", "365 days", "1 day"));
    }

    [Fact]
    public async Task Reports_JwtSecurityTokenExpires_Shapes()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private const int Days = 365;

                public void Issue(SigningCredentials credentials, TimeProvider clock)
                {
                    _ = new JwtSecurityToken("iss", "aud", null, null, [|DateTime.UtcNow.AddDays(365)|], credentials);
                    _ = new JwtSecurityToken(expires: [|DateTime.Now.AddDays(Days)|], signingCredentials: credentials);
                    _ = new JwtSecurityToken(expires: [|DateTime.UtcNow + TimeSpan.FromDays(30)|]);
                    _ = new JwtSecurityToken(expires: [|DateTime.UtcNow.AddMonths(1)|]);
                    _ = new JwtSecurityToken(expires: [|DateTime.UtcNow.Add(TimeSpan.FromHours(25))|]);
                    _ = new JwtSecurityToken(expires: [|DateTime.UtcNow.AddHours(12).AddHours(13)|]);
                    _ = new JwtSecurityToken(expires: [|clock.GetUtcNow().AddDays(7).UtcDateTime|]);
                    var now = DateTime.UtcNow;
                    var expires = now.AddDays(2);
                    _ = new JwtSecurityToken(expires: [|expires|]);
                    _ = new JwtPayload("iss", "aud", new List<Claim>(), null, [|DateTime.MaxValue|]);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtNetExpirationTimeAndExpClaim()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public void Issue()
                {
                    _ = new JwtBuilder().ExpirationTime([|DateTime.UtcNow.AddDays(30)|]).Encode();
                    _ = new JwtBuilder().AddClaim(ClaimName.ExpirationTime, [|DateTimeOffset.UtcNow.AddYears(10).ToUnixTimeSeconds()|]).Encode();
                    _ = new JwtBuilder().AddClaim("exp", [|DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds()|]).Encode();
                    _ = new JwtBuilder().ExpirationTime([|DateTimeOffset.MaxValue.ToUnixTimeSeconds()|]).Encode();
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_ClockSkew_Shapes()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public void Configure(TokenValidationParameters p)
                {
                    _ = new TokenValidationParameters { ClockSkew = {|#0:TimeSpan.FromHours(1)|} };
                    p.ClockSkew = [|TimeSpan.MaxValue|];
                    p.ClockSkew = [|new TimeSpan(0, 10, 0)|];
                    p.ClockSkew = [|TimeSpan.FromSeconds(301)|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.ClockSkew", "a clock skew", "1 hour", "5 minutes"));
    }

    // ---------- silent at or below the limits, and look-alikes ----------

    [Fact]
    public async Task NoDiagnostic_AtOrBelowLimits_AndNonConstant()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public void Issue(int days, DateTime issuedAt, TokenValidationParameters p)
                {
                    _ = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(1) };
                    _ = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(15) };
                    _ = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(days) };
                    _ = new SecurityTokenDescriptor { Expires = issuedAt.AddDays(30) };
                    _ = new JwtSecurityToken(expires: DateTime.UtcNow.AddHours(24));
                    p.ClockSkew = TimeSpan.FromMinutes(5);
                    p.ClockSkew = TimeSpan.Zero;
                    p.ClockSkew = TimeSpan.FromSeconds(30);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_LongSpansOutsideTokens()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Cookie { public DateTime Expires { get; set; } public TimeSpan ClockSkew { get; set; } }

            public class Other
            {
                public void M()
                {
                    var retention = DateTime.UtcNow.AddYears(7);
                    _ = new Cookie { Expires = DateTime.UtcNow.AddYears(1), ClockSkew = TimeSpan.FromHours(1) };
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_UserTypeWhenLibraryAbsent()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            namespace Microsoft.IdentityModel.Custom
            {
                public class SecurityTokenDescriptor { public DateTime? Expires { get; set; } }
                public class C { public object M() => new SecurityTokenDescriptor { Expires = DateTime.MaxValue }; }
            }
            """, References.None, null);
    }

    // ---------- options ----------

    [Fact]
    public async Task Options_GlobalConfigRaisesAndLowersLimits()
    {
        var source = Usings + """
            public class Issuer
            {
                public void Issue(TokenValidationParameters p)
                {
                    _ = new SecurityTokenDescriptor { Expires = {|#2:DateTime.UtcNow.AddDays(7)|} };
                    _ = new SecurityTokenDescriptor { Expires = {|#0:DateTime.UtcNow.AddHours(2)|} };
                    p.ClockSkew = TimeSpan.FromMinutes(4);
                    p.ClockSkew = {|#1:TimeSpan.FromMinutes(5)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, References.Server,
            "safeauth.max_token_lifetime = 1h\nsafeauth.max_clock_skew = 00:04:00",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("SecurityTokenDescriptor.Expires", "a token lifetime", "2 hours", "1 hour"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("TokenValidationParameters.ClockSkew", "a clock skew", "5 minutes", "4 minutes"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("SecurityTokenDescriptor.Expires", "a token lifetime", "7 days", "1 hour"));
    }

    [Fact]
    public async Task Options_GlobalConfigAllowsLongerLifetime()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public object Issue() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(7) };
                public object Long() => new SecurityTokenDescriptor { Expires = [|DateTime.UtcNow.AddDays(8)|] };
            }
            """, References.Server, "safeauth.max_token_lifetime = 7d");
    }

    [Fact]
    public async Task Options_PerFileEditorConfigWinsOverGlobal()
    {
        var test = new VerifyCS.Test(References.Server, "safeauth.max_token_lifetime = 1d")
        {
            TestCode = Usings + """
                public class Issuer
                {
                    public object Issue() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(30) };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nsafeauth.max_token_lifetime = 90d\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Options_BadValueFallsBackToDefault()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public object Issue() => new SecurityTokenDescriptor { Expires = [|DateTime.UtcNow.AddDays(2)|] };
                public object Ok() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddHours(24) };
            }
            """, References.Server, "safeauth.max_token_lifetime = a week");
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_ClampsExpiryAndSkew_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                public void Issue(TokenValidationParameters p, SigningCredentials credentials)
                {
                    var descriptor = new SecurityTokenDescriptor { Expires = [|DateTime.UtcNow.AddYears(1)|] };
                    var token = new JwtSecurityToken(expires: [|DateTime.UtcNow + TimeSpan.FromDays(30)|], signingCredentials: credentials);
                    var forever = new JwtSecurityToken(expires: [|DateTime.MaxValue|]);
                    var jwt = new JwtBuilder().AddClaim(ClaimName.ExpirationTime, [|DateTimeOffset.UtcNow.AddMonths(6).ToUnixTimeSeconds()|]).Encode();
                    p.ClockSkew = [|TimeSpan.FromHours(1)|];
                }
            }
            """, Usings + """
            public class Issuer
            {
                public void Issue(TokenValidationParameters p, SigningCredentials credentials)
                {
                    var descriptor = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(1) };
                    var token = new JwtSecurityToken(expires: DateTime.UtcNow.AddDays(1), signingCredentials: credentials);
                    var forever = new JwtSecurityToken(expires: DateTime.UtcNow.AddDays(1));
                    var jwt = new JwtBuilder().AddClaim(ClaimName.ExpirationTime, DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()).Encode();
                    p.ClockSkew = TimeSpan.FromMinutes(5);
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_ClampsTheLocalThatHoldsTheExpiry()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                public object Issue()
                {
                    var now = DateTime.UtcNow;
                    var expires = now.AddDays(90);
                    return new SecurityTokenDescriptor { Expires = [|expires|] };
                }
            }
            """, Usings + """
            public class Issuer
            {
                public object Issue()
                {
                    var now = DateTime.UtcNow;
                    var expires = now.AddDays(1);
                    return new SecurityTokenDescriptor { Expires = expires };
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_UsesConfiguredMaximum()
    {
        var test = new VerifyCS.Test(References.Server, "safeauth.max_token_lifetime = 2h\nsafeauth.max_clock_skew = 90s")
        {
            TestCode = Usings + """
                public class Issuer
                {
                    public void Issue(TokenValidationParameters p)
                    {
                        var descriptor = new SecurityTokenDescriptor { Expires = [|DateTime.UtcNow.AddDays(1)|] };
                        p.ClockSkew = [|TimeSpan.FromMinutes(2)|];
                    }
                }
                """,
            FixedCode = Usings + """
                public class Issuer
                {
                    public void Issue(TokenValidationParameters p)
                    {
                        var descriptor = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddHours(2) };
                        p.ClockSkew = TimeSpan.FromSeconds(90);
                    }
                }
                """,
        };
        await test.RunAsync();
    }
}
