using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.TokenWithoutExpiryAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.TokenWithoutExpiryCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class TokenWithoutExpiryAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;

    private const string JwtNetUsings = """
        using System;
        using System.Collections.Generic;
        using JWT;
        using JWT.Algorithms;
        using JWT.Builder;
        using JWT.Serializers;

        """;

    /// <summary>jose-jwt's <c>Jose.JWT</c> without Jwt.Net, whose <c>JWT</c> namespace would hide it.</summary>
    private const References JoseOnly = References.Jose | References.IdentityModel | References.AspNetCore;

    // ---------- IdentityModel: JwtSecurityToken and JwtPayload ----------

    [Fact]
    public async Task Reports_NewJwtSecurityToken_WithoutExpires()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public string Issue(SigningCredentials credentials, IEnumerable<Claim> claims)
                {
                    var token = {|#0:new JwtSecurityToken("https://issuer", "api", claims, signingCredentials: credentials)|};
                    return new JwtSecurityTokenHandler().WriteToken(token);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("new JwtSecurityToken"));
    }

    [Fact]
    public async Task Reports_NewJwtSecurityToken_NullExpires_NamedPositionalAndThroughConst()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private static readonly DateTime? Never = null;

                public void Issue(SigningCredentials credentials)
                {
                    _ = new JwtSecurityToken("iss", "aud", null, null, [|null|], credentials);
                    _ = new JwtSecurityToken(issuer: "iss", expires: [|null|], signingCredentials: credentials);
                    DateTime? expires = null;
                    _ = new JwtSecurityToken("iss", "aud", null, DateTime.UtcNow, [|expires|], credentials);
                    _ = new JwtSecurityToken(expires: [|default|]);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtPayload_WithoutExp_AndHeaderPlusPayload()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public string Issue(SigningCredentials credentials, IEnumerable<Claim> claims)
                {
                    var payload = [|new JwtPayload(claims)|];
                    payload["role"] = "admin";
                    var token = new JwtSecurityToken(new JwtHeader(credentials), payload);
                    var other = new JwtSecurityToken(new JwtHeader(credentials), [|new JwtPayload { ["sub"] = "42" }|]);
                    var third = new JwtPayload("iss", "aud", claims, null, [|null|]);
                    return new JwtSecurityTokenHandler().WriteToken(token);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_JwtSecurityTokenAndPayload_WithExpiry()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                public void Issue(SigningCredentials credentials, IEnumerable<Claim> claims, DateTime? expires)
                {
                    _ = new JwtSecurityToken("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(15), credentials);
                    _ = new JwtSecurityToken(expires: expires);
                    _ = new JwtSecurityToken("eyJhbGciOiJIUzI1NiJ9.e30.x");
                    var payload = new JwtPayload(claims);
                    payload["exp"] = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
                    _ = new JwtSecurityToken(new JwtHeader(credentials), payload);
                    var payload2 = new JwtPayload();
                    payload2.Add(System.IdentityModel.Tokens.Jwt.JwtRegisteredClaimNames.Exp, 1700000000);
                    _ = new JwtPayload { { "exp", 1700000000 } };
                    _ = new JwtPayload("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(5));
                }

                public void WithExpClaim(SigningCredentials credentials)
                {
                    var claims = new List<Claim> { new Claim(System.IdentityModel.Tokens.Jwt.JwtRegisteredClaimNames.Exp, "1700000000") };
                    _ = new JwtSecurityToken("iss", "aud", claims, signingCredentials: credentials);
                }

                public void Unknown(JwtPayload seed, SigningCredentials credentials)
                {
                    var payload = new JwtPayload();
                    Fill(payload);
                    _ = new JwtSecurityToken(new JwtHeader(credentials), payload);
                }

                private static void Fill(JwtPayload payload) => payload["exp"] = 1;
            }
            """);
    }

    // ---------- IdentityModel: descriptors and string payloads ----------

    [Fact]
    public async Task Reports_Descriptor_WhenHandlerDefaultTimesAreOff()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
                private readonly JwtSecurityTokenHandler _legacy = new JwtSecurityTokenHandler();

                public Issuer() { _legacy.SetDefaultTimesOnTokenCreation = false; }

                public void Issue(SigningCredentials credentials)
                {
                    _ = _handler.{|#0:CreateToken|}([|new SecurityTokenDescriptor { Issuer = "iss", SigningCredentials = credentials }|]);
                    var descriptor = [|new SecurityTokenDescriptor { SigningCredentials = credentials }|];
                    _ = _legacy.CreateEncodedJwt(descriptor);
                    var local = new JsonWebTokenHandler();
                    local.SetDefaultTimesOnTokenCreation = false;
                    _ = local.CreateToken([|new SecurityTokenDescriptor()|]);
                    _ = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken([|new SecurityTokenDescriptor { Expires = null }|]);
                }
            }
            """.Replace("{|#0:CreateToken|}", "CreateToken"));
    }

    [Fact]
    public async Task NoDiagnostic_Descriptor_WithDefaultHandler_OrExpires()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private readonly JsonWebTokenHandler _off = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

                public void Issue(SigningCredentials credentials, IDictionary<string, object> claims, bool setTimes)
                {
                    // The default handler adds an hour.
                    _ = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor { SigningCredentials = credentials });
                    _ = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = setTimes }.CreateToken(new SecurityTokenDescriptor());
                    _ = _off.CreateToken(new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(10) });
                    _ = _off.CreateToken(new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["exp"] = 1700000000 } });
                    _ = _off.CreateToken(new SecurityTokenDescriptor { Claims = claims });
                    var descriptor = new SecurityTokenDescriptor();
                    descriptor.Expires = DateTime.UtcNow.AddMinutes(10);
                    _ = _off.CreateToken(descriptor);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_CreateToken_ConstantJsonPayloadWithoutExp()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Issuer
            {
                private const string Payload = "{\"sub\":\"42\",\"iss\":\"https://issuer\"}";

                public void Issue(SigningCredentials credentials, string dynamicPayload)
                {
                    var handler = new JsonWebTokenHandler();
                    _ = handler.CreateToken({|#0:Payload|}, credentials);
                    _ = handler.CreateToken([|"{\"sub\":\"42\"}"|]);
                    _ = handler.CreateToken("{\"sub\":\"42\",\"exp\":1700000000}", credentials);
                    _ = handler.CreateToken(dynamicPayload, credentials);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JsonWebTokenHandler.CreateToken"));
    }

    // ---------- Jwt.Net ----------

    [Fact]
    public async Task Reports_JwtNetBuilder_WithoutExp()
    {
        await VerifyCS.VerifyAnalyzerAsync(JwtNetUsings + """
            public class Issuer
            {
                public void Issue(byte[] key)
                {
                    _ = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(key).AddClaim("sub", "42").{|#0:Encode()|};
                    var builder = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(key);
                    builder.AddClaim(ClaimName.Subject, "42");
                    _ = builder.[|Encode()|];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JwtBuilder.Encode"));
    }

    [Fact]
    public async Task NoDiagnostic_JwtNetBuilder_WithExp()
    {
        await VerifyCS.VerifyAnalyzerAsync(JwtNetUsings + """
            public class Issuer
            {
                public void Issue(byte[] key, JwtBuilder given, string claimName, IEnumerable<KeyValuePair<string, object>> claims)
                {
                    _ = new JwtBuilder().WithSecret(key).AddClaim("exp", DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds()).Encode();
                    _ = new JwtBuilder().WithSecret(key).AddClaim(ClaimName.ExpirationTime, DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds()).Encode();
                    _ = new JwtBuilder().WithSecret(key).ExpirationTime(DateTime.UtcNow.AddMinutes(15)).Encode();
                    _ = new JwtBuilder().WithSecret(key).AddClaims(claims).Encode();
                    _ = new JwtBuilder().WithSecret(key).AddClaim(claimName, 1).Encode();
                    _ = given.Encode();
                    var builder = new JwtBuilder().WithSecret(key);
                    builder.ExpirationTime(DateTime.UtcNow.AddMinutes(5));
                    _ = builder.Encode();
                    var handed = new JwtBuilder().WithSecret(key);
                    AddStandardClaims(handed);
                    _ = handed.Encode();
                }

                private static void AddStandardClaims(JwtBuilder builder) => builder.ExpirationTime(DateTime.UtcNow.AddMinutes(5));
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtEncoder_DictionaryAndAnonymousPayloads()
    {
        await VerifyCS.VerifyAnalyzerAsync(JwtNetUsings + """
            public class Issuer
            {
                public void Issue(byte[] key)
                {
                    IJwtEncoder encoder = new JwtEncoder(new HMACSHA256Algorithm(), new JsonNetSerializer(), new JwtBase64UrlEncoder());
                    _ = encoder.Encode([|new Dictionary<string, object> { ["sub"] = "42" }|], key);
                    _ = encoder.Encode([|new { sub = "42", role = "admin" }|], key);
                    var payload = [|new Dictionary<string, object> { { "sub", "42" } }|];
                    payload.Add("role", "admin");
                    _ = encoder.Encode(null, payload, key);
                }
            }
            """);
    }

    [Fact]
    public async Task NoDiagnostic_JwtEncoder_WithExp_OrUnknownPayload()
    {
        await VerifyCS.VerifyAnalyzerAsync(JwtNetUsings + """
            public class Issuer
            {
                public void Issue(byte[] key, IJwtEncoder encoder, object payloadFromCaller, IDictionary<string, object> seed)
                {
                    _ = encoder.Encode(new Dictionary<string, object> { ["sub"] = "42", ["exp"] = 1700000000 }, key);
                    _ = encoder.Encode(new { sub = "42", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() }, key);
                    var payload = new Dictionary<string, object> { { "sub", "42" } };
                    payload["exp"] = 1700000000;
                    _ = encoder.Encode(payload, key);
                    _ = encoder.Encode(payloadFromCaller, key);
                    _ = encoder.Encode(new Dictionary<string, object>(seed), key);
                }
            }
            """);
    }

    // ---------- jose-jwt ----------

    [Fact]
    public async Task Reports_JoseEncode_WithoutExp()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Jose;

            public class Issuer
            {
                public void Issue(byte[] key)
                {
                    _ = JWT.Encode([|new Dictionary<string, object> { { "sub", "42" } }|], key, JwsAlgorithm.HS256);
                    _ = JWT.Encode({|#0:new { sub = "42" }|}, key, JwsAlgorithm.HS256);
                    _ = JWT.Encode([|"{\"sub\":\"42\"}"|], key, JwsAlgorithm.HS256);
                }
            }
            """, JoseOnly, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("JWT.Encode"));
    }

    [Fact]
    public async Task NoDiagnostic_JoseEncode_WithExp_AndUserTypeWhenLibraryAbsent()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using Jose;

            public class Issuer
            {
                public void Issue(byte[] key, string json)
                {
                    _ = JWT.Encode(new Dictionary<string, object> { { "sub", "42" }, { "exp", 1700000000 } }, key, JwsAlgorithm.HS256);
                    _ = JWT.Encode(new { sub = "42", exp = 1700000000 }, key, JwsAlgorithm.HS256);
                    _ = JWT.Encode(json, key, JwsAlgorithm.HS256);
                }
            }
            """, JoseOnly, null);
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            namespace MyCompany.Jose
            {
                public static class JWT { public static string Encode(object payload, object key) => ""; }
                public class C { public string M() => JWT.Encode(new Dictionary<string, object> { { "sub", "42" } }, new byte[32]); }
            }
            namespace MyCompany.Tokens
            {
                public class JwtSecurityToken { public JwtSecurityToken(string issuer = null, System.DateTime? expires = null) { } }
                public class D { public object M() => new JwtSecurityToken("iss"); }
            }
            """, References.None, null);
    }

    [Fact]
    public async Task Reports_InGeneratedCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Usings + """
            public static class GeneratedIssuer
            {
                public static object Issue() => [|new JwtSecurityToken("iss", "aud")|];
            }
            """);
    }

    // ---------- fixes ----------

    [Fact]
    public async Task Fix_JwtSecurityToken_AddsOrReplacesExpires_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                public void Issue(SigningCredentials credentials, IEnumerable<Claim> claims)
                {
                    var a = [|new JwtSecurityToken("iss", "aud", claims, signingCredentials: credentials)|];
                    var b = new JwtSecurityToken("iss", "aud", claims, null, [|null|], credentials);
                    var c = [|new JwtSecurityToken()|];
                }
            }
            """, Usings + """
            public class Issuer
            {
                public void Issue(SigningCredentials credentials, IEnumerable<Claim> claims)
                {
                    var a = new JwtSecurityToken(new JwtHeader(credentials), new JwtPayload("iss", "aud", claims, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddMinutes(15), issuedAt: DateTime.UtcNow));
                    var b = new JwtSecurityToken(new JwtHeader(credentials), new JwtPayload("iss", "aud", claims, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddMinutes(15), issuedAt: DateTime.UtcNow));
                    var c = new JwtSecurityToken(new JwtHeader(), new JwtPayload(null, null, null, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddMinutes(15), issuedAt: DateTime.UtcNow));
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_Descriptor_AddsExpires_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Issuer
            {
                private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

                public void Issue(SigningCredentials credentials)
                {
                    _ = _handler.CreateToken([|new SecurityTokenDescriptor { SigningCredentials = credentials }|]);
                    _ = _handler.CreateToken([|new SecurityTokenDescriptor()|]);
                    _ = _handler.CreateToken([|new SecurityTokenDescriptor { Expires = null, SigningCredentials = credentials }|]);
                }
            }
            """, Usings + """
            public class Issuer
            {
                private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

                public void Issue(SigningCredentials credentials)
                {
                    _ = _handler.CreateToken(new SecurityTokenDescriptor { SigningCredentials = credentials, Expires = DateTime.UtcNow.AddMinutes(15) });
                    _ = _handler.CreateToken(new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(15) });
                    _ = _handler.CreateToken(new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(15), SigningCredentials = credentials });
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_PayloadEntries_DictionaryJwtPayloadAndAnonymous_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IdentityModel.Tokens.Jwt;
            using Jose;
            using Microsoft.IdentityModel.Tokens;

            public class Issuer
            {
                public void Issue(byte[] key, SigningCredentials credentials)
                {
                    _ = JWT.Encode([|new Dictionary<string, object> { { "sub", "42" } }|], key, JwsAlgorithm.HS256);
                    _ = JWT.Encode([|new Dictionary<string, object> { ["sub"] = "42" }|], key, JwsAlgorithm.HS256);
                    _ = JWT.Encode([|new { sub = "42" }|], key, JwsAlgorithm.HS256);
                    _ = new JwtSecurityToken(new JwtHeader(credentials), [|new JwtPayload()|]);
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IdentityModel.Tokens.Jwt;
            using Jose;
            using Microsoft.IdentityModel.Tokens;

            public class Issuer
            {
                public void Issue(byte[] key, SigningCredentials credentials)
                {
                    _ = JWT.Encode(new Dictionary<string, object> { { "sub", "42" }, { "iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds() }, { "nbf", DateTimeOffset.UtcNow.ToUnixTimeSeconds() }, { "exp", DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() } }, key, JwsAlgorithm.HS256);
                    _ = JWT.Encode(new Dictionary<string, object> { ["sub"] = "42", ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["nbf"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["exp"] = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() }, key, JwsAlgorithm.HS256);
                    _ = JWT.Encode(new { sub = "42", iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), nbf = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() }, key, JwsAlgorithm.HS256);
                    _ = new JwtSecurityToken(new JwtHeader(credentials), new JwtPayload { ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["nbf"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["exp"] = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() });
                }
            }
            """, JoseOnly);
    }

    [Fact]
    public async Task Fix_JwtNetBuilder_AddsExpirationClaim_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using JWT.Algorithms;
            using JWT.Builder;

            public class Issuer
            {
                public void Issue(byte[] key)
                {
                    _ = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(key).AddClaim("sub", "42").[|Encode()|];
                    var builder = new JwtBuilder().WithSecret(key);
                    _ = builder.[|Encode()|];
                }
            }
            """, """
            using System;
            using JWT.Algorithms;
            using JWT.Builder;

            public class Issuer
            {
                public void Issue(byte[] key)
                {
                    _ = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(key).AddClaim("sub", "42").AddClaim(ClaimName.IssuedAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddClaim(ClaimName.NotBefore, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddClaim(ClaimName.ExpirationTime, DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds()).Encode();
                    var builder = new JwtBuilder().WithSecret(key);
                    _ = builder.AddClaim(ClaimName.IssuedAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddClaim(ClaimName.NotBefore, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddClaim(ClaimName.ExpirationTime, DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds()).Encode();
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_NotOffered_ForConstantJsonPayload()
    {
        var source = Usings + """
            public class Issuer
            {
                public string Issue() => new JsonWebTokenHandler().CreateToken([|"{\"sub\":\"42\"}"|]);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // ---------- options ----------

    [Fact]
    public async Task Fix_UsesDefaultTokenLifetimeFromGlobalConfig()
    {
        var test = new VerifyCS.Test(References.Server, "safeauth.default_token_lifetime = 1h")
        {
            TestCode = Usings + """
                public class Issuer
                {
                    public object A() => [|new JwtSecurityToken()|];
                }
                """,
            FixedCode = Usings + """
                public class Issuer
                {
                    public object A() => new JwtSecurityToken(new JwtHeader(), new JwtPayload(null, null, null, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddHours(1), issuedAt: DateTime.UtcNow));
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_UsesDefaultTokenLifetimeFromEditorConfig_TimeSpanFormat()
    {
        var test = new VerifyCS.Test(References.Server, "safeauth.default_token_lifetime = 1h")
        {
            TestCode = Usings + """
                public class Issuer
                {
                    public object A() => [|new JwtSecurityToken()|];
                }
                """,
            FixedCode = Usings + """
                public class Issuer
                {
                    public object A() => new JwtSecurityToken(new JwtHeader(), new JwtPayload(null, null, null, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddSeconds(90), issuedAt: DateTime.UtcNow));
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nsafeauth.default_token_lifetime = 00:01:30\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_BadDefaultTokenLifetime_FallsBackTo15Minutes()
    {
        var test = new VerifyCS.Test(References.Server, "safeauth.default_token_lifetime = soon")
        {
            TestCode = Usings + """
                public class Issuer
                {
                    public object A() => [|new JwtSecurityToken()|];
                }
                """,
            FixedCode = Usings + """
                public class Issuer
                {
                    public object A() => new JwtSecurityToken(new JwtHeader(), new JwtPayload(null, null, null, notBefore: DateTime.UtcNow, expires: DateTime.UtcNow.AddMinutes(15), issuedAt: DateTime.UtcNow));
                }
                """,
        };
        await test.RunAsync();
    }
}
