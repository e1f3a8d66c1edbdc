using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Samples.Violations.Secrets;

/// <summary>Keys and secrets written where anyone with the code (or its history) can read them.</summary>
public static class JwtSettings
{
    public const string Issuer = "https://api.example.com/";

    // AUTH301 where it is used: a sample-looking key that ships to production.
    public const string SigningKey = "my-super-secret-key-for-signing-jwt-tokens-2024";
}

/// <summary>Issues the API's own access tokens.</summary>
public sealed class TokenIssuer
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes(JwtSettings.SigningKey)); // AUTH301

    // AUTH201 too: the token never expires.
    public string Issue(string userId, string role) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
        JwtSettings.Issuer,
        "api",
        new[] { new Claim("sub", userId), new Claim("role", role) },
        signingCredentials: new SigningCredentials(Key, SecurityAlgorithms.HmacSha256)));
}

/// <summary>Signs outgoing webhook bodies for a partner.</summary>
public static class WebhookSigner
{
    public static string Sign(byte[] body) =>
        Convert.ToHexString(HMACSHA256.HashData("partner-webhook-key"u8, body)); // AUTH301
}

/// <summary>Sign-in with a partner's OAuth server, and a call to another service.</summary>
public static class PartnerSignIn
{
    public static IServiceCollection AddPartnerSignIn(this IServiceCollection services)
    {
        services.AddAuthentication().AddOAuth("partner", options =>
        {
            options.ClientId = "safeauth-samples";
            options.ClientSecret = "abc8Q~Zk3uP9vX2wT7yR5mN1qL6sD4fG8hJ0kB_c"; // AUTH302 (and AUTH303: an Entra-format secret)
            options.AuthorizationEndpoint = "https://partner.example.net/authorize";
            options.TokenEndpoint = "https://partner.example.net/token";
            options.CallbackPath = "/signin-partner";
        });
        return services;
    }

    // AUTH303: a long-lived service token pasted into the source.
    public const string ReportingServiceToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvcnRpbmctc2VydmljZSIsInNjb3BlIjoicmVwb3J0cyJ9.c2lnbmF0dXJlLW9mLWEtbGVha2VkLXRva2Vu";
}
