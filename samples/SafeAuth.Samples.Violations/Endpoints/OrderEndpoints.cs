using JWT.Builder;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Endpoints;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // AUTH101: Jwt.Net 7's JwtBuilder decodes without verifying unless MustVerifySignature() is called, and the
        // customer id it returns picks whose orders are listed.
        app.MapGet("/api/orders", (HttpContext ctx, OrderStore orders) =>
        {
            var token = BearerToken.From(ctx.Request);
            if (token is null)
            {
                return Results.Unauthorized();
            }

            var claims = new JwtBuilder().Decode<IDictionary<string, object>>(token);
            var customerId = claims["sub"].ToString()!;
            return Results.Ok(orders.ForCustomer(customerId));
        });

        return app;
    }
}
