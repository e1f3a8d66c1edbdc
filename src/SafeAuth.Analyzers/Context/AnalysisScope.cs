using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Context;

/// <summary>
/// The context every SafeAuth rule works in, decided once per compilation: the kind of project, whether test projects,
/// test code and development-only code are analysed. Rules read it through <see cref="For(Compilation, AnalyzerOptions)"/>
/// and report through <see cref="Report(OperationAnalysisContext, Diagnostic)"/> and its overloads, which drop a finding
/// located in test code or development-only code (see <see cref="CodeRegions"/>). No rule derives any of this itself.
/// </summary>
internal sealed class AnalysisScope
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisScope> Cache = new();

    private AnalysisScope(WellKnownTypes types, ProjectKind kind, bool analyzeTestCode, bool analyzeDevelopmentCode)
    {
        Types = types;
        Kind = kind;
        AnalyzesTestCode = analyzeTestCode;
        AnalyzesDevelopmentCode = analyzeDevelopmentCode;
    }

    public WellKnownTypes Types { get; }

    public ProjectKind Kind { get; }

    /// <summary><c>safeauth.analyze_test_projects = true</c>: test projects and test code are analysed like any other.</summary>
    public bool AnalyzesTestCode { get; }

    /// <summary><c>safeauth.analyze_development_code = true</c>: development-only code is analysed like any other.</summary>
    public bool AnalyzesDevelopmentCode { get; }

    /// <summary>A Blazor WebAssembly or native app that is not also a server: it holds its own tokens.</summary>
    public bool IsClient => Kind.IsClient();

    public bool IsTestProject => (Kind & ProjectKind.TestProject) != 0;

    /// <summary>Whether no rule runs in this compilation (a test project, unless test projects are analysed).</summary>
    public bool IsSilent => IsTestProject && !AnalyzesTestCode;

    /// <summary>The scope of <paramref name="compilation"/>, computed on first use and shared by every rule.</summary>
    public static AnalysisScope For(Compilation compilation, AnalyzerOptions options) =>
        Cache.GetValue(compilation, c => Create(WellKnownTypes.GetOrCreate(c), options));

#pragma warning disable RS1012 // reads the start context's compilation and options; the caller registers the actions
    public static AnalysisScope For(CompilationStartAnalysisContext context) => For(context.Compilation, context.Options);
#pragma warning restore RS1012

    private static AnalysisScope Create(WellKnownTypes types, AnalyzerOptions options) =>
        new(
            types,
            ProjectKindDetector.Detect(types, options),
            SafeAuthOptionKeys.IsTrue(options, SafeAuthOptionKeys.AnalyzeTestProjects),
            SafeAuthOptionKeys.IsTrue(options, SafeAuthOptionKeys.AnalyzeDevelopmentCode));

    /// <summary>Whether a finding at <paramref name="location"/> is reported: not in exempt test or development-only code.</summary>
    public bool Allows(Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return true;
        }

        var region = CodeRegions.Classify(tree, location.SourceSpan);
        return region switch
        {
            CodeRegion.TestCode => AnalyzesTestCode,
            CodeRegion.DevelopmentOnly => AnalyzesDevelopmentCode,
            _ => true,
        };
    }

    public void Report(OperationAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    public void Report(SyntaxNodeAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    public void Report(OperationBlockAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    public void Report(SymbolAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    /// <summary>Findings in files that are not C# (settings files): only the project gate applies.</summary>
    public void Report(AdditionalFileAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    public void Report(CompilationAnalysisContext context, Diagnostic diagnostic) => Report(context.ReportDiagnostic, diagnostic);

    private void Report(System.Action<Diagnostic> report, Diagnostic diagnostic)
    {
        if (Allows(diagnostic.Location))
        {
            report(diagnostic);
        }
    }
}
