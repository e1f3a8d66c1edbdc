using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Cli.Scan;

/// <summary>What one project's analysis gave.</summary>
/// <param name="Name">The project name (with its target framework when it has several).</param>
/// <param name="File">The project file, relative to the scan root.</param>
/// <param name="CompilerErrors">Compiler errors in its compilation: with any, the analysis was partial.</param>
/// <param name="Findings">Its SafeAuth findings at or above the threshold.</param>
public sealed record ProjectResult(string Name, string File, int CompilerErrors, int Findings);

/// <summary>Everything a scan found.</summary>
public sealed class ScanResult
{
    /// <summary>Findings at or above the threshold, in file and line order.</summary>
    public List<Finding> Findings { get; } = new();

    /// <summary>The projects analysed.</summary>
    public List<ProjectResult> Projects { get; } = new();

    /// <summary>Projects that could not be restored, loaded or completely analysed.</summary>
    public List<ScanProblem> Problems { get; } = new();

    /// <summary>The rules that ran, by ID.</summary>
    public IReadOnlyDictionary<string, DiagnosticDescriptor> Rules => Scanner.Rules;
}

/// <summary>Runs every SafeAuth rule over a loaded solution without changing it.</summary>
public sealed class Scanner
{
    private readonly ScanSettings _settings;
    private readonly Action<string> _status;

    /// <summary>Creates a scanner.</summary>
    public Scanner(ScanSettings settings, Action<string> status)
    {
        _settings = settings;
        _status = status;
    }

    /// <summary>Whether loading the project (relative path) failed; such a project without sources is a fatal problem.</summary>
    public Func<string, bool> LoadFailed { get; init; } = _ => false;

    /// <summary>Every SafeAuth analyzer, one instance each.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every SafeAuth rule, by ID, in ID order.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> Rules { get; } = new SortedDictionary<string, DiagnosticDescriptor>(
        Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First()), StringComparer.Ordinal);

    /// <summary>
    /// The C# projects of <paramref name="solution"/> below <paramref name="root"/>, in a stable order: a project another one
    /// references from outside the scanned folder is loaded for its symbols but not reported on.
    /// </summary>
    public static IReadOnlyList<Project> ProjectsOf(Solution solution, string root)
        => solution.Projects.Where(p => p.Language == LanguageNames.CSharp && IsBelow(p.FilePath, root))
            .OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToArray();

    private static bool IsBelow(string? path, string root)
    {
        if (path is null)
        {
            return false;
        }

        var relative = System.IO.Path.GetRelativePath(root, path);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !System.IO.Path.IsPathRooted(relative);
    }

    /// <summary>Analyses every C# project of <paramref name="solution"/>; <paramref name="projectDone"/> is called after each.</summary>
    public async Task<ScanResult> ScanAsync(Solution solution, Action projectDone, CancellationToken cancellationToken)
    {
        var result = new ScanResult();
        var factory = new FindingFactory(_settings.Root);
        var seen = new HashSet<(string, string, int, int, string)>();
        foreach (var project in ProjectsOf(solution, _settings.Root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!project.Documents.Any())
            {
                // Nothing to analyse: a packaging project, or one MSBuild could not load (then the scan says so).
                var relative = System.IO.Path.GetRelativePath(_settings.Root, project.FilePath!).Replace('\\', '/');
                if (LoadFailed(relative))
                {
                    result.Problems.Add(new ScanProblem(relative, "load", "the project did not load (see the reason above); it was not analysed", Fatal: true));
                }

                projectDone();
                continue;
            }

            _status($"analysing {project.Name}");
            var diagnostics = await AnalyzeAsync(project, result, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.GetMappedLineSpan();
                // A project with several target frameworks is loaded once per framework: one finding per place.
                if (!seen.Add((diagnostic.Id, span.Path ?? "", span.StartLinePosition.Line, span.StartLinePosition.Character, diagnostic.GetMessage())))
                {
                    continue;
                }

                var finding = factory.Create(diagnostic, project.Name);
                if (_settings.Selects(finding.File))
                {
                    if (_settings.Format == ReportFormat.Sarif && Fixes.FixableRules.Contains(finding.RuleId))
                    {
                        finding = finding with { Fix = await SuggestedFix.ComputeAsync(project, diagnostic, factory, cancellationToken).ConfigureAwait(false) };
                    }

                    result.Findings.Add(finding);
                    count++;
                }
            }

            result.Projects[^1] = result.Projects[^1] with { Findings = count };
            projectDone();
        }

        result.Findings.Sort((a, b) => (a.File, a.Line, a.Column, a.RuleId).CompareTo((b.File, b.Line, b.Column, b.RuleId)));
        return result;
    }

    /// <summary>The SafeAuth diagnostics of one project at or above the threshold, after its .editorconfig, .globalconfig and suppressions.</summary>
    public async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Project project, ScanResult result, CancellationToken cancellationToken)
    {
        var file = project.FilePath is null ? project.Name : System.IO.Path.GetRelativePath(_settings.Root, project.FilePath).Replace('\\', '/');
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            result.Problems.Add(new ScanProblem(file, "compile", "the project has no C# compilation", Fatal: true));
            result.Projects.Add(new ProjectResult(project.Name, file, 0, 0));
            return Array.Empty<Diagnostic>();
        }

        var failures = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            PackageFiles.For(project),
            (exception, analyzer, diagnostic) => { lock (failures) { failures.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        // Compiler and analyzer diagnostics in one pass: the binding the rules need is the binding the errors come from.
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var errors = all.Count(d => d.Severity == DiagnosticSeverity.Error && !result.Rules.ContainsKey(d.Id) && d.Id != "AD0001");
        result.Projects.Add(new ProjectResult(project.Name, file, errors, 0));
        if (errors > 0)
        {
            var first = all.First(d => d.Severity == DiagnosticSeverity.Error && !result.Rules.ContainsKey(d.Id) && d.Id != "AD0001");
            result.Problems.Add(new ScanProblem(file, "compile", $"analysed partially: {errors} compiler error(s), the first {first.Id}: {first.GetMessage()}", Fatal: false));
        }

        foreach (var failure in failures.Distinct(StringComparer.Ordinal))
        {
            result.Problems.Add(new ScanProblem(file, "analyze", failure, Fatal: false));
        }

        return all.Where(d => result.Rules.ContainsKey(d.Id) && d.Severity >= _settings.Threshold && !d.IsSuppressed).ToArray();
    }
}
