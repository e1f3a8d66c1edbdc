namespace SafeAuth.Analyzers;

/// <summary>Every SafeAuth diagnostic ID, grouped by area. IDs are never reused.</summary>
public static class RuleIds
{
    // AUTH1xx: verification (decode, signature, issuer and audience validation)
    public const string JwtReadWithoutValidation = "AUTH101";

    // AUTH4xx: browser storage
    public const string TokenWrittenToLocalStorage = "AUTH401";
    public const string TokenWrittenToSessionStorage = "AUTH402";
}
