using SafeAuth.NativeApps;

namespace SafeAuth.Samples.Clean.Services;

/// <summary>
/// The sign-in of the command-line companion app, done as a public client should (the counterpart of
/// SafeAuth.Samples.NativeClient): authorization code with PKCE S256, a loopback redirect on a free port, state and
/// nonce, no client secret.
/// </summary>
public static class CompanionAppSignIn
{
    private static readonly Uri AuthorizeEndpoint = new("https://login.example.com/connect/authorize");

    /// <summary>The request to open in the system browser; keep it until the redirect arrives.</summary>
    public static NativeAuthorizeRequest Start() =>
        new NativeAuthorizeUrl(AuthorizeEndpoint, "contoso-cli")
            .WithLoopbackRedirect()
            .WithScopes("openid", "orders.read")
            .Build();

    /// <summary>The form that redeems the code: the same redirect URI and the verifier whose challenge was sent.</summary>
    public static FormUrlEncodedContent RedeemForm(NativeAuthorizeRequest request, string code, string returnedState)
    {
        if (!request.IsExpectedState(returnedState))
        {
            throw new InvalidOperationException("The redirect's state does not match the request.");
        }

        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "contoso-cli",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri.OriginalString,
            ["code_verifier"] = request.CodeVerifier,
        });
    }

    /// <summary>The same request built by hand, for providers with extra parameters: PKCE stays in it.</summary>
    public static string HandBuiltUrl(string state)
    {
        var pkce = Pkce.Create();
        return $"{AuthorizeEndpoint}?response_type=code&client_id=contoso-cli&state={state}&code_challenge={pkce.Challenge}&code_challenge_method=S256";
    }
}
