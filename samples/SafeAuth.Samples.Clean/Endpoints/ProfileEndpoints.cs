using System.Security.Claims;
using SafeAuth.Samples.Clean.Services;

namespace SafeAuth.Samples.Clean.Endpoints;

public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        // No hand-rolled decoding: the claims are those of the validated principal.
        app.MapGet("/api/profile", (ClaimsPrincipal user) =>
        {
            var userId = user.FindFirstValue("sub");
            var name = userId is null ? null : UserDirectory.Shared.DisplayName(userId);
            return name is null ? Results.NotFound() : Results.Ok(new { userId, name });
        })
        .RequireAuthorization();

        return app;
    }
}
