using System;
using Microsoft.AspNetCore.Http;

namespace SafeAuth.AspNetCore;

/// <summary>
/// Builds and writes cookies that carry a token set by a server (a backend-for-frontend session, a refresh token):
/// <c>HttpOnly</c> so page script cannot read them, <c>Secure</c>, <c>SameSite=Strict</c> or <c>Lax</c>,
/// <c>Path=/</c>, no <c>Domain</c>, a <c>__Host-</c> name and a <c>Max-Age</c> no longer than the token lives.
/// </summary>
public static class TokenCookies
{
    /// <summary>The name prefix browsers accept only on a <c>Secure</c> cookie with <c>Path=/</c> and no <c>Domain</c>.</summary>
    public const string HostPrefix = "__Host-";

    /// <summary>The name prefix browsers accept only on a <c>Secure</c> cookie.</summary>
    public const string SecurePrefix = "__Secure-";

    /// <summary>The longest cookie (name and encoded value) browsers keep; a longer one is dropped without a word.</summary>
    public const int MaxCookieBytes = 4096;

    /// <summary>The longest <c>Max-Age</c> browsers honour (RFC 6265bis caps it at 400 days).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(400);

    /// <summary>
    /// Checked cookie options for the token cookie <paramref name="name"/> that lives <paramref name="lifetime"/>:
    /// <c>HttpOnly</c>, <c>Secure</c>, <paramref name="sameSite"/>, <c>Path=/</c>, no <c>Domain</c>, <c>Max-Age</c> =
    /// <paramref name="lifetime"/>. The name is checked too, since it is what <c>Response.Cookies.Append</c> is given:
    /// an RFC 6265 token starting with <see cref="HostPrefix"/>.
    /// </summary>
    /// <param name="name">The cookie name that goes to <c>Response.Cookies.Append</c>, for example <c>__Host-token</c>.</param>
    /// <param name="lifetime">How long the token is valid; positive.</param>
    /// <param name="sameSite"><see cref="SameSiteMode.Strict"/> (default) or <see cref="SameSiteMode.Lax"/>.</param>
    /// <returns>New cookie options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not positive, or longer than <see cref="MaxLifetime"/>.</exception>
    /// <exception cref="ArgumentException">The name is refused, or the SameSite mode is neither Strict nor Lax.</exception>
    public static CookieOptions CreateCookieOptions(string name, TimeSpan lifetime, SameSiteMode sameSite = SameSiteMode.Strict) =>
        CreateCookieOptions(new TokenCookieOptions { Name = name, Lifetime = lifetime, SameSite = sameSite });

