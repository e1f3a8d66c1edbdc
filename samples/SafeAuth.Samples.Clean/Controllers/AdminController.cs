using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SafeAuth.Samples.Clean.Services;

namespace SafeAuth.Samples.Clean.Controllers;

[ApiController]
[Route("api/admin")]
[Authorize(Roles = "admin")]
public sealed class AdminController : ControllerBase
{
    // The role comes from a token JwtBearer has validated; [Authorize] checks it before the action runs.
    [HttpDelete("users/{userId}")]
    public IActionResult DeleteUser(string userId) =>
        UserDirectory.Shared.Delete(userId) ? NoContent() : NotFound();
}
