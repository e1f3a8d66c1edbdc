using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SafeAuth.Samples.Clean.Filters;

/// <summary>Lets a request through only when the caller's tenant matches the tenant in the route.</summary>
public sealed class TenantAccessFilter : IAuthorizationFilter
{
    // The tenant claim comes from HttpContext.User, which only a validated token can populate.
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new UnauthorizedResult();
            return;
        }

        var routeTenant = context.RouteData.Values["tenantId"]?.ToString();
        if (user.FindFirst("tenant")?.Value is not { } tenant || tenant != routeTenant)
        {
            context.Result = new ForbidResult();
        }
    }
}
