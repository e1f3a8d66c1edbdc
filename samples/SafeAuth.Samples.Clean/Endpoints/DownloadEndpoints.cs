using SafeAuth.Samples.Clean.Services;
using SafeAuth.Tokens;

namespace SafeAuth.Samples.Clean.Endpoints;

public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        // A browser download link cannot carry an Authorization header, so the API hands out a short-lived signed
        // ticket that travels in the query string. StrictJwt validates it (signature, issuer, audience, lifetime)
        // before its claims are read.
        app.MapGet("/api/downloads/{reportId}", async (string reportId, string ticket, ReportStore reports, CancellationToken cancellationToken) =>
        {
            try
            {
                var validated = await StrictJwt.ValidateJsonWebTokenAsync(ticket, cancellationToken);
                if (!validated.TryGetPayloadValue<string>("report", out var ticketReport) || ticketReport != reportId)
                {
                    return Results.Forbid();
                }
            }
            catch (JwtValidationException)
            {
                return Results.Unauthorized();
            }

            return reports.Find(reportId) is { } report ? Results.Ok(report) : Results.NotFound();
        });

        return app;
    }
}
