namespace SafeAuth.Benchmarks;

// The auth files of the corpus: JwtBearer set-up, token issuing and validation, MSAL and Duende clients, and the misuse shapes.
internal sealed partial class CorpusGenerator
{
    /// <summary>An auth file: correct auth code of one kind, plus the given misuse (if any) as one more class.</summary>
    private static SourceFile AuthFile(Random random, int index, string? misuse)
    {
        var w = new CodeWriter();
        w.Line("using System.IdentityModel.Tokens.Jwt;");
        w.Line("using System.Security.Claims;");
        w.Line("using System.Text;");
        w.Line("using Microsoft.AspNetCore.Authentication.JwtBearer;");
        w.Line("using Microsoft.AspNetCore.Components;");
        w.Line("using Microsoft.Identity.Client;");
        w.Line("using Microsoft.IdentityModel.JsonWebTokens;");
        w.Line("using Microsoft.IdentityModel.Tokens;");
        w.Line("using Microsoft.JSInterop;");
        w.Line("using Duende.IdentityModel.Client;");
        w.Line();
        w.Line($"namespace Corpus.Security.A{index:D4};").Line();
        switch (index % 6)
        {
            case 0: AuthSetup(w, index); break;
            case 1: TokenIssuer(w, index); break;
            case 2: TokenValidator(w, index); break;
            case 3: MsalClient(w, index); break;
            case 4: DuendeClient(w, index); break;
            default: TokenInspector(w, index); break;
        }

        if (misuse is not null)
        {
            w.Line();
            Misuse(w, misuse, index, random);
        }

        return new SourceFile($"Security/A{index:D4}/Auth{index}.cs", w.ToString());
    }

    private static void AuthSetup(CodeWriter w, int i)
    {
        w.Open($"public static class AuthSetup{i}");
        w.Open("public static IServiceCollection AddApiAuthentication(IServiceCollection services, IConfiguration configuration)");
        w.Line("var section = configuration.GetSection(\"Authentication:Bearer\");");
        w.Open("services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>");
        w.Line("options.Authority = section[\"Authority\"];");
        w.Line("options.Audience = section[\"Audience\"];");
        w.Line("options.MapInboundClaims = false;");
        w.Open("options.TokenValidationParameters = new TokenValidationParameters");
        w.Line("ValidIssuer = section[\"Authority\"],");
        w.Line("ValidAudience = section[\"Audience\"],");
        w.Line("ClockSkew = TimeSpan.FromMinutes(1),");
        w.Line("NameClaimType = \"name\",");
        w.Line("RoleClaimType = \"role\",");
        w.Close(";");
        w.Open("options.Events = new JwtBearerEvents");
        w.Open("OnAuthenticationFailed = context =>");
        w.Line("context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(\"Auth\").LogWarning(context.Exception, \"Bearer token rejected\");");
        w.Line("return Task.CompletedTask;");
        w.Close(",");
        w.Close(";");
        w.Close(");").Line();
        w.Open("services.AddAuthorization(options =>");
        w.Line("options.AddPolicy(\"CanDelete\", policy => policy.RequireClaim(\"scope\", \"records.delete\"));");
        w.Close(");");
        w.Line("return services;");
        w.Close();
        w.Close();
    }

