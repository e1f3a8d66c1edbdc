using System.Security.Cryptography;
using SafeAuth.Secrets;

namespace SafeAuth.Samples.Clean.Secrets;

/// <summary>
/// Keys and secrets come from configuration (user secrets in development, the environment or a key vault in
/// production) through the SafeAuth loaders, which fail at startup on missing, placeholder or weak values.
/// </summary>
public static class PartnerSignIn
{
    public static IServiceCollection AddPartnerSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddOAuth("partner", options =>
        {
            options.ClientId = configuration["Authentication:Partner:ClientId"] ?? "safeauth-samples";
            options.ClientSecret = ClientSecretLoader.FromConfiguration(configuration, "Authentication:Partner:ClientSecret");
            options.AuthorizationEndpoint = "https://partner.example.net/authorize";
            options.TokenEndpoint = "https://partner.example.net/token";
            options.CallbackPath = "/signin-partner";
        });
        return services;
    }
}

/// <summary>Signs outgoing webhook bodies with a key of at least 32 random bytes.</summary>
public sealed class WebhookSigner(IConfiguration configuration)
{
    private readonly byte[] _key = SigningKeyLoader.FromConfiguration(configuration, "Webhooks:SigningKey", "HS256").Key;

    public string Sign(byte[] body) => Convert.ToHexString(HMACSHA256.HashData(_key, body));
}
