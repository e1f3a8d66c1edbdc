using System.Security.Claims;
using SafeAuth.Revocation;

namespace SafeAuth.Samples.Clean.Endpoints;

/// <summary>
/// Short-lived access tokens (StrictJwtIssuer: exp, iat, nbf and jti always written, 15 minutes) with rotating refresh
/// tokens (RefreshTokenRotation: 256 random bits stored only as a hash, one use each, a reused one ends every session
/// of the user), and a sign-out everywhere that revokes the user's access tokens too.
/// </summary>
public static class TokenEndpoints
{
    private const string ClientId = "safeauth-samples-web";

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        // Login: a signed-in user (validated by JwtBearer) starts a refresh-token family.
        app.MapPost("/api/tokens", async (ClaimsPrincipal user, RefreshTokenRotation rotation, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue("sub");
            if (userId is null)
            {
                return Results.Unauthorized();
            }

            var tokens = await rotation.SignInAsync(userId, ClientId, new[] { new Claim("scope", "reports.read") }, cancellationToken);
            return Results.Ok(new TokenResponse(tokens.AccessToken!, tokens.RefreshToken!));
        })
        .RequireAuthorization();

        // Refresh: the refresh token alone; it is spent, and a new pair comes back.
        app.MapPost("/api/tokens/refresh", async (RefreshRequest request, RefreshTokenRotation rotation, CancellationToken cancellationToken) =>
        {
            var result = await rotation.RedeemAsync(request.RefreshToken, ClientId, cancellationToken: cancellationToken);
            if (result.Succeeded)
            {
                return Results.Ok(new TokenResponse(result.AccessToken, result.RefreshToken));
            }

            return result.Status == RefreshTokenStatus.StoreUnavailable
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: result.Status.ToString());
        });

        // Sign out everywhere (a lost device, a changed password): every refresh token and access token of the user.
        app.MapPost("/api/tokens/signout-everywhere", async (ClaimsPrincipal user, RefreshTokenRotation rotation, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue("sub");
            if (userId is null)
            {
                return Results.Unauthorized();
            }

            await rotation.SignOutEverywhereAsync(userId, cancellationToken);
            return Results.NoContent();
        })
        .RequireAuthorization();

        return app;
    }
}

public sealed record RefreshRequest(string RefreshToken);

public sealed record TokenResponse(string AccessToken, string RefreshToken)
{
    public string TokenType => "Bearer";
}
