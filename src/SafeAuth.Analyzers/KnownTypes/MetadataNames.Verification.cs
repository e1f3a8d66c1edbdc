namespace SafeAuth.Analyzers.KnownTypes;

internal static partial class MetadataNames
{
    public const string SecurityTokenDescriptor = "Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor";
    public const string SigningCredentials = "Microsoft.IdentityModel.Tokens.SigningCredentials";
    public const string JwtNetNoneAlgorithm = "JWT.Algorithms.NoneAlgorithm";
    public const string JwtNetEncoder = "JWT.JwtEncoder";
    public const string JoseJwsAlgorithm = "Jose.JwsAlgorithm";
}
