using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.TokenWithoutExpiryAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.TokenWithoutExpiryCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

/// <summary>
/// The AUTH201 fix gives a token <c>iat</c> and <c>nbf</c> next to <c>exp</c>, so that a validator requiring them (the
/// StrictJwt the AUTH101 fix calls) accepts it; what the token already carries is kept, never duplicated.
/// </summary>
public class TokenWithoutExpiryIssuedTimesTests
{
    [Fact]
    public async Task JwtSecurityToken_NamedArguments_KeepTheirValues_AndNotBefore()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Security.Claims;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public class Issuer
            {
                public string Issue(SigningCredentials credentials, Claim[] claims, DateTime start) =>
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken(audience: "api", issuer: "https://issuer", claims: claims, notBefore: start, signingCredentials: credentials)|]);
            }
            """, """
            using System;
            using System.Security.Claims;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public class Issuer
            {
                public string Issue(SigningCredentials credentials, Claim[] claims, DateTime start) =>
                    new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(credentials), new JwtPayload("https://issuer", "api", claims, notBefore: start, expires: DateTime.UtcNow.AddMinutes(15), issuedAt: DateTime.UtcNow)));
            }
            """);
    }

    [Fact]
    public async Task JwtNetChain_OneCallPerLine_GetsOneClaimPerLine()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using JWT.Algorithms;
            using JWT.Builder;

            public class Issuer
            {
                public string Issue(byte[] key) =>
                    new JwtBuilder()
                        .WithAlgorithm(new HMACSHA256Algorithm())
                        .WithSecret(key)
                        .AddClaim("sub", "42")
                        .[|Encode()|];
            }
            """, """
            using System;
            using JWT.Algorithms;
            using JWT.Builder;

            public class Issuer
            {
                public string Issue(byte[] key) =>
                    new JwtBuilder()
                        .WithAlgorithm(new HMACSHA256Algorithm())
                        .WithSecret(key)
                        .AddClaim("sub", "42")
                        .AddClaim(ClaimName.IssuedAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds())
                        .AddClaim(ClaimName.NotBefore, DateTimeOffset.UtcNow.ToUnixTimeSeconds())
                        .AddClaim(ClaimName.ExpirationTime, DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds())
                        .Encode();
            }
            """);
    }

    [Fact]
    public async Task ExistingIssuedAt_IsNotAddedTwice()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            
            public class Issuer
            {
                public string Issue(byte[] key, long issued) =>
                    Jose.JWT.Encode([|new Dictionary<string, object> { { "sub", "42" }, { "iat", issued } }|], key, Jose.JwsAlgorithm.HS256);

                public string Anonymous(byte[] key, long issued) =>
                    Jose.JWT.Encode([|new { sub = "42", nbf = issued }|], key, Jose.JwsAlgorithm.HS256);
            }
            """, """
            using System;
            using System.Collections.Generic;
            
            public class Issuer
            {
                public string Issue(byte[] key, long issued) =>
                    Jose.JWT.Encode(new Dictionary<string, object> { { "sub", "42" }, { "iat", issued }, { "nbf", DateTimeOffset.UtcNow.ToUnixTimeSeconds() }, { "exp", DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() } }, key, Jose.JwsAlgorithm.HS256);

                public string Anonymous(byte[] key, long issued) =>
                    Jose.JWT.Encode(new { sub = "42", nbf = issued, iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds() }, key, Jose.JwsAlgorithm.HS256);
            }
            """);
    }
}
