namespace SafeAuth.Samples.NativeClient;

/// <summary>Stands in for the WPF/MAUI <c>App</c> class: settings the whole app shares.</summary>
public partial class App
{
    public const string Authority = "https://login.example.com";
    public const string ClientId = "contoso-desktop";

    // Ships inside every installer: anyone can read it back out (AUTH501 fires where it is used).
    public const string ClientSecret = "d3sktop-app-s3cret-v2";

    public MainViewModel CreateMainViewModel() => new(new LoginService(Authority, ClientId, ClientSecret));
}
