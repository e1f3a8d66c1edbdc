using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SafeAuth.Revocation;
using SafeAuth.Tokens;

namespace SafeAuth.Redis.Tests;

/// <summary>
/// Two instances of one app (two in-process test servers) sharing one real Redis: what one revokes or redeems, the other
/// refuses; with Redis stopped both fail closed; after a restart nothing revoked has become valid.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TwoInstanceTests
{
    private readonly RedisServer _redis;

    public TwoInstanceTests(RedisServer redis) => _redis = redis;

    public sealed record Tokens(string AccessToken, string RefreshToken);

    [Fact]
    public async Task WhatOneInstanceRevokesOrRedeems_TheOtherRefuses()
    {
        var clock = new ManualClock();
        var prefix = Prefix();
        await using var a = await StartAsync(clock, prefix);
        await using var b = await StartAsync(clock, prefix);
        using var clientA = a.GetTestClient();
        using var clientB = b.GetTestClient();

        var login = await LoginAsync(clientA, "alice");
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(clientB, login.AccessToken)).StatusCode);

        // A refresh token redeemed on A is spent on B: presenting it there is reuse.
        var refreshed = await RefreshAsync(clientA, login.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var replay = await RefreshAsync(clientB, login.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(nameof(RefreshTokenStatus.Reused), await replay.Content.ReadAsStringAsync());

        // Sign out everywhere on B: A refuses every token of that subject.
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await LoginAsync(clientB, "bob");
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(clientA, second.AccessToken)).StatusCode);
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout-everywhere"))
        {
            signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
            Assert.Equal(HttpStatusCode.NoContent, (await clientB.SendAsync(signOut)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(clientA, second.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(clientA, second.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task FiftyConcurrentRedemptions_AcrossTwoInstances_OneWins()
    {
        var clock = new ManualClock();
        var prefix = Prefix();
        await using var a = await StartAsync(clock, prefix);
        await using var b = await StartAsync(clock, prefix);
        using var clientA = a.GetTestClient();
        using var clientB = b.GetTestClient();
        var login = await LoginAsync(clientA, "carol");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => RefreshAsync(i % 2 == 0 ? clientA : clientB, login.RefreshToken)));
        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var tokens = (await winner.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(clientB, tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(clientA, tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task RedisStopped_FailsClosed_AndARestartKeepsEveryRevocation()
    {
        var clock = new ManualClock();
        var prefix = Prefix();
        await using var a = await StartAsync(clock, prefix);
        using var client = a.GetTestClient();
        var revoked = await LoginAsync(client, "dave");
        var kept = await LoginAsync(client, "erin");
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout-everywhere"))
        {
            signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", revoked.AccessToken);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);
        }

        await _redis.StopAsync();
        try
        {
            var me = await MeAsync(client, kept.AccessToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, me.StatusCode);
            Assert.Equal(nameof(JwtValidationFailure.RevocationStoreUnavailable), await me.Content.ReadAsStringAsync());
            var refresh = await RefreshAsync(client, kept.RefreshToken);
            Assert.Equal(nameof(RefreshTokenStatus.StoreUnavailable), await refresh.Content.ReadAsStringAsync());
        }
        finally
        {
            await _redis.StartAsync();
        }

        // Once the connection is back: the revoked subject stays revoked, the other works again.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage back;
        do
        {
            back = await MeAsync(client, kept.AccessToken);
            if (back.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(client, revoked.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, revoked.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, kept.RefreshToken)).StatusCode);
    }

    private static string Prefix() => "app" + Guid.NewGuid().ToString("N")[..8] + ":";

    private async Task<WebApplication> StartAsync(ManualClock clock, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new StrictJwtIssuer(new StrictJwtIssuerOptions { Issuer = Harness.Issuer, Audience = Harness.Audience, SigningKey = Harness.Key, TimeProvider = clock }));
        builder.Services.AddStrictJwtValidation(o =>
        {
            o.ValidIssuer = Harness.Issuer;
            o.ValidAudience = Harness.Audience;
            o.IssuerSigningKeys.Add(Harness.Key);
            o.TimeProvider = clock;
        });
        builder.Services.AddRefreshTokenRotation(o => o.TimeProvider = clock);
        builder.Services.AddSafeAuthRedisStores(_redis.Configuration, prefix);
        var app = builder.Build();

        app.MapPost("/login/{user}", async (string user, RefreshTokenRotation rotation) =>
        {
            var result = await rotation.SignInAsync(user, "spa");
            return Results.Ok(new Tokens(result.AccessToken!, result.RefreshToken!));
        });
        app.MapPost("/refresh", async (HttpRequest request, RefreshTokenRotation rotation) =>
        {
            var result = await rotation.RedeemAsync(await new StreamReader(request.Body).ReadToEndAsync(), "spa");
            return result.Succeeded
                ? Results.Ok(new Tokens(result.AccessToken, result.RefreshToken))
                : Results.Text(result.Status.ToString(), statusCode: result.Status == RefreshTokenStatus.StoreUnavailable ? 503 : 401);
        });
        app.MapGet("/me", async (HttpRequest request, StrictJwtValidator validator) =>
        {
            var result = await validator.ValidateAsync(request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal));
            return result.IsValid
                ? Results.Ok(result.Token.Subject)
                : Results.Text(result.Failure.ToString(), statusCode: result.Failure == JwtValidationFailure.RevocationStoreUnavailable ? 503 : 401);
        });
        app.MapPost("/signout-everywhere", async (HttpRequest request, StrictJwtValidator validator, RefreshTokenRotation rotation) =>
        {
            var result = await validator.ValidateAsync(request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal));
            if (!result.IsValid)
            {
                return Results.Unauthorized();
            }

            await rotation.SignOutEverywhereAsync(result.Token.Subject);
            return Results.NoContent();
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<Tokens> LoginAsync(HttpClient client, string user)
    {
        var response = await client.PostAsync("/login/" + user, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken)
        => client.PostAsync("/refresh", new StringContent(refreshToken));

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }
}
