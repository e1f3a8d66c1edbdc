namespace SafeAuth.Analyzers.KnownTypes;

internal static partial class MetadataNames
{
    public const string SigningCredentials = "Microsoft.IdentityModel.Tokens.SigningCredentials";
    public const string JwtNetNoneAlgorithm = "JWT.Algorithms.NoneAlgorithm";
    public const string JoseJwsAlgorithm = "Jose.JwsAlgorithm";
}
