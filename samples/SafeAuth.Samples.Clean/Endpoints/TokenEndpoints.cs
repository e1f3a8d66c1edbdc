using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Samples.Clean.Services;
using SafeAuth.Tokens;

namespace SafeAuth.Samples.Clean.Endpoints;

/// <summary>
/// Issues the API's own short-lived access tokens with SafeAuth's <see cref="StrictJwtIssuer"/> (exp, iat, nbf and jti
/// always written, lifetime capped, typ at+jwt, algorithm bound to the key), and renews them from a refresh token.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        // A signed-in user (validated by JwtBearer) exchanges its session for a short-lived API token.
        app.MapPost("/api/tokens", (ClaimsPrincipal user, StrictJwtIssuer issuer) =>
        {
            var userId = user.FindFirstValue("sub");
            if (userId is null)
            {
                return Results.Unauthorized();
            }

            var token = issuer.Issue(userId, new[] { new Claim("scope", "reports.read") }, TimeSpan.FromMinutes(10));
            return Results.Ok(new { access_token = token, token_type = "Bearer", expires_in = 600 });
        })
        .RequireAuthorization();

        // Renewal: the expired access token is read back, with its signature, issuer and audience still validated,
        // only to learn whose refresh token this is.
        app.MapPost("/api/tokens/refresh", async (RefreshRequest request, RefreshTokenStore refreshTokens, StrictJwtValidator validator, StrictJwtIssuer issuer) =>
        {
            var userId = await GetSubjectFromExpiredTokenAsync(request.AccessToken, validator);
            if (userId is null || !refreshTokens.TryRedeem(userId, request.RefreshToken))
            {
                return Results.Unauthorized();
            }

            return Results.Ok(new { access_token = issuer.Issue(userId), token_type = "Bearer" });
        });

        return app;
    }

    private static async Task<string?> GetSubjectFromExpiredTokenAsync(string accessToken, StrictJwtValidator validator)
    {
        var parameters = validator.CreateTokenValidationParameters();
        parameters.ValidateLifetime = false;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(accessToken, parameters);
        return result.IsValid && result.SecurityToken is JsonWebToken token ? token.Subject : null;
    }
}

public sealed record RefreshRequest(string AccessToken, string RefreshToken);
