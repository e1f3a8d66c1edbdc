using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Browser;

/// <summary>
/// A thread-safe <see cref="ITokenStore"/> that keeps tokens in a dictionary of this instance only: nothing is written
/// to browser storage, to disk or to a static. Register one instance per user: scoped in Blazor Server (one per
/// circuit) and in Blazor WebAssembly (one per app, that is per browser tab), as
/// <see cref="TokenStoreServiceCollectionExtensions.AddInMemoryTokenStore(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/> does.
/// </summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store that reads the time from <see cref="TimeProvider.System"/>.</summary>
    public InMemoryTokenStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store that reads the time from <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock expiries are compared with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public InMemoryTokenStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The number of tokens held, expired ones not yet removed included.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public void Set(string key, string token)
    {
        CheckKey(key);
        CheckToken(token);
        _entries[key] = new Entry(token, null);
    }

    /// <inheritdoc />
    public void Set(string key, string token, DateTimeOffset expiresAt)
    {
        CheckKey(key);
        CheckToken(token);
        if (expiresAt <= _timeProvider.GetUtcNow())
        {
            throw new ArgumentException("The expiry must lie in the future: the token would never be returned.", nameof(expiresAt));
        }

        _entries[key] = new Entry(token, expiresAt);
    }

    /// <inheritdoc />
    public string? Get(string key)
    {
        CheckKey(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt is { } expiresAt && expiresAt <= _timeProvider.GetUtcNow())
        {
            // Remove this entry only, not a newer one stored under the same key meanwhile.
            ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<string, Entry>>)_entries)
                .Remove(new System.Collections.Generic.KeyValuePair<string, Entry>(key, entry));
            return null;
        }

        return entry.Token;
    }

    /// <inheritdoc />
    public bool Remove(string key)
    {
        CheckKey(key);
        return _entries.TryRemove(key, out _);
    }

    /// <inheritdoc />
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string token, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Set(key, token);
        return default;
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Set(key, token, expiresAt);
        return default;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<string?>(Get(key));
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<bool>(Remove(key));
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Clear();
        return default;
    }

    private static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The key must not be null or empty.", nameof(key));
        }
    }

    private static void CheckToken(string token)
    {
        // The message never echoes the value.
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The token must not be null or empty; use Remove to forget a token.", nameof(token));
        }
    }

    private sealed record Entry(string Token, DateTimeOffset? ExpiresAt);
}
