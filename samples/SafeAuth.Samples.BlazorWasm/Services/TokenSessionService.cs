using Microsoft.JSInterop;

namespace SafeAuth.Samples.BlazorWasm.Services;

/// <summary>Remembers the refresh token for the tab's lifetime, in sessionStorage, where page scripts can read it.</summary>
public sealed class TokenSessionService(IJSRuntime js)
{
    private const string SetItem = "window.sessionStorage.setItem";

    public ValueTask RememberAsync(LoginResponse login) =>
        js.InvokeVoidAsync(SetItem, "refresh_token", login.RefreshToken);

    public ValueTask RememberThemeAsync(string theme) =>
        js.InvokeVoidAsync(SetItem, "theme", theme);
}
