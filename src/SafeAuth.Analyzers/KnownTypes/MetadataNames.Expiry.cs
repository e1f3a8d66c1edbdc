namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>Names the expiry family (AUTH2xx) watches.</summary>
internal static partial class MetadataNames
{
    public const string LifetimeValidator = "Microsoft.IdentityModel.Tokens.LifetimeValidator";
    public const string JwtBearerOptions = "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions";

    // Jwt.Net issuing
    public const string JwtNetBuilderExtensions = "JWT.Builder.JwtBuilderExtensions";
    public const string JwtNetClaimName = "JWT.Builder.ClaimName";

    // SafeAuth runtime issuer (named for docs and fixes only)
}