    private static void TokenIssuer(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenIssuer{i}");
        w.Line("private readonly SigningCredentials _credentials;");
        w.Line("private readonly string _issuer;").Line();
        w.Open($"public TokenIssuer{i}(IConfiguration configuration)");
        w.Line("var key = new SymmetricSecurityKey(Convert.FromBase64String(configuration[\"Tokens:SigningKey\"] ?? throw new InvalidOperationException(\"Tokens:SigningKey is not set\")));");
        w.Line("_credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);");
        w.Line("_issuer = configuration[\"Tokens:Issuer\"] ?? \"https://issuer.example\";");
        w.Close().Line();
        w.Open("public string IssueWithJwtSecurityToken(string subject, IEnumerable<string> roles)");
        w.Line("var claims = new List<Claim> { new(\"sub\", subject) };");
        w.Line("claims.AddRange(roles.Select(r => new Claim(\"role\", r)));");
        w.Line("var token = new JwtSecurityToken(_issuer, \"api://records\", claims, expires: DateTime.UtcNow.AddMinutes(15), signingCredentials: _credentials);");
        w.Line("return new JwtSecurityTokenHandler().WriteToken(token);");
        w.Close().Line();
        w.Open("public string IssueWithJsonWebTokenHandler(string subject)");
        w.Open("var descriptor = new SecurityTokenDescriptor");
        w.Line("Issuer = _issuer,");
        w.Line("Audience = \"api://records\",");
        w.Line("Subject = new ClaimsIdentity(new[] { new Claim(\"sub\", subject) }),");
        w.Line("Expires = DateTime.UtcNow.AddMinutes(15),");
        w.Line("SigningCredentials = _credentials,");
        w.Close(";");
        w.Line("return new JsonWebTokenHandler().CreateToken(descriptor);");
        w.Close();
        w.Close();
    }

    private static void TokenValidator(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenValidator{i}");
        w.Line("private readonly JsonWebTokenHandler _handler = new();");
        w.Line("private readonly TokenValidationParameters _parameters;").Line();
        w.Open($"public TokenValidator{i}(TokenValidationParameters parameters)");
        w.Line("_parameters = parameters;");
        w.Close().Line();
        w.Open("public async Task<ClaimsPrincipal?> ValidateAsync(string token)");
        w.Line("var result = await _handler.ValidateTokenAsync(token, _parameters);");
        w.Open("if (!result.IsValid)");
        w.Line("return null;");
        w.Close().Line();
        w.Line("return new ClaimsPrincipal(result.ClaimsIdentity);");
        w.Close().Line();
        w.Open("public ClaimsPrincipal ValidateLegacy(string token)");
        w.Line("var handler = new JwtSecurityTokenHandler();");
        w.Line("return handler.ValidateToken(token, _parameters, out _);");
        w.Close().Line();
        w.Open("public IDictionary<string, object> ValidateWithJwtNet(string token, string secret)");
        w.Line("return new JWT.Builder.JwtBuilder()");
        w.Line("    .WithAlgorithm(new JWT.Algorithms.HMACSHA256Algorithm())");
        w.Line("    .WithSecret(secret)");
        w.Line("    .MustVerifySignature()");
        w.Line("    .Decode<IDictionary<string, object>>(token);");
        w.Close().Line();
        w.Line("public Dictionary<string, object> ValidateWithJose(string token, byte[] key) =>");
        w.Line("    Jose.JWT.Decode<Dictionary<string, object>>(token, key, Jose.JwsAlgorithm.HS256);");
        w.Close();
    }

