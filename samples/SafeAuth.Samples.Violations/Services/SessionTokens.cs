using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using JWT.Algorithms;
using JWT.Builder;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Samples.Violations.Services;

/// <summary>
/// Issues and checks the API's own session tokens, the way a "remember me forever" feature often ends up: tokens that
/// never expire, lifetimes of a year, and validation that no longer looks at the expiry.
/// </summary>
public sealed class SessionTokens
{
    private readonly SigningCredentials _credentials;
    private readonly byte[] _legacyKey;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public SessionTokens(SigningCredentials credentials, byte[] legacyKey)
    {
        _credentials = credentials;
        _legacyKey = legacyKey;
    }

    /// <summary>AUTH201: no <c>expires</c>, so the written token has no <c>exp</c> and is valid forever.</summary>
    public string IssueSessionToken(string userId, IEnumerable<Claim> roles)
    {
        var claims = new List<Claim>(roles) { new("sub", userId) };
        var token = new JwtSecurityToken("https://api.example.com", "web-app", claims, signingCredentials: _credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>AUTH201: the handler's default times are off and the descriptor sets no expiry.</summary>
    public string IssueServiceToken(string service) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.example.com",
            Audience = service,
            SigningCredentials = _credentials,
        });

    /// <summary>AUTH201: the legacy Jwt.Net token for the mobile app carries no <c>exp</c> claim.</summary>
    public string IssueMobileToken(string userId) =>
        new JwtBuilder()
            .WithAlgorithm(new HMACSHA256Algorithm())
            .WithSecret(_legacyKey)
            .AddClaim("sub", userId)
            .Encode();

    /// <summary>AUTH203: a "remember me" token that lives for a year.</summary>
    public string IssueRememberMeToken(string userId) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.example.com",
            Audience = "web-app",
            Subject = new ClaimsIdentity(new[] { new Claim("sub", userId) }),
            Expires = DateTime.UtcNow.AddYears(1),
            SigningCredentials = _credentials,
        });

    /// <summary>AUTH202 twice and AUTH203: expired and non-expiring tokens pass, and an hour of skew on top.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = "https://api.example.com",
        ValidAudience = "web-app",
        IssuerSigningKey = _credentials.Key,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        ClockSkew = TimeSpan.FromHours(1),
    };
}
