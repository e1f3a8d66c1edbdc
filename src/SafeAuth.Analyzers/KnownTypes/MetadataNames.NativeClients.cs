namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>Types the AUTH5xx rules (native and public clients) watch.</summary>
internal static partial class MetadataNames
{
    // MSAL.NET (Microsoft.Identity.Client)
    public const string MsalPublicClientApplicationBuilder = "Microsoft.Identity.Client.PublicClientApplicationBuilder";
    public const string MsalIPublicClientApplication = "Microsoft.Identity.Client.IPublicClientApplication";
    public const string MsalIByUsernameAndPassword = "Microsoft.Identity.Client.IByUsernameAndPassword";

    // Duende.IdentityModel and Duende.IdentityModel.OidcClient
    public const string DuendeClientCredentialsTokenRequest = "Duende.IdentityModel.Client.ClientCredentialsTokenRequest";
    public const string DuendeAuthorizationCodeTokenRequest = "Duende.IdentityModel.Client.AuthorizationCodeTokenRequest";
    public const string DuendePasswordTokenRequest = "Duende.IdentityModel.Client.PasswordTokenRequest";
    public const string DuendeRequestUrlExtensions = "Duende.IdentityModel.Client.RequestUrlExtensions";
    public const string DuendeHttpClientTokenRequestExtensions = "Duende.IdentityModel.Client.HttpClientTokenRequestExtensions";
    public const string DuendeTokenClient = "Duende.IdentityModel.Client.TokenClient";

    // Azure.Identity

    // ASP.NET Core OpenID Connect and Blazor WebAssembly authentication
    public const string OpenIdConnectOptions = "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions";
    public const string WasmOidcProviderOptions = "Microsoft.AspNetCore.Components.WebAssembly.Authentication.OidcProviderOptions";

    // SafeAuth runtime library (named for the code fixes only)
    public const string SafeAuthPkce = "SafeAuth.NativeApps.Pkce";
}
