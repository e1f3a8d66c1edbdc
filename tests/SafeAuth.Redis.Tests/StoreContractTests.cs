using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Revocation;
using SafeAuth.Tokens;

namespace SafeAuth.Redis.Tests;

/// <summary>What every store must do, run against the in-memory stores and against Redis.</summary>
public abstract class StoreContractTests
{
    protected abstract Harness NewHarness(ManualClock clock);

    private Harness NewHarness() => NewHarness(new ManualClock());

    [Fact]
    public async Task Redeem_RotatesOnce_AndReuseRevokesTheFamilyAndTheSubjectsAccessTokens()
    {
        var app = NewHarness();
        var signIn = await app.Rotation.SignInAsync("user-1", "spa");
        Assert.True(signIn.Succeeded);
        Assert.Equal(JwtValidationFailure.None, await app.CheckAsync(signIn.AccessToken));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var refreshed = await app.Rotation.RedeemAsync(signIn.RefreshToken, "spa");
        Assert.True(refreshed.Succeeded, refreshed.FailureMessage);
        Assert.NotEqual(signIn.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(JwtValidationFailure.None, await app.CheckAsync(refreshed.AccessToken));

        // The spent token comes back: someone else holds it.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var replay = await app.Rotation.RedeemAsync(signIn.RefreshToken, "spa");
        Assert.Equal(RefreshTokenStatus.Reused, replay.Status);
        Assert.Null(replay.AccessToken);
        Assert.Equal(RefreshTokenStatus.Revoked, (await app.Rotation.RedeemAsync(refreshed.RefreshToken, "spa")).Status);
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(refreshed.AccessToken));
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(signIn.AccessToken));
    }

    [Fact]
    public async Task AnotherClientsToken_IsRefused_AndItsFamilyRevoked()
    {
        var app = NewHarness();
        var signIn = await app.Rotation.SignInAsync("user-2", "spa");
        var stolen = await app.Rotation.RedeemAsync(signIn.RefreshToken, "other-client");
        Assert.Equal(RefreshTokenStatus.WrongClient, stolen.Status);
        Assert.Contains("another client", stolen.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(RefreshTokenStatus.Revoked, (await app.Rotation.RedeemAsync(signIn.RefreshToken, "spa")).Status);
    }

    [Fact]
    public async Task SlidingAndAbsoluteLifetimes_AreEnforced()
    {
        var app = NewHarness();
        var idle = await app.Rotation.SignInAsync("user-3", "spa");
        app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        Assert.Equal(RefreshTokenStatus.Expired, (await app.Rotation.RedeemAsync(idle.RefreshToken, "spa")).Status);

        var active = await app.Rotation.SignInAsync("user-3", "spa");
        var token = active.RefreshToken!;
        for (var day = 0; day < 20; day += 10)
        {
            app.Clock.Advance(TimeSpan.FromDays(10));
            var next = await app.Rotation.RedeemAsync(token, "spa");
            Assert.True(next.Succeeded, next.FailureMessage);
            token = next.RefreshToken;
        }

        // Day 30 of the family: the absolute lifetime ends it, however recently it was refreshed.
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(RefreshTokenStatus.Expired, (await app.Rotation.RedeemAsync(token, "spa")).Status);
    }

    public static TheoryData<string?> HostileTokens => new()
    {
        null, "", " ", new string('A', 100_000), new string('A', 42), new string('A', 44), "+" + new string('A', 42),
        new string('A', 42) + "=", new string('A', 42) + "B", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "\0" + new string('A', 42),
    };

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public async Task HostileRefreshTokens_AreMalformed_AndNeverReachTheStore(string? token)
    {
        var app = NewHarness();
        var result = await app.Rotation.RedeemAsync(token, "spa");
        Assert.Equal(RefreshTokenStatus.Malformed, result.Status);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AWellFormedTokenNeverIssued_IsUnknown()
    {
        var app = NewHarness();
        Assert.Equal(RefreshTokenStatus.Unknown, (await app.Rotation.RedeemAsync(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), "spa")).Status);
    }

    [Fact]
    public async Task FiftyConcurrentRedemptions_OneWins_AndTheFamilyIsRevoked()
    {
        var app = NewHarness();
        var signIn = await app.Rotation.SignInAsync("user-4", "spa");
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => app.Rotation.RedeemAsync(signIn.RefreshToken, "spa"))));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Status, new[] { RefreshTokenStatus.Reused, RefreshTokenStatus.Revoked }));
        Assert.Contains(results, r => r.Status == RefreshTokenStatus.Reused);
        Assert.Equal(RefreshTokenStatus.Revoked, (await app.Rotation.RedeemAsync(winner.RefreshToken, "spa")).Status);
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(winner.AccessToken!));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySession_ButNotTheNextSignIn()
    {
        var app = NewHarness();
        var laptop = await app.Rotation.SignInAsync("user-5", "spa");
        var phone = await app.Rotation.SignInAsync("user-5", "mobile");
        var someoneElse = await app.Rotation.SignInAsync("user-6", "spa");

        await app.Rotation.SignOutEverywhereAsync("user-5");
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(laptop.AccessToken!));
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(phone.AccessToken!));
        Assert.Equal(RefreshTokenStatus.Revoked, (await app.Rotation.RedeemAsync(laptop.RefreshToken, "spa")).Status);
        Assert.Equal(RefreshTokenStatus.Revoked, (await app.Rotation.RedeemAsync(phone.RefreshToken, "mobile")).Status);
        Assert.Equal(JwtValidationFailure.None, await app.CheckAsync(someoneElse.AccessToken!));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var again = await app.Rotation.SignInAsync("user-5", "spa");
        Assert.Equal(JwtValidationFailure.None, await app.CheckAsync(again.AccessToken!));
        Assert.True((await app.Rotation.RedeemAsync(again.RefreshToken, "spa")).Succeeded);
    }

    [Fact]
    public async Task RevokingOneToken_ByItsJti_LeavesTheOthers()
    {
        var app = NewHarness();
        var first = await app.Rotation.SignInAsync("user-7", "spa");
        var second = await app.Rotation.SignInAsync("user-7", "spa");
        var jwt = (await app.Validator.ValidateAsync(first.AccessToken!)).Token!;
        await app.Revocations.RevokeTokenAsync(jwt.Id, jwt.ValidTo);
        Assert.Equal(JwtValidationFailure.Revoked, await app.CheckAsync(first.AccessToken!));
        Assert.Equal(JwtValidationFailure.None, await app.CheckAsync(second.AccessToken!));
    }
}

public sealed class InMemoryStoreTests : StoreContractTests
{
    protected override Harness NewHarness(ManualClock clock)
        => new(new InMemoryRefreshTokenStore(clock), new InMemoryTokenRevocationStore(clock), clock);
}

[Collection(RedisCollection.Name)]
public sealed class RedisStoreTests : StoreContractTests, IDisposable
{
    private readonly StackExchange.Redis.ConnectionMultiplexer _redis;

    public RedisStoreTests(RedisServer server) => _redis = server.Connect();

    public void Dispose() => _redis.Dispose();

    protected override Harness NewHarness(ManualClock clock)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
        return new Harness(new RedisRefreshTokenStore(_redis, prefix, clock), new RedisTokenRevocationStore(_redis, prefix, clock), clock);
    }
}
