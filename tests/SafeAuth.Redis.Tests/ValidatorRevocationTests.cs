using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafeAuth.Revocation;
using SafeAuth.Tokens;

namespace SafeAuth.Redis.Tests;

/// <summary>How the validator uses a revocation store: one call per validation, fail closed unless told otherwise.</summary>
public sealed class ValidatorRevocationTests
{
    private sealed class UnreachableStore : ITokenRevocationStore
    {
        public int Checks { get; private set; }

        public Task RevokeTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => throw new RevocationStoreUnavailableException("down");

        public Task RevokeSubjectAsync(string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken = default) => throw new RevocationStoreUnavailableException("down");

        public Task<RevocationState> CheckAsync(string? tokenId, string? subject, CancellationToken cancellationToken = default)
        {
            Checks++;
            throw new RevocationStoreUnavailableException("down");
        }
    }

    [Fact]
    public async Task UnreachableStore_FailsClosed_WithItsOwnReason_OrOpenWhenNamedSo()
    {
        var clock = new ManualClock();
        var store = new UnreachableStore();
        var closed = new Harness(new InMemoryRefreshTokenStore(clock), store, clock);
        var token = (await new Harness(new InMemoryRefreshTokenStore(clock), new InMemoryTokenRevocationStore(clock), clock).Rotation.SignInAsync("u", "spa")).AccessToken!;

        var result = await closed.Validator.ValidateAsync(token);
        Assert.Equal(JwtValidationFailure.RevocationStoreUnavailable, result.Failure);
        Assert.IsType<RevocationStoreUnavailableException>(result.Exception);
        Assert.Equal(1, store.Checks);

        var open = new Harness(new InMemoryRefreshTokenStore(clock), store, clock, failOpen: true);
        Assert.True((await open.Validator.ValidateAsync(token)).IsValid);

        // A token refused earlier (here: forged) never costs a store round trip.
        Assert.Equal(JwtValidationFailure.InvalidSignature, (await closed.Validator.ValidateAsync(token[..^4] + "AAAA")).Failure);
        Assert.Equal(2, store.Checks);
    }

    [Fact]
    public void RevocationNeedsIssuedAt()
    {
        var options = new StrictJwtValidationOptions { ValidIssuer = Harness.Issuer, ValidAudience = Harness.Audience, RequireIssuedAt = false, RevocationStore = new InMemoryTokenRevocationStore() };
        options.IssuerSigningKeys.Add(Harness.Key);
        Assert.Contains("RequireIssuedAt", Assert.Throws<ArgumentException>(() => new StrictJwtValidator(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_WiresTheStoresIntoTheValidator_AndChecksLifetimesAtStartup()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new StrictJwtIssuer(new StrictJwtIssuerOptions { Issuer = Harness.Issuer, Audience = Harness.Audience, SigningKey = Harness.Key }));
        services.AddStrictJwtValidation(o =>
        {
            o.ValidIssuer = Harness.Issuer;
            o.ValidAudience = Harness.Audience;
            o.IssuerSigningKeys.Add(Harness.Key);
        });
        services.AddRefreshTokenRotation(o => o.SlidingLifetime = TimeSpan.FromDays(7));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value;
        Assert.IsType<InMemoryTokenRevocationStore>(options.RevocationStore);
        Assert.Same(provider.GetRequiredService<ITokenRevocationStore>(), options.RevocationStore);
        Assert.IsType<InMemoryRefreshTokenStore>(provider.GetRequiredService<IRefreshTokenStore>());
        Assert.NotNull(provider.GetRequiredService<RefreshTokenRotation>());

        Assert.False(options.AcceptTokensWhenRevocationStoreIsUnavailable);
        var open = new ServiceCollection();
        open.AddStrictJwtValidation(o =>
        {
            o.ValidIssuer = Harness.Issuer;
            o.ValidAudience = Harness.Audience;
            o.IssuerSigningKeys.Add(Harness.Key);
        });
        open.AddStrictJwtRevocation(o => o.AcceptTokensWhenStoreIsUnavailable = true);
        using (var openProvider = open.BuildServiceProvider())
        {
            Assert.True(openProvider.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value.AcceptTokensWhenRevocationStoreIsUnavailable);
        }

        var redis = new ServiceCollection();
        redis.AddRefreshTokenRotation();
        redis.AddSafeAuthRedisStores("127.0.0.1:1,abortConnect=false");
        Assert.Single(redis, d => d.ServiceType == typeof(IRefreshTokenStore));
        Assert.Single(redis, d => d.ServiceType == typeof(ITokenRevocationStore));

        var bad = new ServiceCollection();
        bad.AddRefreshTokenRotation(o => o.AbsoluteLifetime = TimeSpan.FromDays(1));
        using var badProvider = bad.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<IOptions<RefreshTokenOptions>>().Value);
    }
}
