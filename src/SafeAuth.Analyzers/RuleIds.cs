namespace SafeAuth.Analyzers;

/// <summary>Every SafeAuth diagnostic ID, grouped by area. IDs are never reused.</summary>
public static class RuleIds
{
    // AUTH1xx: verification (decode, signature, issuer and audience validation)
    public const string JwtReadWithoutValidation = "AUTH101";

    // AUTH5xx: native and public clients
    public const string ClientSecretInNativeApp = "AUTH501";
    public const string AuthorizationCodeWithoutPkce = "AUTH502";
    public const string ImplicitOrPasswordGrant = "AUTH503";
}
