using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.RoslynFloor;

/// <summary>What the check measured for one project.</summary>
internal sealed record FloorResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> AnalyzerFailures,
    IReadOnlyDictionary<string, (int Offered, int Applied)> FixesByRule,
    int CompileErrors);

/// <summary>Loads the packed assemblies, runs every analyzer and offers every fix on a project.</summary>
internal sealed class FloorCheck
{
    private readonly IsolatedAnalyzerLoader _loader = new();
    private readonly List<string> _loadFailures = new();
    private readonly List<string> _fixFailures = new();

    public FloorCheck(string analyzerDirectory)
    {
        var paths = Directory.GetFiles(analyzerDirectory, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            _loader.AddDependencyLocation(path);
        }

        foreach (var path in paths)
        {
            var reference = new AnalyzerFileReference(path, _loader);
            reference.AnalyzerLoadFailed += (_, e) => _loadFailures.Add($"{Path.GetFileName(path)}: {e.ErrorCode} {e.TypeName} {e.Message}");
            References.Add(reference);
        }

        Analyzers = References.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Fixers = paths.SelectMany(LoadFixers).ToList();
    }

    public List<AnalyzerFileReference> References { get; } = new();

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public IReadOnlyList<CodeFixProvider> Fixers { get; }

    /// <summary>Every analyzer or fixer that failed to load, with the reason.</summary>
    public IReadOnlyList<string> LoadFailures => _loadFailures;

    public async Task<FloorResult> RunAsync(Project project, string projectDirectory, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken) ?? throw new InvalidOperationException($"{project.Name} has no compilation");
        var failures = new List<string>();
        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions,
            (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = (await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken))
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .ToList();
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        var reported = diagnostics.Where(d => d.Id.StartsWith("AUTH", StringComparison.Ordinal)).ToList();
        var fixes = await OfferFixesAsync(project, reported, cancellationToken);
        failures.AddRange(_fixFailures);
        var compileErrors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return new FloorResult(reported.Select(d => Finding.From(d, projectDirectory)).ToList(), reported, failures, fixes, compileErrors);
    }

    /// <summary>
    /// For each finding a fixer claims: whether it offers a fix, and whether the first one changes the solution (a fixer
    /// that throws is an analyzer failure). Not every shape of every rule has a safe rewrite, so "offered" may be lower.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, (int Offered, int Applied)>> OfferFixesAsync(
        Project project, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var byRule = new SortedDictionary<string, (int Offered, int Applied)>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var document = diagnostic.Location.SourceTree is { } tree ? project.GetDocument(tree) : null;
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var (offered, applied) = byRule.TryGetValue(diagnostic.Id, out var counts) ? counts : (0, 0);
                var actions = new List<CodeAction>();
                try
                {
                    if (document is not null)
                    {
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
                    }

                    if (actions.Count > 0)
                    {
                        offered++;
                        var operations = await actions[0].GetOperationsAsync(cancellationToken);
                        applied += operations.OfType<ApplyChangesOperation>()
                            .Any(o => o.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().Any()) ? 1 : 0;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _fixFailures.Add($"{fixer.GetType().Name} on {Finding.From(diagnostic, project.FilePath is { } file ? Path.GetDirectoryName(file)! : "")}: {e.GetType().Name}: {e.Message}");
                }

                byRule[diagnostic.Id] = (offered, applied);
            }
        }

        return byRule;
    }

    private IEnumerable<CodeFixProvider> LoadFixers(string path)
    {
        Type[] types;
        try
        {
            types = _loader.LoadFromPath(path).GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            _loadFailures.Add($"{Path.GetFileName(path)}: {string.Join("; ", e.LoaderExceptions.Select(x => x?.Message).Distinct())}");
            yield break;
        }

        foreach (var type in types.Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)
            && t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any()))
        {
            CodeFixProvider? fixer = null;
            try
            {
                fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            }
            catch (Exception e) when (e is TargetInvocationException or MissingMethodException or TypeLoadException)
            {
                _loadFailures.Add($"{type.Name}: {e.InnerException?.Message ?? e.Message}");
            }

            if (fixer is not null)
            {
                yield return fixer;
            }
        }
    }
}
