using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using SafeAuth.Browser;
using SafeAuth.Samples.BlazorWasm.Services;
using Xunit;

namespace FixedWasm.Tests;

/// <summary>
/// The Blazor WebAssembly sample after `dotnet format analyzers` applied every SafeAuth fix: its session service keeps
/// the refresh token in the in-memory store (registered by the fix) and nothing token-like reaches Web Storage.
/// </summary>
public sealed class FixedWasmTests
{
    [Fact]
    public async Task RefreshToken_RoundTripsThroughTheTokenStore_AndNeverReachesWebStorage()
    {
        var js = new RecordingJsRuntime();
        var services = new ServiceCollection();
        services.AddInMemoryTokenStore();
        services.AddScoped<TokenSessionService>();
        services.AddSingleton<IJSRuntime>(js);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var session = scope.ServiceProvider.GetRequiredService<TokenSessionService>();
        await session.RememberAsync(new LoginResponse("access", "refresh-1", 300));
        await session.RememberThemeAsync("dark");

        var store = scope.ServiceProvider.GetRequiredService<ITokenStore>();
        Assert.Equal("refresh-1", await store.GetAsync("refresh_token"));
        // The theme is no secret and still goes to sessionStorage; the refresh token does not.
        var call = Assert.Single(js.Calls);
        Assert.Equal("window.sessionStorage.setItem", call.Identifier);
        Assert.DoesNotContain("refresh-1", call.Arguments.Select(a => a?.ToString()));
    }

    private sealed class RecordingJsRuntime : IJSRuntime
    {
        public List<(string Identifier, object?[] Arguments)> Calls { get; } = new();

        public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, object?[]? args)
        {
            Calls.Add((identifier, args ?? Array.Empty<object?>()));
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
