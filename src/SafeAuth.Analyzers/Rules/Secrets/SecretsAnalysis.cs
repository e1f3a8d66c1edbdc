using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>What the AUTH3xx rules share: the test-project gate.</summary>
internal static class SecretsAnalysis
{
    /// <summary>Test code holds sample keys, tokens and secrets on purpose: silent there unless opted in.</summary>
    public static bool SkipProject(Compilation compilation, AnalyzerOptions options)
    {
        var kind = ProjectKindDetector.Detect(WellKnownTypes.GetOrCreate(compilation), options);
        return (kind & ProjectKind.TestProject) != 0 && !SafeAuthOptionKeys.AnalyzeTestProjectsEnabled(options);
    }
}

/// <summary>What a literal caught by AUTH303 holds.</summary>
internal enum SecretLiteralKind
{
    Jwt,
    PrivateKey,
    EntraClientSecret,
}
