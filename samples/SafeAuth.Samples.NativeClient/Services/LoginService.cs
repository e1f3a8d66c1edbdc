using Duende.IdentityModel.OidcClient;

namespace SafeAuth.Samples.NativeClient;

/// <summary>Builds the OpenID Connect client the app signs in with; the secret arrives from <see cref="App"/>.</summary>
public sealed class LoginService
{
    private readonly string _authority;
    private readonly string _clientId;
    private readonly string _clientSecret;

    public LoginService(string authority, string clientId, string clientSecret)
    {
        _authority = authority;
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    public OidcClient CreateClient() => new(new OidcClientOptions
    {
        Authority = _authority,
        ClientId = _clientId,
        ClientSecret = _clientSecret, // AUTH501: a native app is a public client
        RedirectUri = "http://127.0.0.1:7890/",
        Scope = "openid profile api",
    });
}
