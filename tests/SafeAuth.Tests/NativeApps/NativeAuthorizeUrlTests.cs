using System.Net;
using System.Net.Sockets;
using SafeAuth.NativeApps;

namespace SafeAuth.Tests.NativeApps;

public class NativeAuthorizeUrlTests
{
    private static readonly Uri Endpoint = new("https://login.example.com/connect/authorize");

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    [Fact]
    public void Build_LoopbackWithFreePort_CodeFlowWithPkceStateAndNonce()
    {
        var request = new NativeAuthorizeUrl(Endpoint, "desktop-app")
            .WithLoopbackRedirect()
            .WithScopes("openid", "profile", "api")
            .Build();

        var query = Query(request.Url);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("desktop-app", query["client_id"]);
        Assert.Equal(request.RedirectUri.OriginalString, query["redirect_uri"]);
        Assert.Equal("openid profile api", query["scope"]);
        Assert.Equal(request.State, query["state"]);
        Assert.Equal(request.Nonce, query["nonce"]);
        Assert.Equal(Pkce.CreateChallenge(request.CodeVerifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.DoesNotContain("client_secret", request.Url.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(request.CodeVerifier, request.Url.ToString(), StringComparison.Ordinal);

        Assert.Equal("127.0.0.1", request.RedirectUri.Host);
        Assert.NotEqual(0, request.RedirectUri.Port);
        Assert.Equal("/", request.RedirectUri.AbsolutePath);

        // state and nonce carry 128 bits: 16 octets, 22 base64url characters.
        Assert.Equal(22, request.State.Length);
        Assert.Equal(22, request.Nonce!.Length);
        Assert.True(request.IsExpectedState(request.State));
        Assert.False(request.IsExpectedState(request.State + "x"));
        Assert.False(request.IsExpectedState(null));
        Assert.DoesNotContain(request.CodeVerifier, request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FreePortCanBeBound()
    {
        var request = new NativeAuthorizeUrl(Endpoint, "app").WithLoopbackRedirect(path: "/callback").Build();
        var listener = new TcpListener(IPAddress.Loopback, request.RedirectUri.Port);
        listener.Start();
        listener.Stop();
        Assert.Equal("/callback", request.RedirectUri.AbsolutePath);
    }

    [Fact]
    public void Build_WithoutOpenId_HasNoNonce_AndFreshValuesEachTime()
    {
        var builder = new NativeAuthorizeUrl(Endpoint, "app").WithLoopbackRedirect(51000).WithScopes("api");
        var a = builder.Build();
        var b = builder.Build();
        Assert.Null(a.Nonce);
        Assert.DoesNotContain("nonce", a.Url.Query, StringComparison.Ordinal);
        Assert.NotEqual(a.State, b.State);
        Assert.NotEqual(a.CodeVerifier, b.CodeVerifier);
        Assert.Equal(new Uri("http://127.0.0.1:51000/"), a.RedirectUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8400/cb")]
    [InlineData("http://[::1]:8400/")]
    [InlineData("https://app.example.com/oauth/callback")]
    [InlineData("com.example.app:/oauth2redirect")]
    public void WithRedirectUri_AcceptsLoopbackClaimedHttpsAndPrivateUseSchemes(string redirect)
    {
        var request = new NativeAuthorizeUrl(Endpoint, "app").WithRedirectUri(new Uri(redirect)).Build();
        Assert.Equal(redirect, Query(request.Url)["redirect_uri"]);
    }

    [Theory]
    [InlineData("http://example.com/callback")]
    [InlineData("http://localhost:8400/")]
    [InlineData("http://192.168.1.10:8400/")]
    public void WithRedirectUri_RefusesNonLoopbackHttp(string redirect)
    {
        var ex = Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithRedirectUri(new Uri(redirect)));
        Assert.Equal("redirectUri", ex.ParamName);
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myapp:/callback")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///tmp/x")]
    public void WithRedirectUri_RefusesSchemesThatAreNotReverseDomains(string redirect)
    {
        var ex = Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithRedirectUri(new Uri(redirect)));
        Assert.Contains("reverse domain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRedirectUri_RefusesRelativeAndFragment()
    {
        var builder = new NativeAuthorizeUrl(Endpoint, "app");
        Assert.Throws<ArgumentException>(() => builder.WithRedirectUri(new Uri("/callback", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => builder.WithRedirectUri(new Uri("https://app.example.com/cb#x")));
        Assert.Throws<ArgumentNullException>(() => builder.WithRedirectUri(null!));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void WithLoopbackRedirect_RefusesBadPort(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithLoopbackRedirect(port));
    }

    [Theory]
    [InlineData("")]
    [InlineData("callback")]
    public void WithLoopbackRedirect_RefusesPathWithoutSlash(string path)
    {
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithLoopbackRedirect(8400, path));
    }

    [Fact]
    public void WithClientSecret_Refuses()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithClientSecret("s3cr3t-value"));
        Assert.Contains("public client", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_secret")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("client_assertion")]
    [InlineData("password")]
    public void WithParameter_RefusesCredentials(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithParameter(name, "s3cr3t-value"));
        Assert.Contains("credential", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("response_type")]
    [InlineData("code_challenge_method")]
    [InlineData("state")]
    [InlineData("redirect_uri")]
    [InlineData("")]
    public void WithParameter_RefusesReservedOrEmptyNames(string name)
    {
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithParameter(name, "x"));
    }

    [Fact]
    public void WithParameter_AddsOtherParameters()
    {
        var request = new NativeAuthorizeUrl(Endpoint, "app").WithLoopbackRedirect(8400).WithParameter("prompt", "select_account").Build();
        Assert.Equal("select_account", Query(request.Url)["prompt"]);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("id_token token")]
    [InlineData("code id_token")]
    [InlineData("Code")]
    [InlineData("")]
    public void WithResponseType_RefusesAnythingButCode(string responseType)
    {
        var ex = Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithResponseType(responseType));
        Assert.Equal("responseType", ex.ParamName);
    }

    [Fact]
    public void WithResponseType_AcceptsCode()
    {
        var request = new NativeAuthorizeUrl(Endpoint, "app").WithResponseType("code").WithLoopbackRedirect(8400).Build();
        Assert.Equal("code", Query(request.Url)["response_type"]);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(97)]
    public void WithVerifierBytes_RefusesOutOfRange(int bytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithVerifierBytes(bytes));
    }

    [Fact]
    public void WithVerifierBytes_SetsVerifierLength()
    {
        var request = new NativeAuthorizeUrl(Endpoint, "app").WithVerifierBytes(96).WithLoopbackRedirect(8400).Build();
        Assert.Equal(128, request.CodeVerifier.Length);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("")]
    public void WithScopes_RefusesWhitespaceOrEmpty(string scope)
    {
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, "app").WithScopes(scope));
    }

    [Theory]
    [InlineData("http://login.example.com/authorize")]
    [InlineData("https://login.example.com/authorize#frag")]
    public void Constructor_RefusesNonHttpsOrFragmentEndpoint(string endpoint)
    {
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(new Uri(endpoint), "app"));
    }

    [Fact]
    public void Constructor_RefusesRelativeEndpointAndEmptyClientId()
    {
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(new Uri("/authorize", UriKind.Relative), "app"));
        Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(Endpoint, " "));
        Assert.Throws<ArgumentNullException>(() => new NativeAuthorizeUrl(null!, "app"));
    }

    [Fact]
    public void Build_RefusesWithoutRedirect()
    {
        Assert.Throws<InvalidOperationException>(() => new NativeAuthorizeUrl(Endpoint, "app").Build());
    }

    [Theory]
    [InlineData("?code_challenge_method=plain", "code_challenge_method")]
    [InlineData("?response_type=token", "response_type")]
    [InlineData("?p=B2C_1_signin&Response_Type=id_token%20token", "Response_Type")]
    [InlineData("?redirect_uri=https%3A%2F%2Fevil.example%2F", "redirect_uri")]
    [InlineData("?state=fixed", "state")]
    [InlineData("?client_secret=s3cr3t", "client_secret")]
    [InlineData("?%63lient_secret=s3cr3t", "client_secret")]
    [InlineData("?client_assertion=eyJ", "client_assertion")]
    [InlineData("?password=hunter2", "password")]
    public void Constructor_RefusesEndpointQueryThatSetsReservedParametersOrCredentials(string query, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new NativeAuthorizeUrl(new Uri("https://login.example.com/authorize" + query), "app"));
        Assert.Equal("authorizeEndpoint", error.ParamName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KeepsExistingEndpointQuery()
    {
        var request = new NativeAuthorizeUrl(new Uri("https://login.example.com/authorize?p=B2C_1_signin"), "app").WithLoopbackRedirect(8400).Build();
        Assert.Equal("B2C_1_signin", Query(request.Url)["p"]);
        Assert.Equal("code", Query(request.Url)["response_type"]);
    }
}
