using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.NativeApps;

/// <summary>
/// Builds the authorization request of a native app (RFC 8252): authorization code with PKCE <c>S256</c> always,
/// a random <c>state</c> (and <c>nonce</c> for OpenID Connect), and a redirect to the loopback interface on a free
/// port, to a claimed <c>https</c> URI or to a private-use scheme. A native app is a public client: the builder takes
/// no client secret and refuses any other response type than <c>code</c>.
/// </summary>
/// <example>
/// <code>
/// var request = new NativeAuthorizeUrl(new Uri("https://login.example.com/authorize"), "desktop-app")
///     .WithLoopbackRedirect()
///     .WithScopes("openid", "profile", "api")
///     .Build();
/// // open request.Url in the system browser, listen on request.RedirectUri, check request.State,
/// // then redeem the code with request.CodeVerifier and the same request.RedirectUri.
/// </code>
/// </example>
public sealed class NativeAuthorizeUrl
{
    /// <summary>Parameters the builder writes itself and that <see cref="WithParameter"/> refuses.</summary>
    private static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method",
    };

    /// <summary>Parameters that carry client credentials: a native app has none.</summary>
    private static readonly HashSet<string> CredentialParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "client_secret", "client_assertion", "client_assertion_type", "password",
    };

    private readonly Uri _authorizeEndpoint;
    private readonly string _clientId;
    private readonly List<string> _scopes = new();
    private readonly List<KeyValuePair<string, string>> _extra = new();
    private Uri? _redirectUri;
    private int _verifierBytes = Pkce.MinVerifierBytes;

    /// <summary>Starts a request to <paramref name="authorizeEndpoint"/> for the public client <paramref name="clientId"/>.</summary>
    /// <param name="authorizeEndpoint">The authorization server's authorize endpoint; must be absolute <c>https</c>.</param>
    /// <param name="clientId">The registered client identifier of the app.</param>
    /// <exception cref="ArgumentException">
    /// The endpoint is not absolute <c>https</c>, carries a fragment, or its query sets a parameter the builder writes
    /// itself or a client credential; or the client id is empty.
    /// </exception>
    public NativeAuthorizeUrl(Uri authorizeEndpoint, string clientId)
    {
        ArgumentNullException.ThrowIfNull(authorizeEndpoint);
        if (!authorizeEndpoint.IsAbsoluteUri || authorizeEndpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The authorize endpoint must be an absolute https URI (RFC 6749 §3.1).", nameof(authorizeEndpoint));
        }

        if (!string.IsNullOrEmpty(authorizeEndpoint.Fragment))
        {
            throw new ArgumentException("The authorize endpoint must not carry a fragment (RFC 6749 §3.1).", nameof(authorizeEndpoint));
        }

        foreach (var name in QueryParameterNames(authorizeEndpoint.Query))
        {
            if (CredentialParameters.Contains(name) || ReservedParameters.Contains(name))
            {
                throw new ArgumentException(
                    $"The authorize endpoint's query sets '{name}', which {(CredentialParameters.Contains(name) ? "carries a client credential a native app does not have (RFC 8252 §8.5)" : "the builder sets itself (code flow with S256 PKCE, its own state and redirect)")}; remove it from the endpoint URI.",
                    nameof(authorizeEndpoint));
            }
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new ArgumentException("A client id is required.", nameof(clientId));
        }

        _authorizeEndpoint = authorizeEndpoint;
        _clientId = clientId;
    }

    /// <summary>Redirects to <c>http://127.0.0.1:{port}{path}</c> (RFC 8252 §7.3), on a free port unless one is given.</summary>
    /// <param name="port">The port the app listens on, or 0 to pick a free one now.</param>
    /// <param name="path">The path the listener serves; starts with <c>/</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0–65535.</exception>
    /// <exception cref="ArgumentException">The path does not start with <c>/</c>.</exception>
    public NativeAuthorizeUrl WithLoopbackRedirect(int port = 0, string path = "/")
    {
        if (port < 0 || port > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A loopback redirect port must be 0 (pick a free one) to 65535.");
        }

        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw new ArgumentException("A loopback redirect path must start with '/'.", nameof(path));
        }

        if (port == 0)
        {
            port = FindFreeLoopbackPort();
        }

        _redirectUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{path}"));
        return this;
    }

    /// <summary>
    /// Redirects to <paramref name="redirectUri"/>: an <c>http</c> URI on a loopback IP literal (<c>127.0.0.1</c> or
    /// <c>[::1]</c>), a claimed <c>https</c> URI, or a private-use scheme named after a reverse domain
    /// (<c>com.example.app:/callback</c>, RFC 8252 §7.1).
    /// </summary>
    /// <param name="redirectUri">The redirect URI registered for the app.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The URI is relative, has a fragment, is <c>http</c> to anything but a loopback IP literal, or uses a scheme that is not a reverse domain name.</exception>
    public NativeAuthorizeUrl WithRedirectUri(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        if (!redirectUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The redirect URI must be absolute.", nameof(redirectUri));
        }

        if (!string.IsNullOrEmpty(redirectUri.Fragment))
        {
            throw new ArgumentException("The redirect URI must not carry a fragment (RFC 6749 §3.1.2).", nameof(redirectUri));
        }

        var scheme = redirectUri.Scheme;
        if (scheme == Uri.UriSchemeHttp)
        {
            if (!IPAddress.TryParse(redirectUri.Host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address))
            {
                throw new ArgumentException(
                    "An http redirect URI must name the loopback interface by IP literal, http://127.0.0.1:{port}/ or http://[::1]:{port}/ (RFC 8252 §7.3, §8.3); use https or a private-use scheme otherwise.",
                    nameof(redirectUri));
            }
        }
        else if (scheme != Uri.UriSchemeHttps)
        {
            if (scheme.IndexOf('.', StringComparison.Ordinal) < 0 || scheme is "javascript" or "data" or "file")
            {
                throw new ArgumentException(
                    "A private-use redirect scheme must be a reverse domain name the app controls, such as com.example.app (RFC 8252 §7.1).",
                    nameof(redirectUri));
            }
        }

        _redirectUri = redirectUri;
        return this;
    }

    /// <summary>Adds scopes; with <c>openid</c> the request also carries a <c>nonce</c>.</summary>
    /// <param name="scopes">Scope values, without spaces.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A scope is empty or holds whitespace.</exception>
    public NativeAuthorizeUrl WithScopes(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            if (string.IsNullOrEmpty(scope) || scope.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException("Each scope must be a non-empty value without whitespace.", nameof(scopes));
            }

            if (!_scopes.Contains(scope, StringComparer.Ordinal))
            {
                _scopes.Add(scope);
            }
        }

        return this;
    }

    /// <summary>Sets the response type; only <c>code</c> is accepted (the implicit and hybrid flows return tokens in the redirect).</summary>
    /// <param name="responseType">Must be <c>code</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public NativeAuthorizeUrl WithResponseType(string responseType)
    {
        if (!string.Equals(responseType, "code", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A native app uses the authorization code flow: response_type must be 'code' (RFC 8252 §8.2, RFC 9700 §2.1.2).",
                nameof(responseType));
        }

        return this;
    }

    /// <summary>Refuses: a native app is a public client and cannot keep a secret (RFC 8252 §8.5).</summary>
    /// <param name="clientSecret">Not used.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public NativeAuthorizeUrl WithClientSecret(string clientSecret)
    {
        _ = clientSecret;
        throw new InvalidOperationException(
            "A native app is a public client: a secret shipped inside it is not secret (RFC 8252 §8.5). Register the app as a public client and rely on PKCE.");
    }

    /// <summary>Sets how many random octets the PKCE verifier holds (32 to 96).</summary>
    /// <param name="bytes">The octet count.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Outside 32–96.</exception>
    public NativeAuthorizeUrl WithVerifierBytes(int bytes)
    {
        if (bytes < Pkce.MinVerifierBytes || bytes > Pkce.MaxVerifierBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"A PKCE verifier needs {Pkce.MinVerifierBytes} to {Pkce.MaxVerifierBytes} random octets.");
        }

        _verifierBytes = bytes;
        return this;
    }

    /// <summary>Adds another parameter (<c>prompt</c>, <c>login_hint</c>, <c>acr_values</c>…).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The parameter value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty, is one the builder sets itself, or carries a client credential.</exception>
    public NativeAuthorizeUrl WithParameter(string name, string value)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A parameter name is required.", nameof(name));
        }

        if (CredentialParameters.Contains(name))
        {
            throw new ArgumentException(
                $"'{name}' carries a client credential; a native app is a public client and sends none (RFC 8252 §8.5).",
                nameof(name));
        }

        if (ReservedParameters.Contains(name))
        {
            throw new ArgumentException($"'{name}' is set by the builder itself.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(value);
        _extra.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Creates the request: a fresh PKCE pair, <c>state</c> and (for <c>openid</c>) <c>nonce</c>.</summary>
    /// <returns>The URL to open in the system browser, and the values to keep until the redirect arrives.</returns>
    /// <exception cref="InvalidOperationException">No redirect URI was chosen.</exception>
    public NativeAuthorizeRequest Build()
    {
        if (_redirectUri is null)
        {
            throw new InvalidOperationException("Choose a redirect first: WithLoopbackRedirect() or WithRedirectUri(...).");
        }

        var pkce = Pkce.Create(_verifierBytes);
        var state = RandomValue();
        var nonce = _scopes.Contains("openid", StringComparer.Ordinal) ? RandomValue() : null;

        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", _clientId),
            new("redirect_uri", _redirectUri.OriginalString),
        };
        if (_scopes.Count > 0)
        {
            query.Add(new("scope", string.Join(' ', _scopes)));
        }

        query.Add(new("state", state));
        if (nonce is not null)
        {
            query.Add(new("nonce", nonce));
        }

        query.Add(new("code_challenge", pkce.Challenge));
        query.Add(new("code_challenge_method", Pkce.ChallengeMethod));
        query.AddRange(_extra);

        var text = new StringBuilder(_authorizeEndpoint.GetLeftPart(UriPartial.Path));
        var existing = _authorizeEndpoint.Query;
        text.Append(string.IsNullOrEmpty(existing) ? "?" : existing + "&");
        text.Append(string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));

        return new NativeAuthorizeRequest(new Uri(text.ToString()), _redirectUri, state, nonce, pkce.Verifier);
    }

    /// <summary>The decoded names of a query string's parameters (<c>+</c> read as a space, as forms encode it).</summary>
    private static IEnumerable<string> QueryParameterNames(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0].Replace('+', ' ');
            yield return Uri.UnescapeDataString(name);
        }
    }

    /// <summary>128 bits from the CSPRNG, base64url (22 characters).</summary>
    private static string RandomValue() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    private static int FindFreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>An authorization request of a native app, and what to keep until its redirect arrives.</summary>
