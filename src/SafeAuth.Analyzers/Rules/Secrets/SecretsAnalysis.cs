using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>What the AUTH3xx rules share: the test-project gate and the properties their fixes read.</summary>
internal static class SecretsAnalysis
{
    /// <summary>Diagnostic property: the signing algorithm a key is meant for (HS256, HS384, HS512).</summary>
    public const string AlgorithmProperty = "Algorithm";

    /// <summary>Diagnostic property (AUTH303): what the literal holds, <see cref="SecretLiteralKind"/>.</summary>
    public const string LiteralKindProperty = "LiteralKind";

    /// <summary>Test code holds sample keys, tokens and secrets on purpose: silent there unless opted in.</summary>
    public static bool SkipProject(Compilation compilation, AnalyzerOptions options)
    {
        var kind = ProjectKindDetector.Detect(WellKnownTypes.GetOrCreate(compilation), options);
        return (kind & ProjectKind.TestProject) != 0 && !SafeAuthOptionKeys.AnalyzeTestProjectsEnabled(options);
    }

    public static ImmutableDictionary<string, string?> Properties(string? algorithm) =>
        algorithm is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(AlgorithmProperty, algorithm);
}

/// <summary>What a literal caught by AUTH303 holds.</summary>
internal enum SecretLiteralKind
{
    Jwt,
    PrivateKey,
    EntraClientSecret,
}
