using Microsoft.Identity.Client;

namespace SafeAuth.Samples.NativeClient;

/// <summary>Reads the company calendar from Microsoft Graph with an app-only token.</summary>
public static class GraphClientFactory
{
    public static async Task<string> GetAppTokenAsync()
    {
        // AUTH501: a confidential client inside a desktop app.
        var app = ConfidentialClientApplicationBuilder.Create(App.ClientId)
            .WithTenantId("contoso.onmicrosoft.com")
            .WithClientSecret(App.ClientSecret)
            .Build();
        var result = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();
        return result.AccessToken;
    }
}
