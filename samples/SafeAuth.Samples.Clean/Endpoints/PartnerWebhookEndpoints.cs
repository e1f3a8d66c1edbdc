using Microsoft.IdentityModel.JsonWebTokens;
using SafeAuth.Samples.Clean.Services;

namespace SafeAuth.Samples.Clean.Endpoints;

public static class PartnerWebhookEndpoints
{
    public sealed record WebhookCall(string Token);

    public static IEndpointRouteBuilder MapPartnerWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Partners post events as tokens signed with their own keys. Reading the issuer first only picks the key;
        // ValidateTokenAsync then checks signature, issuer, audience and lifetime before any claim is used.
        app.MapPost("/webhooks/partner", async (WebhookCall call, PartnerKeys partners, ILogger<WebhookCall> logger) =>
        {
            var handler = new JsonWebTokenHandler();
            if (!handler.CanReadToken(call.Token))
            {
                return Results.BadRequest();
            }

            var parameters = partners.For(handler.ReadJsonWebToken(call.Token).Issuer);
            if (parameters is null)
            {
                return Results.Unauthorized();
            }

            var result = await handler.ValidateTokenAsync(call.Token, parameters);
            if (!result.IsValid)
            {
                return Results.Unauthorized();
            }

            var eventType = result.ClaimsIdentity.FindFirst("event")?.Value;
            logger.LogInformation("Partner event {EventType} accepted", eventType);
            return Results.Accepted();
        });

        return app;
    }
}
