using Microsoft.AspNetCore.Http;
using SafeAuth.AspNetCore;

namespace SafeAuth.Tests.Browser;

public class TokenCookiesTests
{
    [Fact]
    public void CreateCookieOptions_HardensEveryAttribute()
    {
        var options = TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(15));
        Assert.True(options.HttpOnly);
        Assert.True(options.Secure);
        Assert.Equal(SameSiteMode.Strict, options.SameSite);
        Assert.Equal("/", options.Path);
        Assert.Null(options.Domain);
        Assert.Equal(TimeSpan.FromMinutes(15), options.MaxAge);
        Assert.True(options.IsEssential);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("__Secure-token")]
    [InlineData("__Host-")]
    [InlineData("__Host-a;SameSite=None")]
    [InlineData("__Host-a b")]
    [InlineData("")]
    public void CreateCookieOptions_ChecksTheNameGivenToAppend(string name)
    {
        // The name is what Response.Cookies.Append writes; without the __Host- prefix a sub-domain can plant or
        // shadow the cookie, and separators inject attributes.
        Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(name, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void CreateCookieOptions_AllowsLax()
    {
        Assert.Equal(SameSiteMode.Lax, TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(1), SameSiteMode.Lax).SameSite);
    }

    [Fact]
    public void CreateCookieOptions_SecurePrefixWithDomain_IsAccepted()
    {
        var options = TokenCookies.CreateCookieOptions(new TokenCookieOptions
        {
            Name = "__Secure-session", Lifetime = TimeSpan.FromHours(1), Domain = "example.com", Path = "/app", IsEssential = false,
        });
        Assert.Equal("example.com", options.Domain);
        Assert.Equal("/app", options.Path);
        Assert.False(options.IsEssential);
        Assert.True(options.HttpOnly && options.Secure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_LifetimeNotPositive(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromSeconds(seconds)));
        Assert.Equal("options.Lifetime", error.ParamName);
    }

    [Theory]
    [InlineData(SameSiteMode.None)]
    [InlineData(SameSiteMode.Unspecified)]
    public void Refuses_SameSiteNoneOrUnspecified(SameSiteMode mode)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(1), mode));
        Assert.Equal("options.SameSite", error.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("token")]
    [InlineData("__Secure-token")]
    [InlineData("__host-token")]
    public void Refuses_NameWithoutHostPrefix_WhenNoDomain(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(name!));
        Assert.Equal("options.Name", error.ParamName);
    }

    [Theory]
    [InlineData("__Host-to ken")]
    [InlineData("__Host-to;ken")]
    [InlineData("__Host-to=ken")]
    [InlineData("__Host-tö")]
    public void Refuses_NameWithCharactersCookiesDoNotAllow(string name)
    {
        Assert.Equal("options.Name", Assert.Throws<ArgumentException>(() => Create(name)).ParamName);
    }

    [Fact]
    public void Refuses_HostPrefixWithPathOtherThanRoot()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Lifetime = TimeSpan.FromMinutes(1), Path = "/api" }));
        Assert.Equal("options.Path", error.ParamName);
    }

    [Fact]
    public void Refuses_HostPrefixWithDomain()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Lifetime = TimeSpan.FromMinutes(1), Domain = "example.com" }));
        Assert.Equal("options.Domain", error.ParamName);
    }

    [Fact]
    public void Refuses_DomainWithoutSecurePrefix()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "session", Lifetime = TimeSpan.FromMinutes(1), Domain = "example.com" }));
        Assert.Equal("options.Name", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" example.com")]
    public void Refuses_BlankDomain(string domain)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "__Secure-s", Lifetime = TimeSpan.FromMinutes(1), Domain = domain }));
        Assert.Equal("options.Domain", error.ParamName);
    }

    [Fact]
    public void Refuses_SecurePrefixWithRelativePath()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "__Secure-s", Lifetime = TimeSpan.FromMinutes(1), Domain = "example.com", Path = "api" }));
        Assert.Equal("options.Path", error.ParamName);
    }

    [Theory]
    [InlineData("example.com; SameSite=None")]
    [InlineData("example.com;Domain=evil.example")]
    [InlineData("exa mple.com")]
    [InlineData("example.com,evil.example")]
    [InlineData("example..com")]
    [InlineData("-example.com")]
    [InlineData("com")]
    [InlineData(".com")]
    [InlineData(".")]
    [InlineData("example.com.")]
    [InlineData("exämple.com")]
    public void Refuses_DomainThatIsNotAHostNameBelowATopLevelDomain(string domain)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "__Secure-s", Lifetime = TimeSpan.FromMinutes(1), Domain = domain }));
        Assert.Equal("options.Domain", error.ParamName);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData(".example.com")]
    [InlineData("api.example.co.uk")]
    [InlineData("xn--exmple-cua.com")]
    public void Accepts_DomainThatIsAHostName(string domain)
    {
        var cookie = TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "__Secure-s", Lifetime = TimeSpan.FromMinutes(1), Domain = domain });
        Assert.Equal(domain, cookie.Domain);
    }

    [Theory]
    [InlineData("/api; SameSite=None")]
    [InlineData("/api;Domain=evil.example")]
    [InlineData("/a\r\nSet-Cookie: x=y")]
    [InlineData("/a\tb")]
    public void Refuses_PathWithSeparatorsOrControls(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCookies.CreateCookieOptions(
            new TokenCookieOptions { Name = "__Secure-s", Lifetime = TimeSpan.FromMinutes(1), Domain = "example.com", Path = path }));
        Assert.Equal("options.Path", error.ParamName);
    }

    [Fact]
    public void Refuses_LifetimeBeyondTheBrowsersFourHundredDayCap()
    {
        Assert.NotNull(TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromDays(400)));
        foreach (var lifetime in new[] { TimeSpan.FromDays(400) + TimeSpan.FromSeconds(1), TimeSpan.FromDays(36_500), TimeSpan.MaxValue })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => TokenCookies.CreateCookieOptions("__Host-token", lifetime));
            Assert.Equal("options.Lifetime", error.ParamName);
            Assert.Contains("400 days", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AppendTokenCookie_RefusesACookieBrowsersWouldDrop_WithoutWritingOrEchoingIt()
    {
        var options = new TokenCookieOptions { Lifetime = TimeSpan.FromMinutes(1) };
        var fits = new string('a', TokenCookies.MaxCookieBytes - options.Name.Length);
        var context = new DefaultHttpContext();
        context.Response.AppendTokenCookie(fits, options);
        Assert.Equal(1, context.Response.Headers.SetCookie.Count);

        var tooLong = fits + "b";
        context = new DefaultHttpContext();
        var error = Assert.Throws<ArgumentException>(() => context.Response.AppendTokenCookie(tooLong, options));
        Assert.Equal("token", error.ParamName);
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Response.Headers.SetCookie.Count);

        // The value is written URL-encoded: what counts is the encoded length.
        var encodedTooLong = new string(' ', (TokenCookies.MaxCookieBytes / 3) + 1);
        Assert.Throws<ArgumentException>(() => new DefaultHttpContext().Response.AppendTokenCookie(encodedTooLong, options));
    }

    [Fact]
    public void Refuses_NullOptions()
    {
        Assert.Throws<ArgumentNullException>(() => TokenCookies.CreateCookieOptions(null!));
        Assert.Throws<ArgumentNullException>(() => new DefaultHttpContext().Response.DeleteTokenCookie(null!));
        Assert.Throws<ArgumentNullException>(() => TokenCookies.AppendTokenCookie(null!, "t", new TokenCookieOptions()));
        Assert.Throws<ArgumentNullException>(() => TokenCookies.DeleteTokenCookie(null!, new TokenCookieOptions()));
    }

    [Fact]
    public void AppendTokenCookie_WritesAHardenedSetCookieHeader()
    {
        var context = new DefaultHttpContext();
        context.Response.AppendTokenCookie("abc.def.ghi", new TokenCookieOptions { Lifetime = TimeSpan.FromMinutes(10) });
        var header = context.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        Assert.StartsWith("__host-token=abc.def.ghi", header, StringComparison.Ordinal);
        Assert.Contains("max-age=600", header, StringComparison.Ordinal);
        Assert.Contains("path=/", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", header, StringComparison.Ordinal);
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        Assert.DoesNotContain("domain", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AppendTokenCookie_RefusesEmptyToken(string? token)
    {
        var context = new DefaultHttpContext();
        var error = Assert.Throws<ArgumentException>(() => context.Response.AppendTokenCookie(token!, new TokenCookieOptions { Lifetime = TimeSpan.FromMinutes(1) }));
        Assert.Equal("token", error.ParamName);
        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public void AppendTokenCookie_RefusesBadOptions_WithoutWritingAndWithoutEchoingTheToken()
    {
        var context = new DefaultHttpContext();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => context.Response.AppendTokenCookie("secret-value", new TokenCookieOptions()));
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public void DeleteTokenCookie_ExpiresTheSameCookie()
    {
        var context = new DefaultHttpContext();
        context.Response.DeleteTokenCookie(new TokenCookieOptions());
        var header = context.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        Assert.StartsWith("__host-token=;", header, StringComparison.Ordinal);
        Assert.Contains("expires=thu, 01 jan 1970", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => context.Response.DeleteTokenCookie(new TokenCookieOptions { Name = "token" }));
    }

    private static CookieOptions Create(string name) =>
        TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = name, Lifetime = TimeSpan.FromMinutes(1) });
}
