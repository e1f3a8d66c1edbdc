namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>Where a token the server reads came from: stores and responses it can trust (AUTH101 provenance).</summary>
internal static partial class MetadataNames
{
    /// <summary>Base of <c>ProtectedLocalStorage</c>/<c>ProtectedSessionStorage</c>: data-protected, tamper-evident values.</summary>
    public const string ProtectedBrowserStorage = "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedBrowserStorage";

    /// <summary><c>HttpContext.GetTokenAsync</c>: the tokens the authentication handler stored after validating.</summary>
    public const string AuthenticationHttpContextExtensions = "Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions";

    /// <summary><c>AuthenticationProperties.GetTokenValue</c>: tokens kept in the data-protected authentication ticket.</summary>
    public const string AuthenticationTokenExtensions = "Microsoft.AspNetCore.Authentication.AuthenticationTokenExtensions";

    /// <summary>A token endpoint's response, received over TLS from the authorization server.</summary>
    public const string DuendeTokenResponse = "Duende.IdentityModel.Client.TokenResponse";

    /// <summary>MSAL's result of a token request.</summary>
    public const string MsalAuthenticationResult = "Microsoft.Identity.Client.AuthenticationResult";
}
