using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Middleware;

/// <summary>Signs the caller in from the bearer token, so that later code can use <c>HttpContext.User</c>.</summary>
public sealed class TokenSessionMiddleware
{
    private readonly RequestDelegate _next;

    public TokenSessionMiddleware(RequestDelegate next) => _next = next;

    // AUTH101: the principal of every request is built from the claims of a token nobody validated.
    public async Task InvokeAsync(HttpContext context)
    {
        var token = BearerToken.From(context.Request);
        if (token is not null)
        {
            var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
            var identity = new ClaimsIdentity(jwt.Claims, authenticationType: "Bearer");
            context.User = new ClaimsPrincipal(identity);
        }

        await _next(context);
    }
}
