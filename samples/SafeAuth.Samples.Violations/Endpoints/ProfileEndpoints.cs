using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Endpoints;

public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        // AUTH101: a hand-rolled decode of the payload segment; the user id it yields is never checked against a signature.
        app.MapGet("/api/profile", (HttpRequest request) =>
        {
            var token = BearerToken.From(request);
            if (token is null)
            {
                return Results.Unauthorized();
            }

            var parts = token.Split('.');
            var payloadJson = Base64UrlEncoder.Decode(parts[1]);
            using var payload = JsonDocument.Parse(payloadJson);
            var userId = payload.RootElement.GetProperty("sub").GetString() ?? string.Empty;
            var name = UserDirectory.Shared.DisplayName(userId);
            return name is null ? Results.NotFound() : Results.Ok(new { userId, name });
        });

        return app;
    }
}
