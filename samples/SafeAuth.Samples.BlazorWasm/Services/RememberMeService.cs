using Microsoft.JSInterop;

namespace SafeAuth.Samples.BlazorWasm.Services;

/// <summary>The app's storage wrapper: writes any value to localStorage.</summary>
public sealed class BrowserStorage(IJSRuntime js)
{
    public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);
}

/// <summary>"Remember me": keeps the tokens across reloads, through the wrapper and through the app's script.</summary>
public sealed class RememberMeService(IJSRuntime js, BrowserStorage storage)
{
    public async Task RememberAsync(LoginResponse login, string theme)
    {
        await storage.SetAsync("id_token", login.AccessToken);
        await js.InvokeVoidAsync("authInterop.saveToken", login.RefreshToken);
        await storage.SetAsync("theme", theme);
        await js.InvokeVoidAsync("authInterop.saveTheme", theme);
    }
}
