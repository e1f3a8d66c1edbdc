using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Samples.Violations.Auth;

/// <summary>Bearer authentication "made to work" by switching checks off: each switch is a finding.</summary>
public static class LenientJwtSetup
{
    public static IServiceCollection AddLenientJwtBearer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = configuration["Jwt:Authority"];
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration["Jwt:Authority"],
                ValidAudience = "api://orders",
                // AUTH103: the audience is configured but never checked; any app of this authority gets in.
                ValidateAudience = false,
                // AUTH102: unsigned tokens are accepted.
                RequireSignedTokens = false,
                // AUTH102: 'none' is an algorithm nobody should accept.
                ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256, "none" },
            };
        });

        return services;
    }
}

/// <summary>Validates service tokens on a queue consumer, but never looks at the result.</summary>
public sealed class QueueMessageAuthenticator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public QueueMessageAuthenticator(TokenValidationParameters parameters) => _parameters = parameters;

    public async Task<ClaimsPrincipal> AuthenticateAsync(string token)
    {
        // AUTH104: ValidateTokenAsync does not throw for a forged token; IsValid is never checked.
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }
}

/// <summary>Issues tokens for internal service calls.</summary>
public sealed class ServiceTokenIssuer
{
    public string Issue(string service)
    {
        // AUTH105: no signing credentials, so the token is written with alg 'none'.
        var token = new JwtSecurityToken(
            issuer: "https://orders.internal",
            audience: "internal",
            claims: new[] { new Claim("sub", service) },
            expires: DateTime.UtcNow.AddMinutes(10));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

/// <summary>Validates the tokens this app signs for its own mobile client, with a key only the app holds.</summary>
public static class OwnTokenValidation
{
    public static TokenValidationParameters Create(IConfiguration configuration) => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(configuration["Jwt:SigningKey"]!)),
        ValidIssuer = "https://orders.example.com",
        ValidAudience = "orders-mobile",
        // AUTH108 (Info): no other issuer can sign with this key, but every token the app signs passes for every audience,
        // including the one it names.
        ValidateAudience = false,
    };
}