    private static void MsalClient(CodeWriter w, int i)
    {
        w.Open($"public sealed class GraphTokenSource{i}");
        w.Line("private static readonly string[] Scopes = { \"User.Read\" };");
        w.Line("private readonly IPublicClientApplication _app;").Line();
        w.Open($"public GraphTokenSource{i}(string clientId, string tenantId)");
        w.Line("_app = PublicClientApplicationBuilder.Create(clientId)");
        w.Line("    .WithAuthority(AzureCloudInstance.AzurePublic, tenantId)");
        w.Line("    .WithRedirectUri(\"http://localhost\")");
        w.Line("    .Build();");
        w.Close().Line();
        w.Open("public async Task<string> GetTokenAsync(CancellationToken cancellationToken)");
        w.Line("var accounts = await _app.GetAccountsAsync();");
        w.Open("try");
        w.Line("var silent = await _app.AcquireTokenSilent(Scopes, accounts.FirstOrDefault()).ExecuteAsync(cancellationToken);");
        w.Line("return silent.AccessToken;");
        w.Close();
        w.Open("catch (MsalUiRequiredException)");
        w.Line("var interactive = await _app.AcquireTokenInteractive(Scopes).ExecuteAsync(cancellationToken);");
        w.Line("return interactive.AccessToken;");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void DuendeClient(CodeWriter w, int i)
    {
        w.Open($"public sealed class ServiceTokenClient{i}");
        w.Line("private readonly HttpClient _http;");
        w.Line("private readonly IConfiguration _configuration;").Line();
        w.Open($"public ServiceTokenClient{i}(HttpClient http, IConfiguration configuration)");
        w.Line("_http = http;").Line("_configuration = configuration;");
        w.Close().Line();
        w.Open("public async Task<string> GetTokenAsync(CancellationToken cancellationToken)");
        w.Open("var response = await _http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest");
        w.Line("Address = _configuration[\"Sts:TokenEndpoint\"],");
        w.Line("ClientId = _configuration[\"Sts:ClientId\"] ?? \"records-api\",");
        w.Line("ClientSecret = _configuration[\"Sts:ClientSecret\"],");
        w.Line("Scope = \"records\",");
        w.Close(", cancellationToken);");
        w.Open("if (response.IsError)");
        w.Line("throw new InvalidOperationException($\"Token request failed: {response.Error}\");");
        w.Close().Line();
        w.Line("return response.AccessToken ?? string.Empty;");
        w.Close();
        w.Close();
    }

    private static void TokenInspector(CodeWriter w, int i)
    {
        w.Open($"public sealed class TokenInspector{i}");
        w.Line("private readonly JwtSecurityTokenHandler _handler = new();");
        w.Line("private readonly TokenValidationParameters _parameters;").Line();
        w.Open($"public TokenInspector{i}(TokenValidationParameters parameters)");
        w.Line("_parameters = parameters;");
        w.Close().Line();
        w.Line("/// <summary>Reads only the key id before validating, to pick the key.</summary>");
        w.Open("public ClaimsPrincipal Validate(string token, IReadOnlyDictionary<string, SecurityKey> keys)");
        w.Line("var kid = _handler.ReadJwtToken(token).Header.Kid;");
        w.Line("var parameters = _parameters.Clone();");
        w.Line("parameters.IssuerSigningKey = keys[kid];");
        w.Line("return _handler.ValidateToken(token, parameters, out _);");
        w.Close();
        w.Close();
    }

    // Size: one case per misuse shape, each a fixed snippet of corpus text; data more than logic, read side by side.
    private static void Misuse(CodeWriter w, string shape, int i, Random random)
    {
        var name = shape.Split(':')[1] + i;
        switch (shape)
        {
            case "AUTH101:ReadJwtToken":
                w.Open($"public sealed class {name}Filter");
                w.Open("public bool IsAdmin(HttpRequest request)");
                w.Line("var token = request.Headers.Authorization.ToString().Replace(\"Bearer \", string.Empty);");
                w.Line("var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);");
                w.Line("return jwt.Claims.FirstOrDefault(c => c.Type == \"role\")?.Value == \"admin\";");
                w.Close();
                w.Close();
                break;
            case "AUTH101:ReadJsonWebToken":
                w.Open($"public sealed class {name}Middleware");
                w.Line("private readonly RequestDelegate _next;");
                w.Line($"public {name}Middleware(RequestDelegate next) => _next = next;").Line();
                w.Open("public async Task InvokeAsync(HttpContext context)");
                w.Line("var token = context.Request.Headers.Authorization.ToString()[\"Bearer \".Length..];");
                w.Line("var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);");
                w.Line("context.User = new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, \"Bearer\"));");
                w.Line("await _next(context);");
                w.Close();
                w.Close();
                break;
            case "AUTH101:JwtNetDecode":
                w.Open($"public static class {name}Endpoints");
                w.Open("public static void Map(IEndpointRouteBuilder app)");
                w.Open("app.MapGet(\"/api/me\", (HttpContext ctx) =>");
                w.Line("var token = ctx.Request.Headers.Authorization.ToString()[\"Bearer \".Length..];");
                w.Line("var claims = new JWT.Builder.JwtBuilder().Decode<IDictionary<string, object>>(token);");
                w.Line("return Results.Ok(new { user = claims[\"sub\"].ToString() });");
                w.Close(");");
                w.Close();
                w.Close();
                break;
            case "AUTH101:JosePayload":
                w.Open($"public sealed class {name}Check");
                w.Open("public bool SameTenant(string token, string tenantId)");
                w.Line("var claims = Jose.JWT.Payload<Dictionary<string, object>>(token);");
                w.Line("return claims.TryGetValue(\"tenant\", out var tenant) && tenant?.ToString() == tenantId;");
                w.Close();
                w.Close();
                break;
            case "AUTH102:RequireSignedTokens":
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    ValidAudience = \"api://records\",");
                w.Line("    RequireSignedTokens = false,");
                w.Line("};");
                w.Close();
                break;
            case "AUTH103:ValidateAudience":
                w.Open($"public static class {name}Setup");
                w.Open("public static void Configure(AuthenticationBuilderHolder holder)");
                w.Open("holder.Builder.AddJwtBearer(\"partner\", options =>");
                w.Line("options.Authority = \"https://partner.example\";");
                w.Line("options.TokenValidationParameters.ValidateAudience = false;");
                w.Close(");");
                w.Close();
                w.Close().Line();
                w.Line($"public sealed record AuthenticationBuilderHolder(Microsoft.AspNetCore.Authentication.AuthenticationBuilder Builder);");
                break;
            case "AUTH104:IgnoredResult":
                w.Open($"public sealed class {name}Consumer");
                w.Line("private readonly JsonWebTokenHandler _handler = new();");
                w.Open("public async Task<ClaimsPrincipal> AuthenticateAsync(string token, TokenValidationParameters parameters)");
                w.Line("var result = await _handler.ValidateTokenAsync(token, parameters);");
                w.Line("return new ClaimsPrincipal(result.ClaimsIdentity);");
                w.Close();
                w.Close();
                break;
            case "AUTH105:UnsignedToken":
                w.Open($"public sealed class {name}Issuer");
                w.Open("public string Issue(string service)");
                w.Line("var token = new JwtSecurityToken(issuer: \"https://internal\", audience: \"internal\", claims: new[] { new Claim(\"sub\", service) }, expires: DateTime.UtcNow.AddMinutes(10));");
                w.Line("return new JwtSecurityTokenHandler().WriteToken(token);");
                w.Close();
                w.Close();
                break;
            case "Secrets:HardCodedKey":
                w.Open($"public static class {name}Keys");
                w.Line($"public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes(\"super-secret-signing-key-{random.Next(100000, 999999)}-do-not-share\"));");
                w.Close();
                break;
            case "Lifetime:ValidateLifetime":
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer, SecurityKey key) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    ValidAudience = \"api://records\",");
                w.Line("    IssuerSigningKey = key,");
                w.Line("    ValidateLifetime = false,");
                w.Line("};");
                w.Close();
                break;
            case "Storage:LocalStorageToken":
                w.Open($"public sealed class {name}Store");
                w.Line("private readonly IJSRuntime _js;");
                w.Line($"public {name}Store(IJSRuntime js) => _js = js;").Line();
                w.Line("public ValueTask SaveAsync(string accessToken) => _js.InvokeVoidAsync(\"localStorage.setItem\", \"token\", accessToken);");
                w.Close();
                break;
            case "NativeSecret:WithClientSecret":
                w.Open($"public static class {name}Client");
                w.Line("public static IConfidentialClientApplication Create() => ConfidentialClientApplicationBuilder.Create(\"11111111-2222-3333-4444-555555555555\")");
                w.Line($"    .WithClientSecret(\"k~{random.Next(100000, 999999)}QzX.secret-value\")");
                w.Line("    .WithAuthority(\"https://login.microsoftonline.com/contoso.onmicrosoft.com\")");
                w.Line("    .Build();");
                w.Close();
                break;
            default: // Delegates:AlwaysTrueValidator
                w.Open($"public static class {name}Setup");
                w.Line("public static TokenValidationParameters Create(string issuer) => new()");
                w.Line("{");
                w.Line("    ValidIssuer = issuer,");
                w.Line("    AudienceValidator = (audiences, token, parameters) => true,");
                w.Line("    LifetimeValidator = (notBefore, expires, token, parameters) => true,");
                w.Line("};");
                w.Close();
                break;
        }
    }
}
