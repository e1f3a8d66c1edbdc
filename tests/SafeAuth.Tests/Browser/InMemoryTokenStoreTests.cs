using Microsoft.Extensions.DependencyInjection;
using SafeAuth.Browser;
using SafeAuth.Tests.Fixtures;

namespace SafeAuth.Tests.Browser;

public class InMemoryTokenStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetThenGet_ReturnsTheToken_AndSetReplaces()
    {
        var store = new InMemoryTokenStore();
        store.Set("access_token", "a");
        store.Set("access_token", "b");
        Assert.Equal("b", store.Get("access_token"));
        Assert.Null(store.Get("refresh_token"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Keys_AreCaseSensitive()
    {
        var store = new InMemoryTokenStore();
        store.Set("Token", "a");
        Assert.Null(store.Get("token"));
    }

    [Fact]
    public void Expiry_StopsReturningTheToken_AndRemovesIt()
    {
        var clock = new FrozenTimeProvider(Start);
        var store = new InMemoryTokenStore(clock);
        store.Set("t", "v", Start.AddMinutes(5));
        Assert.Equal("v", store.Get("t"));
        clock.Now = Start.AddMinutes(5);
        Assert.Null(store.Get("t"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Set_WithoutExpiry_ReplacesAnExpiringEntry()
    {
        var clock = new FrozenTimeProvider(Start);
        var store = new InMemoryTokenStore(clock);
        store.Set("t", "old", Start.AddMinutes(1));
        store.Set("t", "new");
        clock.Now = Start.AddHours(1);
        Assert.Equal("new", store.Get("t"));
    }

    [Fact]
    public void RemoveAndClear()
    {
        var store = new InMemoryTokenStore();
        store.Set("a", "1");
        store.Set("b", "2");
        Assert.True(store.Remove("a"));
        Assert.False(store.Remove("a"));
        store.Clear();
        Assert.Null(store.Get("b"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task AsyncMembers_DoTheSameAsSyncOnes()
    {
        var clock = new FrozenTimeProvider(Start);
        ITokenStore store = new InMemoryTokenStore(clock);
        await store.SetAsync("a", "1");
        await store.SetAsync("b", "2", Start.AddMinutes(1));
        Assert.Equal("1", await store.GetAsync("a"));
        Assert.Equal("2", await store.GetAsync("b"));
        Assert.True(await store.RemoveAsync("a"));
        await store.ClearAsync();
        Assert.Null(await store.GetAsync("b"));
    }

    [Fact]
    public async Task AsyncMembers_HonourCancellation_BeforeChangingAnything()
    {
        var store = new InMemoryTokenStore();
        store.Set("a", "1");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.SetAsync("a", "2", cts.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.SetAsync("a", "2", DateTimeOffset.MaxValue, cts.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.GetAsync("a", cts.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.RemoveAsync("a", cts.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.ClearAsync(cts.Token).AsTask());
        Assert.Equal("1", store.Get("a"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Refuses_EmptyKey(string? key)
    {
        var store = new InMemoryTokenStore();
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => store.Set(key!, "v")).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => store.Set(key!, "v", DateTimeOffset.MaxValue)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => store.Get(key!)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => store.Remove(key!)).ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Refuses_EmptyToken(string? token)
    {
        var store = new InMemoryTokenStore();
        var error = Assert.Throws<ArgumentException>(() => store.Set("k", token!));
        Assert.Equal("token", error.ParamName);
        Assert.Equal("token", Assert.Throws<ArgumentException>(() => store.Set("k", token!, DateTimeOffset.MaxValue)).ParamName);
    }

    [Fact]
    public void Refuses_ExpiryNotInTheFuture()
    {
        var clock = new FrozenTimeProvider(Start);
        var store = new InMemoryTokenStore(clock);
        var error = Assert.Throws<ArgumentException>(() => store.Set("k", "secret-value", Start));
        Assert.Equal("expiresAt", error.ParamName);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => store.Set("k", "v", Start.AddTicks(-1)));
        Assert.Null(store.Get("k"));
    }

    [Fact]
    public void Refuses_NullTimeProvider()
    {
        Assert.Throws<ArgumentNullException>(() => new InMemoryTokenStore(null!));
    }

    [Fact]
    public async Task IsThreadSafe_UnderConcurrentWrites()
    {
        var store = new InMemoryTokenStore();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                store.Set("k" + (i % 50), worker + ":" + i);
                _ = store.Get("k" + ((i + 7) % 50));
                if (i % 10 == 0)
                {
                    store.Remove("k" + (i % 50));
                }
            }
        })));
        Assert.InRange(store.Count, 0, 50);
    }

    [Fact]
    public void AddInMemoryTokenStore_IsScoped_OneStorePerScope()
    {
        var services = new ServiceCollection();
        services.AddInMemoryTokenStore();
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ITokenStore));
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var circuitA = provider.CreateScope();
        using var circuitB = provider.CreateScope();
        var storeA = circuitA.ServiceProvider.GetRequiredService<ITokenStore>();
        storeA.Set("access_token", "user-a");
        Assert.Same(storeA, circuitA.ServiceProvider.GetRequiredService<ITokenStore>());
        Assert.Null(circuitB.ServiceProvider.GetRequiredService<ITokenStore>().Get("access_token"));
    }

    [Fact]
    public void AddInMemoryTokenStore_UsesARegisteredTimeProvider()
    {
        var clock = new FrozenTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddInMemoryTokenStore();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITokenStore>();
        store.Set("t", "v", Start.AddSeconds(1));
        clock.Now = Start.AddSeconds(2);
        Assert.Null(store.Get("t"));
    }

    [Fact]
    public void AddInMemoryTokenStore_KeepsAnEarlierScopedRegistration_AndRefusesNull()
    {
        var services = new ServiceCollection();
        services.AddScoped<ITokenStore, InMemoryTokenStore>();
        services.AddInMemoryTokenStore();
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ITokenStore));
        Assert.Equal(typeof(InMemoryTokenStore), descriptor.ImplementationType);
        Assert.Throws<ArgumentNullException>(() => TokenStoreServiceCollectionExtensions.AddInMemoryTokenStore(null!));
    }

    [Fact]
    public void AddInMemoryTokenStore_RefusesAnEarlierSingleton_SoUsersNeverShareAStore()
    {
        foreach (var register in new Action<IServiceCollection>[]
                 {
                     s => s.AddSingleton<ITokenStore, InMemoryTokenStore>(),
                     s => s.AddSingleton<ITokenStore>(new InMemoryTokenStore()),
                     s => s.AddSingleton<ITokenStore>(_ => new InMemoryTokenStore()),
                 })
        {
            var services = new ServiceCollection();
            register(services);
            var error = Assert.Throws<InvalidOperationException>(() => services.AddInMemoryTokenStore());
            Assert.Contains("singleton", error.Message, StringComparison.Ordinal);
            Assert.Contains("share one token store", error.Message, StringComparison.Ordinal);
        }
    }
}
