using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>Settings every SafeAuth analyzer and fix test shares.</summary>
internal static class SafeAuthTestDefaults
{
    /// <summary>No reference package: the framework comes from <see cref="TestReferences"/>, so nothing is downloaded.</summary>
    public static readonly ReferenceAssemblies NoPackage = new("net10.0");

    public static void Apply(SolutionState state, References references, string? globalConfig)
    {
        state.AdditionalReferences.AddRange(TestReferences.For(references));
        if (globalConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }
    }

    public static Solution WithLatestLanguage(Solution solution, ProjectId projectId)
    {
        var project = solution.GetProject(projectId)!;
        var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
        var compilationOptions = project.CompilationOptions!.WithSpecificDiagnosticOptions(
            project.CompilationOptions.SpecificDiagnosticOptions
                .SetItem("CS1701", ReportDiagnostic.Suppress)
                .SetItem("CS1702", ReportDiagnostic.Suppress));
        return solution.WithProjectParseOptions(projectId, parseOptions)
            .WithProjectCompilationOptions(projectId, compilationOptions);
    }
}
