using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>The JWT library types AUTH1xx rules watch, resolved once per compilation.</summary>
internal sealed class TokenSymbols
{
    private TokenSymbols(WellKnownTypes types)
    {
        Types = types;
        JwtSecurityTokenHandler = types.Get(MetadataNames.JwtSecurityTokenHandler);
        JwtSecurityToken = types.Get(MetadataNames.JwtSecurityToken);
        JsonWebTokenHandler = types.Get(MetadataNames.JsonWebTokenHandler);
        JsonWebToken = types.Get(MetadataNames.JsonWebToken);
        TokenHandler = types.Get(MetadataNames.TokenHandler);
        SecurityToken = types.Get(MetadataNames.SecurityToken);
        TokenValidationParameters = types.Get(MetadataNames.TokenValidationParameters);
        JwtNetBuilder = types.Get(MetadataNames.JwtNetBuilder);
        JwtNetDecoder = types.Get(MetadataNames.JwtNetDecoder);
        JwtNetIDecoder = types.Get(MetadataNames.JwtNetIDecoder);
        JwtNetDecoderExtensions = types.Get(MetadataNames.JwtNetDecoderExtensions);
        JoseJwt = types.Get(MetadataNames.JoseJwt);
    }

    public WellKnownTypes Types { get; }
    public INamedTypeSymbol? JwtSecurityTokenHandler { get; }
    public INamedTypeSymbol? JwtSecurityToken { get; }
    public INamedTypeSymbol? JsonWebTokenHandler { get; }
    public INamedTypeSymbol? JsonWebToken { get; }
    public INamedTypeSymbol? TokenHandler { get; }
    public INamedTypeSymbol? SecurityToken { get; }
    public INamedTypeSymbol? TokenValidationParameters { get; }
    public INamedTypeSymbol? JwtNetBuilder { get; }
    public INamedTypeSymbol? JwtNetDecoder { get; }
    public INamedTypeSymbol? JwtNetIDecoder { get; }
    public INamedTypeSymbol? JwtNetDecoderExtensions { get; }
    public INamedTypeSymbol? JoseJwt { get; }

    public bool HasIdentityModel => JwtSecurityTokenHandler is not null || JsonWebTokenHandler is not null;

    public bool HasAnyJwtLibrary => HasIdentityModel || JwtNetBuilder is not null || JwtNetIDecoder is not null || JoseJwt is not null;

    /// <summary>
    /// Jwt.Net's <c>JwtBuilder</c> verifies signatures by default only from version 9 on; before that,
    /// <c>Decode</c> without <c>MustVerifySignature()</c> reads the token unverified.
    /// </summary>
    public bool JwtNetBuilderVerifiesByDefault =>
        JwtNetBuilder is not null && JwtNetBuilder.ContainingAssembly.Identity.Version.Major >= 9;

    public static TokenSymbols Create(Compilation compilation) => new(WellKnownTypes.GetOrCreate(compilation));
}
