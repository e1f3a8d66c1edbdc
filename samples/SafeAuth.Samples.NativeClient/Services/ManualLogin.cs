using Duende.IdentityModel.Client;

namespace SafeAuth.Samples.NativeClient;

/// <summary>An older sign-in path that assembles the authorization request by hand.</summary>
public sealed class ManualLogin
{
    private const string RedirectUri = "http://127.0.0.1:7890/";
    private readonly HttpClient _http;

    public ManualLogin(HttpClient http) => _http = http;

    public string CreateAuthorizeUrl(string state) =>
        // AUTH502: response_type=code without a code_challenge.
        new RequestUrl(App.Authority + "/connect/authorize")
            .CreateAuthorizeUrl(App.ClientId, "code", "openid api", RedirectUri, state);

    public string CreateLegacyAuthorizeUrl(string state) =>
        // AUTH502: the same, built from strings.
        $"{App.Authority}/connect/authorize?response_type=code&client_id={App.ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state={state}";

    public Task<TokenResponse> RedeemAsync(string code) =>
        // AUTH502: the code is redeemed without a code_verifier.
        _http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = App.Authority + "/connect/token",
            ClientId = App.ClientId,
            Code = code,
            RedirectUri = RedirectUri,
        });
}
