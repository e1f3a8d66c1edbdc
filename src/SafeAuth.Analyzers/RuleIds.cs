namespace SafeAuth.Analyzers;

/// <summary>Every SafeAuth diagnostic ID, grouped by area. IDs are never reused.</summary>
public static class RuleIds
{
    // AUTH1xx: verification (decode, signature, issuer and audience validation)
    public const string JwtReadWithoutValidation = "AUTH101";
    public const string SignatureValidationDisabled = "AUTH102";
    public const string IssuerOrAudienceValidationDisabled = "AUTH103";
    public const string TokenValidationResultIgnored = "AUTH104";
    public const string TokenIssuedWithoutSignature = "AUTH105";
    public const string SelfIssuedIssuerOrAudienceUnchecked = "AUTH108";

    // AUTH2xx: expiry and lifetime
    public const string TokenWithoutExpiry = "AUTH201";
    public const string LifetimeValidationDisabled = "AUTH202";
    public const string ExcessiveTokenLifetime = "AUTH203";

    // AUTH3xx: secrets in code and configuration
    public const string HardCodedSigningKey = "AUTH301";
    public const string HardCodedClientSecret = "AUTH302";
    public const string SecretLiteralInSource = "AUTH303";
    public const string SecretInAppSettings = "AUTH304";

    // AUTH4xx: browser storage
    public const string TokenWrittenToLocalStorage = "AUTH401";
    public const string TokenWrittenToSessionStorage = "AUTH402";
    // AUTH5xx: native and public clients
    public const string ClientSecretInNativeApp = "AUTH501";
    public const string AuthorizationCodeWithoutPkce = "AUTH502";
    public const string ImplicitOrPasswordGrant = "AUTH503";

    // AUTH9xx: SafeAuth configuration errors
    public const string InvalidOptionValue = "AUTH901";
}
