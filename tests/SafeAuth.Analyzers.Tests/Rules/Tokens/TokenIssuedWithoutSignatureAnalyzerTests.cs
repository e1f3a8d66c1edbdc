using Xunit;
using static SafeAuth.Analyzers.Tests.Verifiers.Snippets;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.TokenIssuedWithoutSignatureAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.TokenIssuedWithoutSignatureCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

public class TokenIssuedWithoutSignatureAnalyzerTests
{
    /// <summary>
    /// Jwt.Net 8 and later ship <c>JWT.Algorithms.NoneAlgorithm</c>; the registry serves Jwt.Net 7.3.1, which lacks it,
    /// so this mirrors its public shape on top of the real 7.3.1 <c>IJwtAlgorithm</c>.
    /// </summary>
    internal const string NoneAlgorithmOfJwtNet8 = """

        namespace JWT.Algorithms
        {
            public sealed class NoneAlgorithm : IJwtAlgorithm
            {
                public string Name => "none";
                public byte[] Sign(byte[] key, byte[] bytesToSign) => new byte[0];
            }
        }
        """;

    [Fact]
    public async Task Reports_JwtSecurityToken_WithoutOrWithNullCredentials()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Issuer
            {
                public string[] Issue(IEnumerable<Claim> claims) => new[]
                {
                    new JwtSecurityTokenHandler().WriteToken({|#0:new JwtSecurityToken("iss", "aud", claims, expires: DateTime.UtcNow.AddMinutes(5))|}),
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(5), null)|]),
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken()|]),
                };
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("new JwtSecurityToken(...)", "pass signingCredentials"));
    }

    [Fact]
    public async Task Reports_HeaderWithoutCredentials_ThroughLocal()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Issuer
            {
                public string Issue(JwtPayload payload)
                {
                    var header = new JwtHeader();
                    var token = [|new JwtSecurityToken(header, payload)|];
                    return new JwtSecurityTokenHandler().WriteToken(token);
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_DescriptorWithoutSigningCredentials_AndPayloadOnlyCreateToken()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            public class Issuer
            {
                private readonly JsonWebTokenHandler _handler = new();

                public string[] Issue(ClaimsIdentity subject)
                {
                    var descriptor = new SecurityTokenDescriptor { Subject = subject, Expires = DateTime.UtcNow.AddMinutes(5) };
                    return new[]
                    {
                        [|_handler.CreateToken(descriptor)|],
                        [|new JwtSecurityTokenHandler().CreateEncodedJwt(new SecurityTokenDescriptor { Subject = subject })|],
                        [|_handler.CreateToken("{\"sub\":\"1\"}")|],
                    };
                }
            }
            """);
    }

    [Fact]
    public async Task Reports_JwtNetNoneAlgorithm_AndJoseNone()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using JWT;
            using JWT.Algorithms;
            using JWT.Builder;
            using JWT.Serializers;

            public class Issuer
            {
                public string[] Issue(Dictionary<string, object> payload)
                {
                    return new[]
                    {
                        new JwtBuilder().WithAlgorithm([|new NoneAlgorithm()|]).AddClaim("sub", "1").Encode(),
                        new JwtEncoder([|new NoneAlgorithm()|], new JsonNetSerializer(), new JwtBase64UrlEncoder()).Encode(payload, (byte[])null!),
                        Jose.JWT.Encode(payload, null, [|Jose.JwsAlgorithm.none|]),
                    };
                }
            }
            """ + NoneAlgorithmOfJwtNet8);
    }

    [Fact]
    public async Task NoDiagnostic_SignedTokens_EncryptedDescriptor_AndDecodingWithNone()
    {
        await VerifyCS.VerifyAnalyzerAsync(TokenUsings + """
            using JWT.Algorithms;
            using JWT.Builder;

            public class Issuer
            {
                private readonly JsonWebTokenHandler _handler = new();

                public string[] Issue(IEnumerable<Claim> claims, SigningCredentials credentials, EncryptingCredentials encrypting, ClaimsIdentity subject, byte[] key)
                {
                    var descriptor = new SecurityTokenDescriptor { Subject = subject };
                    descriptor.SigningCredentials = credentials;
                    return new[]
                    {
                        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(5), credentials)),
                        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new System.IdentityModel.Tokens.Jwt.JwtHeader(credentials), new JwtPayload(claims))),
                        _handler.CreateToken(descriptor),
                        _handler.CreateToken(new SecurityTokenDescriptor { Subject = subject, EncryptingCredentials = encrypting }),
                        _handler.CreateToken("{}", credentials),
                        Jose.JWT.Encode("{}", key, Jose.JwsAlgorithm.HS256),
                        new JwtBuilder().WithAlgorithm(new NoneAlgorithm()).Decode("a.b."),
                    };
                }
            }
            """ + NoneAlgorithmOfJwtNet8);
    }

    [Fact]
    public async Task Fix_AddsCredentialsInScope_FixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class Issuer
            {
                private readonly SigningCredentials _credentials;
                private readonly JsonWebTokenHandler _handler = new();
                public Issuer(SigningCredentials credentials) => _credentials = credentials;

                public string[] Issue(IEnumerable<Claim> claims, ClaimsIdentity subject) => new[]
                {
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken("iss", "aud", claims, expires: DateTime.UtcNow.AddMinutes(5))|]),
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(5), null)|]),
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken(new JwtHeader(), new JwtPayload(claims))|]),
                    [|_handler.CreateToken(new SecurityTokenDescriptor { Subject = subject })|],
                    [|_handler.CreateToken("{}")|],
                };
            }
            """, TokenUsings + """
            public class Issuer
            {
                private readonly SigningCredentials _credentials;
                private readonly JsonWebTokenHandler _handler = new();
                public Issuer(SigningCredentials credentials) => _credentials = credentials;

                public string[] Issue(IEnumerable<Claim> claims, ClaimsIdentity subject) => new[]
                {
                    new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("iss", "aud", claims, expires: DateTime.UtcNow.AddMinutes(5), signingCredentials: _credentials)),
                    new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("iss", "aud", claims, null, DateTime.UtcNow.AddMinutes(5), _credentials)),
                    new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(_credentials), new JwtPayload(claims))),
                    _handler.CreateToken(new SecurityTokenDescriptor { Subject = subject, SigningCredentials = _credentials }),
                    _handler.CreateToken("{}", _credentials),
                };
            }
            """, "AUTH105.AddSigningCredentials");
    }

    [Fact]
    public async Task Fix_NotOffered_WithoutCredentialsInScope()
    {
        const string source = TokenUsings + """
            public class Issuer
            {
                public string Issue(IEnumerable<Claim> claims) =>
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken("iss", "aud", claims)|]);
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_WithoutCredentials_SignsWithAKeyFromTheEnvironment_WhenSafeAuthIsReferenced()
    {
        await VerifyCS.VerifyCodeFixAsync(TokenUsings + """
            public class ServiceTokenIssuer
            {
                public string Issue(IEnumerable<Claim> claims) =>
                    new JwtSecurityTokenHandler().WriteToken([|new JwtSecurityToken("iss", "aud", claims)|]);
            }
            """, TokenUsings.Replace("using Microsoft.IdentityModel.Tokens;\n", "using Microsoft.IdentityModel.Tokens;\nusing SafeAuth.Secrets;\n", StringComparison.Ordinal) + """
            public class ServiceTokenIssuer
            {
                public string Issue(IEnumerable<Claim> claims) =>
                    new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("iss", "aud", claims, signingCredentials: new SigningCredentials(SigningKeyLoader.FromEnvironment("SERVICE_TOKEN_ISSUER_SIGNING_KEY", SecurityAlgorithms.HmacSha256), SecurityAlgorithms.HmacSha256)));
            }
            """, SafeAuth.Analyzers.Tests.Verifiers.References.Server | SafeAuth.Analyzers.Tests.Verifiers.References.SafeAuthRuntime, "AUTH105.KeyFromEnvironment");
    }
}
