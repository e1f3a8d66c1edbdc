namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>Metadata names the AUTH3xx (secrets) rules and their fixes use.</summary>
internal static partial class MetadataNames
{
    // Keys
    public const string SymmetricSecurityKey = "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey";
    public const string KeyedHashAlgorithm = "System.Security.Cryptography.KeyedHashAlgorithm";
    public const string Encoding = "System.Text.Encoding";
    public const string Convert = "System.Convert";

    // Client secrets
    public const string RemoteAuthenticationOptions = "Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions";

    // Where a fix reads secrets from
    public const string IConfiguration = "Microsoft.Extensions.Configuration.IConfiguration";

    // A configuration read whose default is a hard-coded secret
    public const string ConfigurationBinder = "Microsoft.Extensions.Configuration.ConfigurationBinder";
    public const string Environment = "System.Environment";
    public const string InvalidOperationException = "System.InvalidOperationException";

    // SafeAuth runtime library (never referenced by the analyzers; named for the code fixes)
    public const string SafeAuthSigningKeyLoader = "SafeAuth.Secrets.SigningKeyLoader";
    public const string SafeAuthClientSecretLoader = "SafeAuth.Secrets.ClientSecretLoader";
    public const string SafeAuthSecretLoader = "SafeAuth.Secrets.SecretLoader";
}
