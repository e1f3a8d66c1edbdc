using System.Security.Claims;
using SafeAuth.Samples.Clean.Services;

namespace SafeAuth.Samples.Clean.Endpoints;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // The customer id comes from the authenticated user: JwtBearer validated the token, RequireAuthorization insists on one.
        app.MapGet("/api/orders", (ClaimsPrincipal user, OrderStore orders) =>
            user.FindFirstValue("sub") is { } customerId
                ? Results.Ok(orders.ForCustomer(customerId))
                : Results.Unauthorized())
            .RequireAuthorization();

        return app;
    }
}
