using Duende.IdentityModel.OidcClient;

namespace SafeAuth.Samples.NativeClient;

/// <summary>The main window's view model: signs the user in when asked.</summary>
public sealed class MainViewModel
{
    private readonly LoginService _login;

    public MainViewModel(LoginService login) => _login = login;

    public string? UserName { get; private set; }

    public async Task SignInAsync()
    {
        var result = await _login.CreateClient().LoginAsync(new LoginRequest());
        UserName = result.IsError ? null : result.User?.Identity?.Name;
    }
}
