using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>What a hard-coded value is, which decides the setting it moves to and the SafeAuth loader that reads it.</summary>
internal sealed class SecretSetting
{
    public SecretSetting(string configurationKey, string environmentVariable, string noun, string? stringLoader)
    {
        ConfigurationKey = configurationKey;
        EnvironmentVariable = environmentVariable;
        Noun = noun;
        StringLoader = stringLoader;
    }

    public string ConfigurationKey { get; }

    public string EnvironmentVariable { get; }

    /// <summary>"signing key", "client secret", "token"…, for the fix titles.</summary>
    public string Noun { get; }

    /// <summary>The SafeAuth loader for text values; key bytes always use <c>SigningKeyLoader</c>.</summary>
    public string? StringLoader { get; }

    /// <summary>The setting named after the value's own holder: <c>Jwt:RefreshTokenKey</c>, <c>JWT_REFRESH_TOKEN_KEY</c>.</summary>
    public SecretSetting WithName(string name)
    {
        var section = ConfigurationKey.Substring(0, ConfigurationKey.IndexOf(':'));
        var key = section + ":" + name;
        return new SecretSetting(key, SecretNames.UpperSnake(key), Noun, StringLoader);
    }

    /// <summary>A second setting of the same name in one document: <c>Jwt:SigningKey2</c>, <c>JWT_SIGNING_KEY2</c>.</summary>
    public SecretSetting WithSuffix(int number) =>
        new(ConfigurationKey + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EnvironmentVariable + number.ToString(System.Globalization.CultureInfo.InvariantCulture), Noun, StringLoader);

    /// <summary>The default setting under a context: <c>Jwt:PartnerWebhookVerifier:SigningKey</c>.</summary>
    public SecretSetting WithContext(string context)
    {
        var colon = ConfigurationKey.IndexOf(':');
        var key = ConfigurationKey.Substring(0, colon) + ":" + context + ConfigurationKey.Substring(colon);
        return new SecretSetting(key, SecretNames.UpperSnake(key), Noun, StringLoader);
    }

    public static readonly SecretSetting SigningKey = new("Jwt:SigningKey", "JWT_SIGNING_KEY", "signing key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting ClientSecret = new("Authentication:ClientSecret", "CLIENT_SECRET", "client secret", MetadataNames.SafeAuthClientSecretLoader);
    public static readonly SecretSetting Token = new("Secrets:Token", "SECRET_TOKEN", "token", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting PrivateKey = new("Secrets:PrivateKeyPem", "PRIVATE_KEY_PEM", "private key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting EntraClientSecret = new("AzureAd:ClientSecret", "AZURE_CLIENT_SECRET", "client secret", MetadataNames.SafeAuthClientSecretLoader);
    public static readonly SecretSetting StripeSecretKey = new("Stripe:SecretKey", "STRIPE_SECRET_KEY", "API key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting StripeWebhookSecret = new("Stripe:WebhookSecret", "STRIPE_WEBHOOK_SECRET", "webhook secret", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting AwsAccessKey = new("AWS:AccessKeyId", "AWS_ACCESS_KEY_ID", "access key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting GitHubToken = new("GitHub:Token", "GITHUB_TOKEN", "token", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting SlackToken = new("Slack:Token", "SLACK_TOKEN", "token", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting GoogleApiKey = new("Google:ApiKey", "GOOGLE_API_KEY", "API key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting SendGridKey = new("SendGrid:ApiKey", "SENDGRID_API_KEY", "API key", MetadataNames.SafeAuthSecretLoader);
    public static readonly SecretSetting AzureSharedKey = new("ConnectionStrings:Storage", "STORAGE_CONNECTION_STRING", "connection string", MetadataNames.SafeAuthSecretLoader);
}
