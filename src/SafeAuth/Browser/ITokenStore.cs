using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeAuth.Browser;

/// <summary>
/// Keeps tokens in .NET memory instead of <c>localStorage</c> or <c>sessionStorage</c>, where any script running on
/// the page can read them. Register it with
/// <see cref="TokenStoreServiceCollectionExtensions.AddInMemoryTokenStore(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>.
/// </summary>
/// <remarks>
/// Tokens kept in memory are gone after a page reload: acquire them again silently (a refresh through the identity
/// provider or a backend-for-frontend). Memory storage only stops <em>existing</em> tokens from being read out of Web
/// Storage: script injected into the page can still send requests as the user or read WebAssembly memory.
/// The synchronous and asynchronous members do the same thing; the asynchronous ones exist so that code written
/// against browser storage keeps its <c>await</c> shape.
/// </remarks>
public interface ITokenStore
{
    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    /// <param name="key">The name the token is kept under; not empty.</param>
    /// <param name="token">The token; not empty.</param>
    /// <exception cref="ArgumentException">The key or the token is null or empty.</exception>
    void Set(string key, string token);

    /// <summary>
    /// Stores <paramref name="token"/> under <paramref name="key"/> until <paramref name="expiresAt"/>; after that
    /// <see cref="Get"/> no longer returns it.
    /// </summary>
    /// <param name="key">The name the token is kept under; not empty.</param>
    /// <param name="token">The token; not empty.</param>
    /// <param name="expiresAt">When the token stops being returned; must lie in the future.</param>
    /// <exception cref="ArgumentException">The key or the token is null or empty, or the expiry is not in the future.</exception>
    void Set(string key, string token, DateTimeOffset expiresAt);

    /// <summary>The token stored under <paramref name="key"/>, or <see langword="null"/> when there is none or it has expired.</summary>
    /// <param name="key">The name the token is kept under.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    string? Get(string key);

    /// <summary>Removes the token stored under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The name the token is kept under.</param>
    /// <returns><see langword="true"/> when a token was removed.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    bool Remove(string key);

    /// <summary>Removes every token, for example on sign-out.</summary>
    void Clear();

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>; see <see cref="Set(string, string)"/>.</summary>
    /// <param name="key">The name the token is kept under; not empty.</param>
    /// <param name="token">The token; not empty.</param>
    /// <param name="cancellationToken">Cancels the call before it stores anything.</param>
    /// <returns>A completed task once the token is stored.</returns>
    /// <exception cref="ArgumentException">The key or the token is null or empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask SetAsync(string key, string token, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="token"/> until <paramref name="expiresAt"/>; see <see cref="Set(string, string, DateTimeOffset)"/>.</summary>
    /// <param name="key">The name the token is kept under; not empty.</param>
    /// <param name="token">The token; not empty.</param>
    /// <param name="expiresAt">When the token stops being returned; must lie in the future.</param>
    /// <param name="cancellationToken">Cancels the call before it stores anything.</param>
    /// <returns>A completed task once the token is stored.</returns>
    /// <exception cref="ArgumentException">The key or the token is null or empty, or the expiry is not in the future.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask SetAsync(string key, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The token stored under <paramref name="key"/>; see <see cref="Get"/>.</summary>
    /// <param name="key">The name the token is kept under.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the token stored under <paramref name="key"/>; see <see cref="Remove"/>.</summary>
    /// <param name="key">The name the token is kept under.</param>
    /// <param name="cancellationToken">Cancels the call before it removes anything.</param>
    /// <returns><see langword="true"/> when a token was removed.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes every token; see <see cref="Clear"/>.</summary>
    /// <param name="cancellationToken">Cancels the call before it removes anything.</param>
    /// <returns>A completed task once the store is empty.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