    /// <summary>Checks <paramref name="options"/> and builds the ASP.NET Core cookie options for them.</summary>
    /// <param name="options">The token cookie settings.</param>
    /// <returns>New cookie options; always <c>HttpOnly</c> and <c>Secure</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not positive, or longer than <see cref="MaxLifetime"/>.</exception>
    /// <exception cref="ArgumentException">The name, path, domain or SameSite mode is refused; the message says why.</exception>
    public static CookieOptions CreateCookieOptions(TokenCookieOptions options)
    {
        Validate(options);
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = options.SameSite,
            Path = options.Path,
            Domain = options.Domain,
            MaxAge = options.Lifetime,
            IsEssential = options.IsEssential,
        };
    }

    /// <summary>Writes <paramref name="token"/> as a cookie built from <paramref name="options"/>.</summary>
    /// <param name="response">The response that sets the cookie.</param>
    /// <param name="token">The token; not empty.</param>
    /// <param name="options">The token cookie settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The token is empty, the cookie would be longer than <see cref="MaxCookieBytes"/>, or the settings are refused.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not positive, or longer than <see cref="MaxLifetime"/>.</exception>
    public static void AppendTokenCookie(this HttpResponse response, string token, TokenCookieOptions options)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (string.IsNullOrEmpty(token))
        {
            // Never echo the value.
            throw new ArgumentException("The token must not be null or empty.", nameof(token));
        }

        var cookieOptions = CreateCookieOptions(options);

        // ASP.NET Core writes the value URL-encoded; browsers count name and value together.
        var length = options.Name.Length + Uri.EscapeDataString(token).Length;
        if (length > MaxCookieBytes)
        {
            // Never echo the value.
            throw new ArgumentException(
                $"The cookie would be {length} bytes; browsers silently drop cookies over {MaxCookieBytes} bytes. Keep the token server-side and put a short session reference in the cookie.",
                nameof(token));
        }

        response.Cookies.Append(options.Name, token, cookieOptions);
    }

    /// <summary>Deletes the token cookie described by <paramref name="options"/> (same name, path and domain).</summary>
    /// <param name="response">The response that deletes the cookie.</param>
    /// <param name="options">The settings the cookie was written with; <see cref="TokenCookieOptions.Lifetime"/> is not used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The name, path, domain or SameSite mode is refused.</exception>
    public static void DeleteTokenCookie(this HttpResponse response, TokenCookieOptions options)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        ValidateShape(options);
        response.Cookies.Delete(options.Name, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = options.SameSite,
            Path = options.Path,
            Domain = options.Domain,
        });
    }

    private static void Validate(TokenCookieOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options) + "." + nameof(TokenCookieOptions.Lifetime),
                "The cookie lifetime must be positive: set it to the token's lifetime.");
        }

        if (options.Lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options) + "." + nameof(TokenCookieOptions.Lifetime),
                "The cookie lifetime is longer than 400 days, which browsers cut to 400 days (RFC 6265bis); a token should live far shorter.");
        }

        ValidateShape(options);
    }

    private static void ValidateShape(TokenCookieOptions options)
    {
        ValidateName(options.Name);
        if (options.SameSite is not (SameSiteMode.Strict or SameSiteMode.Lax))
        {
            throw new ArgumentException(
                $"SameSite={options.SameSite} is refused for a token cookie: use Strict, or Lax when top-level navigation from other sites must carry it.",
                nameof(options) + "." + nameof(TokenCookieOptions.SameSite));
        }

        ValidateScope(options);
    }

    /// <summary>A non-empty RFC 6265 token that is more than a bare prefix.</summary>
    private static void ValidateName(string name)
    {
        const string nameParameter = "options." + nameof(TokenCookieOptions.Name);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The cookie name must not be null or empty.", nameParameter);
        }

        foreach (var c in name)
        {
            // RFC 6265 token characters: no controls, spaces or separators.
            if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0)
            {
                throw new ArgumentException($"The cookie name '{name}' holds a character cookies do not allow.", nameParameter);
            }
        }

        if (name == HostPrefix || name == SecurePrefix)
        {
            throw new ArgumentException($"The cookie name '{name}' is only a prefix: add a name after it, e.g. '{name}token'.", nameParameter);
        }
    }

    /// <summary>Domain and Path agree with the name's prefix: <c>__Host-</c> without a Domain and at <c>/</c>, else <c>__Secure-</c>.</summary>
    private static void ValidateScope(TokenCookieOptions options)
    {
        const string nameParameter = nameof(options) + "." + nameof(TokenCookieOptions.Name);
        var name = options.Name;
        var hasHostPrefix = name.StartsWith(HostPrefix, StringComparison.Ordinal);
        if (options.Domain is null)
        {
            if (!hasHostPrefix)
            {
                throw new ArgumentException(
                    $"The cookie name '{name}' must start with '{HostPrefix}' so that browsers bind it to this host over HTTPS.",
                    nameParameter);
            }

            if (options.Path != "/")
            {
                throw new ArgumentException(
                    $"A '{HostPrefix}' cookie must have Path=/; browsers drop it otherwise.",
                    nameof(options) + "." + nameof(TokenCookieOptions.Path));
            }

            return;
        }

        if (!IsHostNameBelowTopLevel(options.Domain))
        {
            throw new ArgumentException(
                "The cookie domain must be null (recommended) or a host name with at least two labels (letters, digits, '-'), such as 'example.com'; separators, spaces and a bare top-level domain are refused.",
                nameof(options) + "." + nameof(TokenCookieOptions.Domain));
        }

        if (hasHostPrefix)
        {
            throw new ArgumentException(
                $"A '{HostPrefix}' cookie cannot carry a Domain; browsers drop it. Leave Domain null, or use a '{SecurePrefix}' name.",
                nameof(options) + "." + nameof(TokenCookieOptions.Domain));
        }

        if (!name.StartsWith(SecurePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The cookie name '{name}' must start with '{SecurePrefix}' when a Domain is set.",
                nameParameter);
        }

        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/' || !IsPathValue(options.Path))
        {
            throw new ArgumentException(
                "The cookie path must start with '/' and hold no ';', spaces or control characters (RFC 6265 path-value).",
                nameof(options) + "." + nameof(TokenCookieOptions.Path));
        }
    }

    /// <summary>An ASCII host name of two or more labels (a leading dot allowed): letters, digits and inner hyphens.</summary>
    private static bool IsHostNameBelowTopLevel(string domain)
    {
        var labels = (domain.StartsWith(".", StringComparison.Ordinal) ? domain.Substring(1) : domain).Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>RFC 6265 path-value: any character but controls and ';'; a space is refused too (it ends the attribute in some browsers).</summary>
    private static bool IsPathValue(string path)
    {
        foreach (var c in path)
        {
            if (c <= ' ' || c == ';' || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