/// <param name="Url">The URL to open in the system browser (never an embedded web view, RFC 8252 §8.12).</param>
/// <param name="RedirectUri">The redirect URI; send exactly this value again in the token request.</param>
/// <param name="State">The <c>state</c> value; the redirect must carry the same value (RFC 8252 §8.9).</param>
/// <param name="Nonce">The <c>nonce</c> for OpenID Connect, or null when <c>openid</c> was not requested; check it in the ID token.</param>
/// <param name="CodeVerifier">The PKCE verifier; send it as <c>code_verifier</c> in the token request.</param>
public sealed record NativeAuthorizeRequest(Uri Url, Uri RedirectUri, string State, string? Nonce, string CodeVerifier)
{
    /// <summary>Whether a redirect's <c>state</c> matches, compared in constant time.</summary>
    /// <param name="returnedState">The <c>state</c> the redirect carried.</param>
    /// <returns><see langword="true"/> when it equals <see cref="State"/>.</returns>
    public bool IsExpectedState(string? returnedState) =>
        returnedState is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(returnedState), Encoding.ASCII.GetBytes(State));

    /// <summary>Keeps the verifier out of logs.</summary>
    /// <returns>The URL and redirect URI only.</returns>
    public override string ToString() => $"NativeAuthorizeRequest {{ Url = {Url}, RedirectUri = {RedirectUri} }}";
}
