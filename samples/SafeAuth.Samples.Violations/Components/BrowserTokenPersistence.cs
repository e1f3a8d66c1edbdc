using Microsoft.JSInterop;

namespace SafeAuth.Samples.Violations.Components;

/// <summary>
/// A Blazor Server circuit service that "remembers" the user across reloads by putting the tokens in Web Storage,
/// where every script on the page can read them (AUTH401, AUTH402).
/// </summary>
public sealed class BrowserTokenPersistence(IJSRuntime js)
{
    public async Task PersistAsync(string accessToken, string refreshToken)
    {
        await js.InvokeVoidAsync("localStorage.setItem", "access_token", accessToken);
        await js.InvokeVoidAsync("sessionStorage.setItem", "refresh_token", refreshToken);
    }
}
