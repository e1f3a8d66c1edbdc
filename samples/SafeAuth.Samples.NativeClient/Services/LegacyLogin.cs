using Duende.IdentityModel.Client;
using Microsoft.Identity.Client;

namespace SafeAuth.Samples.NativeClient;

/// <summary>The "remember me" login dialog: the app collects the password itself.</summary>
public sealed class LegacyLogin
{
    private readonly HttpClient _http;

    public LegacyLogin(HttpClient http) => _http = http;

    public Task<TokenResponse> SignInAsync(string userName, string password) =>
        // AUTH503: the resource owner password grant.
        _http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = App.Authority + "/connect/token",
            ClientId = App.ClientId,
            UserName = userName,
            Password = password,
            Scope = "openid api",
        });

    public async Task<string> SignInWithMsalAsync(string userName, string password)
    {
        var app = PublicClientApplicationBuilder.Create(App.ClientId).WithRedirectUri("http://localhost").Build();
#pragma warning disable CS0618 // obsolete since MSAL 4.74: the reason for AUTH503 below
        var result = await app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, userName, password).ExecuteAsync(); // AUTH503
#pragma warning restore CS0618
        return result.AccessToken;
    }

    public static string ImplicitAuthorizeUrl(string nonce) =>
        // AUTH503: the implicit grant returns the access token in the redirect URL.
        $"{App.Authority}/connect/authorize?response_type=id_token%20token&client_id={App.ClientId}&redirect_uri=http%3A%2F%2F127.0.0.1%3A7890%2F&scope=openid%20api&nonce={nonce}";
}
