using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Mvc;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Controllers;

[ApiController]
[Route("api/admin")]
public sealed class AdminController : ControllerBase
{
    // AUTH101: the role claim of an unvalidated token decides who may delete users.
    [HttpDelete("users/{userId}")]
    public IActionResult DeleteUser(string userId)
    {
        var token = BearerToken.From(Request);
        if (token is null)
        {
            return Unauthorized();
        }

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
        var role = jwt.Claims.FirstOrDefault(c => c.Type == "role")?.Value;
        if (role != "admin")
        {
            return Forbid();
        }

        return UserDirectory.Shared.Delete(userId) ? NoContent() : NotFound();
    }
}
