using System;
using Microsoft.AspNetCore.Http;

namespace SafeAuth.AspNetCore;

/// <summary>
/// What a token cookie should look like. <see cref="TokenCookies.CreateCookieOptions(TokenCookieOptions)"/> checks these
/// settings and turns them into ASP.NET Core <see cref="CookieOptions"/> that are always <c>HttpOnly</c> and
/// <c>Secure</c>, because ASP.NET Core's own defaults are neither (and send no <c>SameSite</c> attribute).
/// </summary>
public sealed class TokenCookieOptions
{
    /// <summary>
    /// The cookie name. Default <c>__Host-token</c>. Without <see cref="Domain"/> the name must start with
    /// <c>__Host-</c> (the browser then refuses the cookie unless it is <c>Secure</c>, has <c>Path=/</c> and no
    /// <c>Domain</c>); with a <see cref="Domain"/> it must start with <c>__Secure-</c>.
    /// </summary>
    public string Name { get; set; } = TokenCookies.HostPrefix + "token";

    /// <summary>How long the token is valid. The cookie's <c>Max-Age</c> is this value; it must be positive.</summary>
    public TimeSpan Lifetime { get; set; }

    /// <summary>
    /// <see cref="SameSiteMode.Strict"/> (default) or <see cref="SameSiteMode.Lax"/> (only when top-level navigation
    /// from other sites must carry the cookie). <see cref="SameSiteMode.None"/> and
    /// <see cref="SameSiteMode.Unspecified"/> are refused.
    /// </summary>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Strict;

    /// <summary>The cookie path. Default and required for <c>__Host-</c> names: <c>/</c>.</summary>
    public string Path { get; set; } = "/";

    /// <summary>
    /// The cookie domain. Default <see langword="null"/>: the cookie goes back to the exact host that set it, which
    /// is what a backend-for-frontend wants. Setting it shares the token with every sub-domain, and needs a
    /// <c>__Secure-</c> name.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>Whether the cookie is essential for the app to work (consent policies). Default <see langword="true"/>.</summary>
    public bool IsEssential { get; set; } = true;
}
