using SafeAuth.Samples.Violations.Auth;
using SafeAuth.Samples.Violations.Endpoints;
using SafeAuth.Samples.Violations.Filters;
using SafeAuth.Samples.Violations.Middleware;
using SafeAuth.Samples.Violations.Secrets;
using SafeAuth.Samples.Violations.Services;

// An API that receives bearer tokens from its clients and never validates them. Each marked line below is a finding:
// the token is only parsed, so anyone can write the claims these handlers trust.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddLenientJwtBearer(builder.Configuration);
builder.Services.AddSingleton<ServiceTokenIssuer>();
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton<AccountStore>();
builder.Services.AddSingleton<OrderStore>();
builder.Services.AddSingleton<ReportStore>();
builder.Services.AddScoped<TenantAccessFilter>();
builder.Services.AddPartnerSignIn();

var app = builder.Build();

app.UseMiddleware<TokenSessionMiddleware>();

app.MapControllers();
app.MapLoginEndpoints();
app.MapOrderEndpoints();
app.MapProfileEndpoints();

app.Run();

/// <summary>The entry point, named for hosts that start the app in-process.</summary>
public partial class Program;
