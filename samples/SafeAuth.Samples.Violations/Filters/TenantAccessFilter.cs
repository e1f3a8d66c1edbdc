using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Filters;

/// <summary>Lets a request through only when the token's tenant matches the tenant in the route.</summary>
public sealed class TenantAccessFilter : IAuthorizationFilter
{
    // AUTH101: jose-jwt's JWT.Payload only base64-decodes the payload; the tenant check trusts a forgeable claim.
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var token = BearerToken.From(context.HttpContext.Request);
        if (token is null)
        {
            context.Result = new UnauthorizedResult();
            return;
        }

        // Spelled out: this project also references Jwt.Net, whose root namespace is JWT.
        var claims = Jose.JWT.Payload<Dictionary<string, object>>(token);
        var routeTenant = context.RouteData.Values["tenantId"]?.ToString();
        if (!claims.TryGetValue("tenant", out var tenant) || tenant?.ToString() != routeTenant)
        {
            context.Result = new ForbidResult();
        }
    }
}
