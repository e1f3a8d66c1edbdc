using Microsoft.Identity.Client;

namespace SafeAuth.Samples.BlazorWasm.Services;

/// <summary>Calls a partner API straight from the browser.</summary>
public sealed class PartnerApiClient
{
    private const string ClientId = "2f6d4f0e-7c55-4b0b-9a61-3f1c2f9b5a11";
    private const string Authority = "https://login.example.com";

    private readonly IConfiguration _configuration;

    public PartnerApiClient(IConfiguration configuration) => _configuration = configuration;

    /// <summary>A confidential client: its secret ships in the app's DLLs to every browser that loads the page.</summary>
    public IConfidentialClientApplication CreateApplication() =>
        ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithAuthority(Authority)
            .WithClientSecret(_configuration["Partner:ClientSecret"] ?? string.Empty)
            .Build();

    /// <summary>An authorization-code request built by hand, without a PKCE code_challenge.</summary>
    public string AuthorizeUrl(string state) =>
        $"{Authority}/authorize?client_id={ClientId}&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=openid&state={state}";
}
