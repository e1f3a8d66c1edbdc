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
}
