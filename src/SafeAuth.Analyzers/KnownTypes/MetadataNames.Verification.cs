namespace SafeAuth.Analyzers.KnownTypes;

internal static partial class MetadataNames
{
    // SecurityTokenDescriptor: declared with the expiry family (MetadataNames.Expiry.cs).
    public const string SigningCredentials = "Microsoft.IdentityModel.Tokens.SigningCredentials";
    public const string JwtNetNoneAlgorithm = "JWT.Algorithms.NoneAlgorithm";
    public const string JwtNetEncoder = "JWT.JwtEncoder";
    public const string JoseJwsAlgorithm = "Jose.JwsAlgorithm";
}
