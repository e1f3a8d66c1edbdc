namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>Metadata names of the library types SafeAuth watches. Kept in one place so a typo fails one test.</summary>
internal static partial class MetadataNames
{
    // System.Security.Claims
    public const string ClaimsIdentity = "System.Security.Claims.ClaimsIdentity";
    public const string Claim = "System.Security.Claims.Claim";
    public const string ClaimsPrincipal = "System.Security.Claims.ClaimsPrincipal";

    // Microsoft.AspNetCore.Components.Authorization
    public const string AuthenticationStateProvider = "Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider";

    // Microsoft.IdentityModel / System.IdentityModel.Tokens.Jwt
    public const string JwtSecurityTokenHandler = "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler";
    public const string JwtSecurityToken = "System.IdentityModel.Tokens.Jwt.JwtSecurityToken";
    public const string JwtPayload = "System.IdentityModel.Tokens.Jwt.JwtPayload";
    public const string JwtHeader = "System.IdentityModel.Tokens.Jwt.JwtHeader";
    public const string JsonWebTokenHandler = "Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler";
    public const string JsonWebToken = "Microsoft.IdentityModel.JsonWebTokens.JsonWebToken";
    public const string SecurityToken = "Microsoft.IdentityModel.Tokens.SecurityToken";
    public const string TokenHandler = "Microsoft.IdentityModel.Tokens.TokenHandler";
    public const string TokenValidationParameters = "Microsoft.IdentityModel.Tokens.TokenValidationParameters";
    public const string TokenValidationResult = "Microsoft.IdentityModel.Tokens.TokenValidationResult";
    public const string SecurityTokenDescriptor = "Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor";
    public const string SecurityTokenValidationException = "Microsoft.IdentityModel.Tokens.SecurityTokenValidationException";
    public const string Base64UrlEncoder = "Microsoft.IdentityModel.Tokens.Base64UrlEncoder";

    // Jwt.Net (package JWT)
    public const string JwtNetBuilder = "JWT.Builder.JwtBuilder";
    public const string JwtNetDecoder = "JWT.JwtDecoder";
    public const string JwtNetIDecoder = "JWT.IJwtDecoder";
    public const string JwtNetDecoderExtensions = "JWT.JwtDecoderExtensions";
    public const string JwtNetIEncoder = "JWT.IJwtEncoder";
    public const string JwtNetEncoderExtensions = "JWT.JwtEncoderExtensions";

    // jose-jwt
    public const string JoseJwt = "Jose.JWT";

    // Client libraries (MSAL, Duende, Azure.Identity): shared by the secrets and native-client families
    public const string MsalConfidentialClientApplicationBuilder = "Microsoft.Identity.Client.ConfidentialClientApplicationBuilder";
    public const string DuendeProtocolRequest = "Duende.IdentityModel.Client.ProtocolRequest";
    public const string DuendeClientOptions = "Duende.IdentityModel.Client.ClientOptions";
    public const string DuendeOidcClientOptions = "Duende.IdentityModel.OidcClient.OidcClientOptions";
    public const string AzureClientSecretCredential = "Azure.Identity.ClientSecretCredential";

    // ASP.NET Core
    public const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    public const string HttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
    public const string ControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    public const string PageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";
    public const string Hub = "Microsoft.AspNetCore.SignalR.Hub";
    public const string IMiddleware = "Microsoft.AspNetCore.Http.IMiddleware";
    public const string IEndpointFilter = "Microsoft.AspNetCore.Http.IEndpointFilter";
    public const string IAuthorizationHandler = "Microsoft.AspNetCore.Authorization.IAuthorizationHandler";
    public const string IAuthenticationHandler = "Microsoft.AspNetCore.Authentication.IAuthenticationHandler";
    public const string IFilterMetadata = "Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata";
    public const string AuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";
    public const string AllowAnonymousAttribute = "Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute";
    public const string AuthenticationTicket = "Microsoft.AspNetCore.Authentication.AuthenticationTicket";

    // Client and native app kinds
    public const string WebAssemblyHostBuilder = "Microsoft.AspNetCore.Components.WebAssembly.Hosting.WebAssemblyHostBuilder";
    public const string MauiApplication = "Microsoft.Maui.Controls.Application";
    public const string WpfApplication = "System.Windows.Application";
    public const string WinFormsForm = "System.Windows.Forms.Form";
    public const string WinUIApplication = "Microsoft.UI.Xaml.Application";
    public const string AvaloniaApplication = "Avalonia.Application";
    public const string XamarinFormsApplication = "Xamarin.Forms.Application";
    // Uno.UI apps derive from Windows.UI.Xaml.Application; Uno.WinUI apps from Microsoft.UI.Xaml.Application (WinUI above).
    public const string UnoApplication = "Windows.UI.Xaml.Application";

    // Test frameworks
    public const string XunitFact = "Xunit.FactAttribute";
    public const string NUnitTest = "NUnit.Framework.TestAttribute";
    public const string MSTestMethod = "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute";

    // Logging (a value that only reaches a log is not trusted)
    public const string ILogger = "Microsoft.Extensions.Logging.ILogger";
    public const string LoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";

    // SafeAuth runtime library (never referenced by the analyzers; named for the code fixes)
    public const string SafeAuthStrictJwt = "SafeAuth.Tokens.StrictJwt";
    public const string SafeAuthStrictJwtChallenges = "SafeAuth.AspNetCore.StrictJwtChallenges";
}
