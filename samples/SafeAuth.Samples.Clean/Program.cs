using Microsoft.AspNetCore.Authentication.JwtBearer;
using SafeAuth.Samples.Clean.Endpoints;
using SafeAuth.Samples.Clean.Filters;
using SafeAuth.Samples.Clean.Middleware;
using SafeAuth.Samples.Clean.Secrets;
using SafeAuth.Browser;
using SafeAuth.Revocation;
using SafeAuth.Samples.Clean.Services;
using SafeAuth.Secrets;
using SafeAuth.Tokens;

// The same API as SafeAuth.Samples.Violations, with every token validated before its claims are trusted.
var builder = WebApplication.CreateBuilder(args);

var jwt = builder.Configuration.GetSection("Jwt");
var issuer = jwt["Issuer"] ?? throw new InvalidOperationException("Set Jwt:Issuer.");
var audience = jwt["Audience"] ?? throw new InvalidOperationException("Set Jwt:Audience.");
// The key comes from user secrets, the environment (Jwt__SigningKey) or a vault: never from source or appsettings.
// SigningKeyLoader refuses a missing, placeholder, short, text or low-variety key at startup.
var signingKey = SigningKeyLoader.FromConfiguration(builder.Configuration, "Jwt:SigningKey", "HS256");

// One strict validator (issuer, audience, key, algorithm, lifetime, token kind) for the whole app, checked when the
// host starts; while it runs it is also StrictJwt.Default.
builder.Services.AddStrictJwtValidation(options =>
{
    options.ValidIssuer = issuer;
    options.ValidAudience = audience;
    options.IssuerSigningKeys.Add(signingKey);
});

// Bearer tokens on API calls: JwtBearer validates them with the same fail-closed parameters.
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<StrictJwtValidator, ITokenRevocationStore>((options, validator, revocations) =>
    {
        options.MapInboundClaims = false;
        var parameters = validator.CreateTokenValidationParameters();
        parameters.NameClaimType = "sub";
        parameters.RoleClaimType = "role";
        options.TokenValidationParameters = parameters;

        // Revoked tokens (a sign-out everywhere, a reused refresh token) are refused here too; an unreachable store
        // fails closed.
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                try
                {
                    if (await revocations.IsRevokedAsync(context.SecurityToken, context.HttpContext.RequestAborted))
                    {
                        context.Fail("The token has been revoked.");
                    }
                }
                catch (RevocationStoreUnavailableException e)
                {
                    context.Fail(e);
                }
            },
        };
    });
builder.Services.AddAuthorization();

// The API's own access tokens: always exp/iat/nbf/jti, 15 minutes unless asked for less, never more than an hour.
builder.Services.AddSingleton(new StrictJwtIssuer(new StrictJwtIssuerOptions
{
    Issuer = issuer,
    Audience = audience,
    SigningKey = signingKey,
    Lifetime = TimeSpan.FromMinutes(15),
}));
// Rotating refresh tokens (14 days sliding, 30 days absolute) and the revocation list the validators consult; in memory
// for this single instance (SafeAuth.Redis's AddSafeAuthRedisStores shares them between instances).
builder.Services.AddRefreshTokenRotation();

builder.Services.AddControllers();
builder.Services.AddSingleton<OrderStore>();
builder.Services.AddSingleton<ReportStore>();
builder.Services.AddScoped<TenantAccessFilter>();
builder.Services.Configure<PartnerOptions>(builder.Configuration.GetSection("Webhooks"));
builder.Services.AddSingleton<PartnerKeys>();
builder.Services.AddPartnerSignIn(builder.Configuration);
builder.Services.AddSingleton<WebhookSigner>();
builder.Services.AddSingleton<SessionIssuer>();
// Per-circuit token memory for the Razor components (Components/SignIn.razor): scoped, never shared between users.
builder.Services.AddInMemoryTokenStore();
builder.Services.AddHttpClient();
builder.Services.AddScoped(sp => sp.GetRequiredService<IHttpClientFactory>().CreateClient());

var app = builder.Build();

app.UseAuthentication();
app.UseMiddleware<ServiceTokenMiddleware>();
app.UseAuthorization();

app.MapControllers();
app.MapOrderEndpoints();
app.MapProfileEndpoints();
app.MapDownloadEndpoints();
app.MapPartnerWebhookEndpoints();
app.MapTokenEndpoints();

// Called by other services with X-Service-Token; ServiceTokenMiddleware has validated it and set the principal.
app.MapGet("/internal/whoami", (System.Security.Claims.ClaimsPrincipal caller) => Results.Ok(new { service = caller.FindFirst("sub")?.Value }))
    .RequireAuthorization();
app.MapSessionEndpoints();

app.Run();
