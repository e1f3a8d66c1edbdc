using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeAuth.Analyzers.Rules.Tokens.ExcessiveTokenLifetimeAnalyzer,
    SafeAuth.CodeFixes.Rules.Tokens.ExcessiveTokenLifetimeCodeFixProvider>;

namespace SafeAuth.Analyzers.Tests.Rules.Tokens;

// Token purpose: refresh tokens get their own limit, licence-like tokens none, access tokens keep the access limit.
public partial class ExcessiveTokenLifetimeAnalyzerTests
{
    [Fact]
    public async Task RefreshTokens_AreHeldToTheRefreshLimit()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class TokenService
            {
                public JwtSecurityToken CreateRefreshToken(SigningCredentials credentials) =>
                    new JwtSecurityToken("issuer", "refresh", null, null, DateTime.UtcNow.AddDays(14), credentials);

                public SecurityTokenDescriptor Tokens(SigningCredentials credentials)
                {
                    var refreshToken = new JwtSecurityToken(expires: DateTime.UtcNow.AddDays(30), signingCredentials: credentials);
                    var refreshTooLong = new JwtSecurityToken(expires: {|#0:DateTime.UtcNow.AddDays(90)|}, signingCredentials: credentials);
                    var access = new JwtSecurityToken(expires: {|#1:DateTime.UtcNow.AddDays(14)|}, signingCredentials: credentials);
                    return new SecurityTokenDescriptor
                    {
                        Audience = "refresh-api",
                        Expires = DateTime.UtcNow.AddDays(7),
                        SigningCredentials = credentials,
                    };
                }

                public JwtSecurityToken Claimed(SigningCredentials credentials) =>
                    new JwtSecurityToken("issuer", "api", new[] { new Claim("token_use", "refresh") }, null, DateTime.UtcNow.AddDays(20), credentials);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("new JwtSecurityToken(expires)", "a refresh token lifetime", "90 days", "30 days"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("new JwtSecurityToken(expires)", "a token lifetime", "14 days", "1 day"));
    }

    [Fact]
    public async Task RefreshLimit_IsConfigurable()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class RefreshTokenIssuer
            {
                public JwtSecurityToken Create(SigningCredentials credentials) =>
                    new JwtSecurityToken(expires: {|#0:DateTime.UtcNow.AddDays(14)|}, signingCredentials: credentials);
            }
            """,
            References.Server,
            "safeauth.max_refresh_token_lifetime = 7d",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("new JwtSecurityToken(expires)", "a refresh token lifetime", "14 days", "7 days"));
    }

    [Fact]
    public async Task LicenceAndInvitationTokens_AreNotHeldToTokenLimits()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class LicenseKeyGenerator
            {
                public JwtSecurityToken Create(SigningCredentials credentials) =>
                    new JwtSecurityToken("vendor", "product", null, null, DateTime.UtcNow.AddYears(1), credentials);
            }

            public class Mailer
            {
                public SecurityTokenDescriptor InvitationToken(SigningCredentials credentials) => new()
                {
                    Expires = DateTime.UtcNow.AddDays(14),
                    SigningCredentials = credentials,
                };

                public JwtSecurityToken Offline(SigningCredentials credentials) =>
                    new JwtSecurityToken("vendor", "offline", null, null, DateTime.UtcNow.AddDays(365), credentials);
            }
            """);
    }

    [Theory]
    [InlineData("refreshToken", nameof(TokenPurpose.Refresh))]
    [InlineData("REFRESH_TOKEN", nameof(TokenPurpose.Refresh))]
    [InlineData("CreateRefreshTokenAsync", nameof(TokenPurpose.Refresh))]
    [InlineData("LicenseIssuer", nameof(TokenPurpose.Other))]
    [InlineData("licence", nameof(TokenPurpose.Other))]
    [InlineData("SendInvitation", nameof(TokenPurpose.Other))]
    [InlineData("unsubscribeLink", nameof(TokenPurpose.Other))]
    [InlineData("PasswordResetToken", nameof(TokenPurpose.Other))]
    [InlineData("accessToken", nameof(TokenPurpose.Access))]
    [InlineData("id_token", nameof(TokenPurpose.Access))]
    [InlineData("token", nameof(TokenPurpose.Unknown))]
    [InlineData("CreateToken", nameof(TokenPurpose.Unknown))]
    [InlineData("SharedTokenService", nameof(TokenPurpose.Unknown))]
    [InlineData("", nameof(TokenPurpose.Unknown))]
    [InlineData(null, nameof(TokenPurpose.Unknown))]
    public void PurposeFromName(string? name, string expected)
    {
        Assert.Equal(Enum.Parse<TokenPurpose>(expected), TokenPurposes.FromName(name));
    }
}
