using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace FixedApi.Tests;

/// <summary>
/// The violations sample after `dotnet format analyzers` applied every SafeAuth fix. The settings the fixes read
/// (signing keys, the StrictJwt section, the accounts) come from environment variables FixedSampleTests sets.
/// </summary>
public sealed class FixedApiTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Issuer = "https://api.example.com/";
    private static readonly byte[] Key = Convert.FromBase64String(Environment.GetEnvironmentVariable("FIXED_SAMPLE_KEY")!);
    private readonly WebApplicationFactory<Program> _factory;

    public FixedApiTests(WebApplicationFactory<Program> factory) => _factory = factory;

    private async Task<string> LoginAsync(string user = "alice", string password = "correct horse battery staple")
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/login", new { user, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _factory.CreateClient().SendAsync(request);
    }

    private static string Token(byte[] key, DateTime issued, DateTime expires, string role = "admin") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "api",
        Subject = new ClaimsIdentity(new[] { new Claim("sub", "alice"), new Claim("role", role) }),
        IssuedAt = issued,
        NotBefore = issued,
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task LoginToken_IsAcceptedByTheProtectedEndpoints()
    {
        var token = await LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/orders", token)).StatusCode);
        // The admin check passed: the user to delete is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, "/api/admin/users/bob", token)).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_GetsNoToken() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().PostAsJsonAsync("/api/login", new { user = "alice", password = "guess" })).StatusCode);

    [Fact]
    public async Task ForgedToken_Gets401()
    {
        var forged = Token(new byte[32], DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Delete, "/api/admin/users/bob", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/orders", forged)).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        var expired = Token(Key, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/orders", expired)).StatusCode);
    }

    [Fact]
    public async Task UnsignedToken_Gets401()
    {
        var signed = await LoginAsync();
        var unsigned = string.Join('.', Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}"), signed.Split('.')[1], string.Empty);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Delete, "/api/admin/users/bob", unsigned)).StatusCode);
    }

    [Fact]
    public async Task NoToken_Gets401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/orders", null)).StatusCode);
}
