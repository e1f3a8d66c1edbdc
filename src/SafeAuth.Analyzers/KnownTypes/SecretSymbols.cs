using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>The key and client-secret sinks the AUTH3xx rules watch, resolved once per compilation.</summary>
internal sealed class SecretSymbols
{
    private SecretSymbols(WellKnownTypes types)
    {
        Types = types;
        SymmetricSecurityKey = types.Get(MetadataNames.SymmetricSecurityKey);
        KeyedHashAlgorithm = types.Get(MetadataNames.KeyedHashAlgorithm);
        Encoding = types.Get(MetadataNames.Encoding);
        Convert = types.Get(MetadataNames.Convert);
        Base64UrlEncoder = types.Get(MetadataNames.Base64UrlEncoder);
        JwtNetBuilder = types.Get(MetadataNames.JwtNetBuilder);
        JwtNetIEncoder = types.Get(MetadataNames.JwtNetIEncoder);
        JwtNetEncoderExtensions = types.Get(MetadataNames.JwtNetEncoderExtensions);
        JwtNetIDecoder = types.Get(MetadataNames.JwtNetIDecoder);
        JwtNetDecoderExtensions = types.Get(MetadataNames.JwtNetDecoderExtensions);
        JoseJwt = types.Get(MetadataNames.JoseJwt);
        RemoteAuthenticationOptions = types.Get(MetadataNames.RemoteAuthenticationOptions);
        MsalConfidentialClientApplicationBuilder = types.Get(MetadataNames.MsalConfidentialClientApplicationBuilder);
        DuendeProtocolRequest = types.GetIdentityModelClient(MetadataNames.DuendeProtocolRequest);
        DuendeClientOptions = types.GetIdentityModelClient(MetadataNames.DuendeClientOptions);
        DuendeOidcClientOptions = types.GetIdentityModelClient(MetadataNames.DuendeOidcClientOptions);
        AzureClientSecretCredential = types.Get(MetadataNames.AzureClientSecretCredential);
        ConfigurationBinder = types.Get(MetadataNames.ConfigurationBinder);
    }

    public WellKnownTypes Types { get; }
    public INamedTypeSymbol? SymmetricSecurityKey { get; }
    public INamedTypeSymbol? KeyedHashAlgorithm { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? Base64UrlEncoder { get; }
    public INamedTypeSymbol? JwtNetBuilder { get; }
    public INamedTypeSymbol? JwtNetIEncoder { get; }
    public INamedTypeSymbol? JwtNetEncoderExtensions { get; }
    public INamedTypeSymbol? JwtNetIDecoder { get; }
    public INamedTypeSymbol? JwtNetDecoderExtensions { get; }
    public INamedTypeSymbol? JoseJwt { get; }
    public INamedTypeSymbol? RemoteAuthenticationOptions { get; }
    public INamedTypeSymbol? MsalConfidentialClientApplicationBuilder { get; }
    public INamedTypeSymbol? DuendeProtocolRequest { get; }
    public INamedTypeSymbol? DuendeClientOptions { get; }
    public INamedTypeSymbol? DuendeOidcClientOptions { get; }
    public INamedTypeSymbol? AzureClientSecretCredential { get; }
    public INamedTypeSymbol? ConfigurationBinder { get; }

    /// <summary>Whether any signing-key sink of AUTH301 exists in the compilation (the HMAC types are always there).</summary>
    public bool HasKeySinks => KeyedHashAlgorithm is not null || SymmetricSecurityKey is not null || JwtNetBuilder is not null
                               || JwtNetIEncoder is not null || JwtNetIDecoder is not null || JoseJwt is not null;

    public bool HasClientSecretSinks => RemoteAuthenticationOptions is not null || MsalConfidentialClientApplicationBuilder is not null
                                        || DuendeProtocolRequest is not null || DuendeClientOptions is not null
                                        || DuendeOidcClientOptions is not null || AzureClientSecretCredential is not null;

    public static SecretSymbols Create(Compilation compilation) => new(WellKnownTypes.GetOrCreate(compilation));
}
