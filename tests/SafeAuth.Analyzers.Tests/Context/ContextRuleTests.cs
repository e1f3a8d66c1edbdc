using SafeAuth.Analyzers.Rules.Tokens;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using static SafeAuth.Analyzers.Tests.Verifiers.Snippets;
using Auth102 = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Tokens.SignatureValidationDisabledAnalyzer>;
using Auth103 = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Tokens.IssuerOrAudienceValidationDisabledAnalyzer>;
using Auth105 = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Tokens.TokenIssuedWithoutSignatureAnalyzer>;
using Auth108 = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Tokens.SelfIssuedIssuerOrAudienceUncheckedAnalyzer>;
using Auth202 = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeAuth.Analyzers.Rules.Tokens.LifetimeValidationDisabledAnalyzer>;

namespace SafeAuth.Analyzers.Tests.Context;

/// <summary>
/// The context model seen through the rules: development-only code and test code are silent by default (with the misuse
/// next to them still reported), each comes back with its option, and client apps do not get server validation rules.
/// </summary>
public class ContextRuleTests
{
    private const string StartupWithDevelopmentBranch = TokenUsings + """
        using Microsoft.Extensions.Hosting;

        public static class Startup
        {
            public static void Configure(IServiceCollection services, IHostEnvironment env)
            {
                services.AddAuthentication().AddJwtBearer(options =>
                {
                    if (env.IsDevelopment())
                    {
                        options.TokenValidationParameters.RequireSignedTokens = false;
                    }

                    options.TokenValidationParameters.SignatureValidator = null;
                });
            }

            public static void Production(TokenValidationParameters parameters, IHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    {|#0:parameters.RequireSignedTokens = false|};
                }
            }

            public static void LocalOnly(TokenValidationParameters parameters, IHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    return;
                }

                parameters.RequireSignedTokens = false;
            }
        }
        """;

    [Fact]
    public async Task DevelopmentOnlyCode_IsSilent_ProductionNextToItIsReported()
    {
        await Auth102.VerifyAnalyzerAsync(StartupWithDevelopmentBranch, References.Server, null,
            Unsigned(0));
    }

