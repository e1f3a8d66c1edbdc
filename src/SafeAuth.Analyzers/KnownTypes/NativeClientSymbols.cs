using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>The OAuth client library types the AUTH5xx rules watch, resolved once per compilation.</summary>
internal sealed class NativeClientSymbols
{
    private NativeClientSymbols(WellKnownTypes types)
    {
        Types = types;
        ConfidentialClientApplicationBuilder = types.Get(MetadataNames.MsalConfidentialClientApplicationBuilder);
        PublicClientApplicationBuilder = types.Get(MetadataNames.MsalPublicClientApplicationBuilder);
        IPublicClientApplication = types.Get(MetadataNames.MsalIPublicClientApplication);
        IByUsernameAndPassword = types.Get(MetadataNames.MsalIByUsernameAndPassword);
        OidcClientOptions = types.GetIdentityModelClient(MetadataNames.DuendeOidcClientOptions);
        ProtocolRequest = types.GetIdentityModelClient(MetadataNames.DuendeProtocolRequest);
        ClientOptions = types.GetIdentityModelClient(MetadataNames.DuendeClientOptions);
        ClientCredentialsTokenRequest = types.GetIdentityModelClient(MetadataNames.DuendeClientCredentialsTokenRequest);
        AuthorizationCodeTokenRequest = types.GetIdentityModelClient(MetadataNames.DuendeAuthorizationCodeTokenRequest);
        PasswordTokenRequest = types.GetIdentityModelClient(MetadataNames.DuendePasswordTokenRequest);
        RequestUrlExtensions = types.GetIdentityModelClient(MetadataNames.DuendeRequestUrlExtensions);
        HttpClientTokenRequestExtensions = types.GetIdentityModelClient(MetadataNames.DuendeHttpClientTokenRequestExtensions);
        TokenClient = types.GetIdentityModelClient(MetadataNames.DuendeTokenClient);
        ClientSecretCredential = types.Get(MetadataNames.AzureClientSecretCredential);
        OpenIdConnectOptions = types.Get(MetadataNames.OpenIdConnectOptions);
        WasmOidcProviderOptions = types.Get(MetadataNames.WasmOidcProviderOptions);
    }

    public WellKnownTypes Types { get; }
    public INamedTypeSymbol? ConfidentialClientApplicationBuilder { get; }
    public INamedTypeSymbol? PublicClientApplicationBuilder { get; }
    public INamedTypeSymbol? IPublicClientApplication { get; }
    public INamedTypeSymbol? IByUsernameAndPassword { get; }
    public INamedTypeSymbol? OidcClientOptions { get; }
    public INamedTypeSymbol? ProtocolRequest { get; }
    public INamedTypeSymbol? ClientOptions { get; }
    public INamedTypeSymbol? ClientCredentialsTokenRequest { get; }
    public INamedTypeSymbol? AuthorizationCodeTokenRequest { get; }
    public INamedTypeSymbol? PasswordTokenRequest { get; }
    public INamedTypeSymbol? RequestUrlExtensions { get; }
    public INamedTypeSymbol? HttpClientTokenRequestExtensions { get; }
    public INamedTypeSymbol? TokenClient { get; }
    public INamedTypeSymbol? ClientSecretCredential { get; }
    public INamedTypeSymbol? OpenIdConnectOptions { get; }
    public INamedTypeSymbol? WasmOidcProviderOptions { get; }

    public bool HasMsal => ConfidentialClientApplicationBuilder is not null;

    public bool HasDuende => ProtocolRequest is not null || OidcClientOptions is not null;

    public static NativeClientSymbols Create(Compilation compilation) => new(WellKnownTypes.GetOrCreate(compilation));
}
