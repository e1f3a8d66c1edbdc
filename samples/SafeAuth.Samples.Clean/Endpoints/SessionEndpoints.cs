using System.Security.Cryptography;
using SafeAuth.AspNetCore;

namespace SafeAuth.Samples.Clean.Endpoints;

public static class SessionEndpoints
{
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Backend-for-frontend session: the refresh token goes into an HttpOnly, Secure, SameSite=Strict, __Host- cookie that
    /// page scripts cannot read; the browser app only ever holds a short-lived access token, in memory.
    /// </summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var cookie = new TokenCookieOptions { Name = "__Host-refresh", Lifetime = RefreshTokenLifetime };

        app.MapPost("/bff/session", (HttpResponse response, SessionIssuer issuer) =>
        {
            var (accessToken, refreshToken, expiresIn) = issuer.Issue();
            response.AppendTokenCookie(refreshToken, cookie);
            return Results.Ok(new { accessToken, expiresIn });
        })
        .RequireAuthorization();

        app.MapDelete("/bff/session", (HttpResponse response) =>
        {
            response.DeleteTokenCookie(cookie);
            return Results.NoContent();
        });

        return app;
    }
}

/// <summary>Issues the tokens of a session (stands in for the identity provider's token endpoint).</summary>
public sealed class SessionIssuer
{
    public (string AccessToken, string RefreshToken, int ExpiresIn) Issue() =>
        (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), 300);
}
