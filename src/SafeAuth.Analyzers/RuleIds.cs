namespace SafeAuth.Analyzers;

/// <summary>Every SafeAuth diagnostic ID, grouped by area. IDs are never reused.</summary>
public static class RuleIds
{
    // AUTH1xx: verification (decode, signature, issuer and audience validation)
    public const string JwtReadWithoutValidation = "AUTH101";

    // AUTH3xx: secrets in code and configuration
    public const string HardCodedSigningKey = "AUTH301";
    public const string HardCodedClientSecret = "AUTH302";
    public const string SecretLiteralInSource = "AUTH303";
    public const string SecretInAppSettings = "AUTH304";
}
