namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>What a literal caught by AUTH303 holds.</summary>
internal enum SecretLiteralKind
{
    Jwt,
    PrivateKey,
    EntraClientSecret,
    StripeSecretKey,
    StripeWebhookSecret,
    AwsAccessKey,
    GitHubToken,
    SlackToken,
    GoogleApiKey,
    SendGridKey,
    AzureSharedKey,
}
