using SafeAuth.Samples.Violations.Secrets;
using SafeAuth.Samples.Violations.Services;

namespace SafeAuth.Samples.Violations.Endpoints;

public static class LoginEndpoints
{
    /// <summary>Checks a user's password and hands out the API's own access token, the one the other endpoints read.</summary>
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/login", (LoginRequest login, AccountStore accounts, TokenIssuer issuer) =>
            accounts.Verify(login.User, login.Password) is { } account
                ? Results.Ok(new { access_token = issuer.Issue(account.UserId, account.Role) })
                : Results.Unauthorized());

        return app;
    }
}
