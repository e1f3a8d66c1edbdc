using System.Security.Claims;
using SafeAuth.Tokens;

namespace SafeAuth.Samples.Clean.Middleware;

/// <summary>
/// Internal services call <c>/internal/*</c> with an <c>X-Service-Token</c> header. The token is validated with the
/// strict validator before its claims become the request's principal.
/// </summary>
public sealed class ServiceTokenMiddleware
{
    private const string HeaderName = "X-Service-Token";
    private readonly RequestDelegate _next;
    private readonly StrictJwtValidator _validator;

    public ServiceTokenMiddleware(RequestDelegate next, StrictJwtValidator validator)
    {
        _next = next;
        _validator = validator;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/internal"))
        {
            var token = context.Request.Headers[HeaderName].ToString();
            var result = await _validator.ValidateAsync(token, context.RequestAborted);
            if (!result.IsValid)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.User = new ClaimsPrincipal(result.ClaimsIdentity);
        }

        await _next(context);
    }
}
