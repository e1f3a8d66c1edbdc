using System.Collections.Immutable;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Common;

/// <summary>The registrations SafeAuth's fixes depend on, as the statements they add to the composition root.</summary>
internal static class Registrations
{
    /// <summary>The configuration section <see cref="StrictJwtValidation"/> binds.</summary>
    public const string StrictJwtSection = "Jwt";

    /// <summary>
    /// <c>builder.Services.AddStrictJwtValidation(builder.Configuration.GetSection("Jwt"));</c>: the validator
    /// <c>StrictJwt</c> uses, checked when the host starts. Made already when the project calls it or <c>StrictJwt.Configure</c>.
    /// </summary>
    public static Registration StrictJwtValidation { get; } = new(
        "SafeAuth.StrictJwtValidation",
        ImmutableArray.Create("AddStrictJwtValidation", "StrictJwt.Configure"),
        builder => ImmutableArray.Create(ParseStatement($"{builder}.Services.AddStrictJwtValidation({builder}.Configuration.GetSection(\"{StrictJwtSection}\"));")),
        $"services.AddStrictJwtValidation(Configuration.GetSection(\"{StrictJwtSection}\"))",
        ImmutableArray.Create("SafeAuth.Tokens"),
        $"set {StrictJwtSection}:Issuer, :Audience and :SigningKey");

    /// <summary><c>builder.Services.AddStrictJwtChallenges();</c>: a token StrictJwt refuses gets 401, not 500.</summary>
    public static Registration StrictJwtChallenges { get; } = new(
        "SafeAuth.StrictJwtChallenges",
        ImmutableArray.Create("AddStrictJwtChallenges", "UseStrictJwtChallenges"),
        builder => ImmutableArray.Create(ParseStatement($"{builder}.Services.AddStrictJwtChallenges();")),
        "services.AddStrictJwtChallenges()",
        ImmutableArray.Create("SafeAuth.AspNetCore"));

    /// <summary><c>builder.Services.AddInMemoryTokenStore();</c></summary>
    public static Registration InMemoryTokenStore { get; } = new(
        "SafeAuth.InMemoryTokenStore",
        ImmutableArray.Create("AddInMemoryTokenStore"),
        builder => ImmutableArray.Create(ParseStatement($"{builder}.Services.AddInMemoryTokenStore();")),
        "services.AddInMemoryTokenStore()",
        ImmutableArray.Create("SafeAuth.Browser"));
}