    [Fact]
    public async Task DevelopmentOnlyCode_IsReported_WithTheOption()
    {
        var source = StartupWithDevelopmentBranch
            .Replace("options.TokenValidationParameters.RequireSignedTokens = false;", "{|#1:options.TokenValidationParameters.RequireSignedTokens = false|};");
        var last = source.LastIndexOf("parameters.RequireSignedTokens = false;", StringComparison.Ordinal);
        source = source[..last] + "{|#2:parameters.RequireSignedTokens = false|};" + source[(last + "parameters.RequireSignedTokens = false;".Length)..];
        await Auth102.VerifyAnalyzerAsync(source, References.Server, "safeauth.analyze_development_code = true",
            Unsigned(1), Unsigned(0), Unsigned(2));
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Unsigned(int location) =>
        Auth102.Diagnostic().WithLocation(location).WithArguments("RequireSignedTokens = false", "unsigned tokens (alg 'none') are accepted");

    private const string TestHostInAppProject = TokenUsings + """
        using Microsoft.Extensions.Hosting;

        public class ApiFactory : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => next;
        }

        public class FakeAuthFactory : WebApplicationFactory<ApiFactory>
        {
            public void Configure(IServiceCollection services) =>
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                {
                    o.TokenValidationParameters.ValidateIssuer = false;
                    o.TokenValidationParameters.ValidateAudience = false;
                });
        }

        public class WebApplicationFactory<T> { }

        public static class Api
        {
            public static void Configure(JwtBearerOptions o) => {|#0:o.TokenValidationParameters.ValidateIssuer = false|};
        }

        public sealed class FactAttribute : Attribute { }

        public class TokenTests
        {
            [Fact]
            public void Unsigned() => new JwtSecurityToken("issuer", "audience");
        }
        """;

    [Fact]
    public async Task TestCode_InAnAppProject_IsSilent()
    {
        await Auth103.VerifyAnalyzerAsync(TestHostInAppProject, References.Server, null,
            Auth103.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"));
        await Auth105.VerifyAnalyzerAsync(TestHostInAppProject, References.Server, null);
    }

    [Fact]
    public async Task TestCode_InAnAppProject_IsReported_WithTheOption()
    {
        var source = TestHostInAppProject
            .Replace("o.TokenValidationParameters.ValidateAudience = false;", "{|#1:o.TokenValidationParameters.ValidateAudience = false|};")
            .Replace("new JwtSecurityToken(\"issuer\", \"audience\")", "{|#2:new JwtSecurityToken(\"issuer\", \"audience\")|}");
        await Auth105.VerifyAnalyzerAsync(source, References.Server, "safeauth.analyze_test_projects = true",
            Auth105.Diagnostic().WithLocation(2).WithArguments("new JwtSecurityToken(...)", "pass signingCredentials"));
        await Auth103.VerifyAnalyzerAsync(source.Replace("o.TokenValidationParameters.ValidateIssuer = false;", "{|#3:o.TokenValidationParameters.ValidateIssuer = false|};"),
            References.Server, "safeauth.analyze_test_projects = true",
            Auth103.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"),
            Auth103.Diagnostic().WithLocation(3).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"),
            Auth103.Diagnostic().WithLocation(1).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
    }

    private const string ClientDecoder = """
        using System;
        using Microsoft.IdentityModel.Tokens;

        public static class OwnTokenReader
        {
            public static TokenValidationParameters ForDisplay() => new()
            {
                RequireSignedTokens = false,
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false,
                RequireExpirationTime = false,
            };
        }
        """;

    [Fact]
    public async Task ClientApp_DecodingItsOwnToken_IsSilent_ForServerValidationRules()
    {
        var client = References.IdentityModel | References.BlazorWebAssembly;
        await Auth102.VerifyAnalyzerAsync(ClientDecoder, client, null);
        await Auth103.VerifyAnalyzerAsync(ClientDecoder, client, null);
        await Auth202.VerifyAnalyzerAsync(ClientDecoder, client, null);
        await Auth102.VerifyAnalyzerAsync(ClientDecoder, References.IdentityModel, "build_property.UseMaui = true");
    }

    [Fact]
    public async Task ServerLibrary_WithTheSameCode_IsReported()
    {
        var server = References.IdentityModel | References.AspNetCore;
        await Auth102.VerifyAnalyzerAsync(ClientDecoder.Replace("RequireSignedTokens = false", "{|#0:RequireSignedTokens = false|}"), server, null, Unsigned(0));
        await Auth103.VerifyAnalyzerAsync(
            ClientDecoder.Replace("ValidateIssuer = false", "{|#0:ValidateIssuer = false|}").Replace("ValidateAudience = false", "{|#1:ValidateAudience = false|}"),
            server,
            null,
            Auth103.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"),
            Auth103.Diagnostic().WithLocation(1).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
        await Auth202.VerifyAnalyzerAsync(
            ClientDecoder.Replace("ValidateLifetime = false", "{|#0:ValidateLifetime = false|}").Replace("RequireExpirationTime = false", "{|#1:RequireExpirationTime = false|}"),
            server,
            null,
            Auth202.Diagnostic().WithLocation(0).WithArguments("TokenValidationParameters.ValidateLifetime", "accepts expired tokens"),
            Auth202.Diagnostic().WithLocation(1).WithArguments("TokenValidationParameters.RequireExpirationTime", "accepts tokens that never expire"));
    }

    private const string SelfIssued = TokenUsings + """
        using System.Text;

        public static class OwnTokens
        {
            public static TokenValidationParameters Parameters(byte[] key) => new()
            {
                IssuerSigningKey = new SymmetricSecurityKey(key),
                {|#0:ValidateIssuer = false|},
                {|#1:ValidateAudience = false|},
            };

            public static TokenValidationParameters Several(byte[] a, byte[] b) => new()
            {
                IssuerSigningKeys = new[] { new SymmetricSecurityKey(a), new SymmetricSecurityKey(b) },
                {|#2:ValidateAudience = false|},
            };

            public static TokenValidationParameters Provider(byte[] key) => new()
            {
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidIssuer = "https://login.example.com",
                ConfigurationManager = null,
                {|#3:ValidateAudience = false|},
            };

            public static TokenValidationParameters Rsa(System.Security.Cryptography.RSA rsa) => new()
            {
                IssuerSigningKey = new RsaSecurityKey(rsa),
                {|#4:ValidateAudience = false|},
            };
        }
        """;

    [Fact]
    public async Task OwnSymmetricKey_IsAuth108AtInfo_SharedOrPublicKeysStayAuth103()
    {
        await Auth108.VerifyAnalyzerAsync(SelfIssued, References.Server, null,
            Auth108.Diagnostic().WithLocation(0).WithArguments("ValidateIssuer = false", "issuer", "tokens from any issuer the signing keys trust are accepted"),
            Auth108.Diagnostic().WithLocation(1).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"),
            Auth108.Diagnostic().WithLocation(2).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, SelfIssuedIssuerOrAudienceUncheckedAnalyzer.Rule.DefaultSeverity);
    }

    [Fact]
    public async Task SharedProviderOrPublicKey_StaysAuth103()
    {
        var source = SelfIssued.Replace("{|#0:ValidateIssuer = false|}", "ValidateIssuer = false").Replace("{|#1:ValidateAudience = false|}", "ValidateAudience = false").Replace("{|#2:ValidateAudience = false|}", "ValidateAudience = false");
        await Auth103.VerifyAnalyzerAsync(source, References.Server, null,
            Auth103.Diagnostic().WithLocation(3).WithArguments("ValidateAudience = false", "audience", "the keys come from a shared provider, so a token minted for any other application is accepted"),
            Auth103.Diagnostic().WithLocation(4).WithArguments("ValidateAudience = false", "audience", "a token minted for another application is accepted"));
    }
}
