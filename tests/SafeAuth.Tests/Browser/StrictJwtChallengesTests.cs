using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using SafeAuth.AspNetCore;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests.Browser;

/// <summary><c>AddStrictJwtChallenges</c>: a refused token becomes a 401 challenge, nothing else changes.</summary>
public sealed class StrictJwtChallengesTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;

    public StrictJwtChallengesTests(JwtFixture fixture) => _f = fixture;

    private async Task<WebApplication> StartAsync(bool registerTwice = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddStrictJwtChallenges();
        if (registerTwice)
        {
            builder.Services.AddStrictJwtChallenges();
        }

        var app = builder.Build();
        var validator = _f.RsaValidator;
        app.MapGet("/me", (HttpRequest request) => validator.ValidateJsonWebToken(request.Headers.Authorization.ToString()["Bearer ".Length..]).Subject);
        app.MapGet("/broken", () => { throw new InvalidOperationException("not a token problem"); });
        app.MapGet("/streamed", async (HttpResponse response) =>
        {
            await response.WriteAsync("partial");
            await response.Body.FlushAsync();
            throw new JwtValidationException(JwtValidationFailure.Expired, "late");
        });
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> GetAsync(WebApplication app, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return app.GetTestClient().SendAsync(request);
    }

    [Fact]
    public async Task ValidToken_PassesThrough()
    {
        await using var app = await StartAsync();
        var response = await GetAsync(app, "/me", _f.ValidRs256());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user-42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForgedToken_Gets401_WithTheBearerChallenge_AndNoDetail()
    {
        await using var app = await StartAsync(registerTwice: true);
        var forged = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        var response = await GetAsync(app, "/me", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"invalid_token\", error_description=\"InvalidSignature\"", challenge.Parameter);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OtherExceptions_AreNotTurnedInto401() =>
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await StartAsync();
            await GetAsync(app, "/broken", _f.ValidRs256());
        });

    [Fact]
    public async Task AfterTheResponseStarted_TheFailureIsNotHidden()
    {
        await using var app = await StartAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => GetAsync(app, "/streamed", _f.ValidRs256()));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => StrictJwtChallenges.AddStrictJwtChallenges(null!));
        Assert.Throws<ArgumentNullException>(() => StrictJwtChallenges.UseStrictJwtChallenges(null!));
    }
}
