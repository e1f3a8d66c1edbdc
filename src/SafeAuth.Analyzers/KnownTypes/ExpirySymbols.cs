using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>The types the expiry rules (AUTH201–AUTH203) watch, resolved once per compilation.</summary>
internal sealed class ExpirySymbols
{
    private ExpirySymbols(WellKnownTypes types)
    {
        Types = types;
        JwtSecurityToken = types.Get(MetadataNames.JwtSecurityToken);
        JwtPayload = types.Get(MetadataNames.JwtPayload);
        JwtSecurityTokenHandler = types.Get(MetadataNames.JwtSecurityTokenHandler);
        JsonWebTokenHandler = types.Get(MetadataNames.JsonWebTokenHandler);
        TokenHandler = types.Get(MetadataNames.TokenHandler);
        SecurityTokenDescriptor = types.Get(MetadataNames.SecurityTokenDescriptor);
        TokenValidationParameters = types.Get(MetadataNames.TokenValidationParameters);
        LifetimeValidator = types.Get(MetadataNames.LifetimeValidator);
        JwtBearerOptions = types.Get(MetadataNames.JwtBearerOptions);
        JwtNetBuilder = types.Get(MetadataNames.JwtNetBuilder);
        JwtNetBuilderExtensions = types.Get(MetadataNames.JwtNetBuilderExtensions);
        JwtNetClaimName = types.Get(MetadataNames.JwtNetClaimName);
        JwtNetIEncoder = types.Get(MetadataNames.JwtNetIEncoder);
        JwtNetEncoderExtensions = types.Get(MetadataNames.JwtNetEncoderExtensions);
        JoseJwt = types.Get(MetadataNames.JoseJwt);
    }

    public WellKnownTypes Types { get; }
    public INamedTypeSymbol? JwtSecurityToken { get; }
    public INamedTypeSymbol? JwtPayload { get; }
    public INamedTypeSymbol? JwtSecurityTokenHandler { get; }
    public INamedTypeSymbol? JsonWebTokenHandler { get; }
    public INamedTypeSymbol? TokenHandler { get; }
    public INamedTypeSymbol? SecurityTokenDescriptor { get; }
    public INamedTypeSymbol? TokenValidationParameters { get; }
    public INamedTypeSymbol? LifetimeValidator { get; }
    public INamedTypeSymbol? JwtBearerOptions { get; }
    public INamedTypeSymbol? JwtNetBuilder { get; }
    public INamedTypeSymbol? JwtNetBuilderExtensions { get; }
    public INamedTypeSymbol? JwtNetClaimName { get; }
    public INamedTypeSymbol? JwtNetIEncoder { get; }
    public INamedTypeSymbol? JwtNetEncoderExtensions { get; }
    public INamedTypeSymbol? JoseJwt { get; }

    public bool HasIdentityModel => JwtSecurityToken is not null || JsonWebTokenHandler is not null || TokenValidationParameters is not null;

    public bool HasIssuingLibrary => HasIdentityModel || JwtNetBuilder is not null || JwtNetIEncoder is not null || JoseJwt is not null;

    public static ExpirySymbols Create(Compilation compilation) => new(WellKnownTypes.GetOrCreate(compilation));
}
