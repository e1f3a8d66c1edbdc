using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SafeAuth.Cli.Scan;

/// <summary>
/// <c>safeauth scan --fix</c>: what <c>dotnet format analyzers</c> does for SafeAuth's rules. Project by project and rule
/// by rule, the first code fix a finding offers is applied to every finding of that rule in the project through the
/// provider's Fix All; the project is analysed again before the next rule, so each fix sees the code the last one left.
/// </summary>
public sealed class Fixes
{
    private readonly ScanSettings _settings;
    private readonly Action<string> _status;
    private readonly Dictionary<string, int> _fixedByRule = new(StringComparer.Ordinal);

    /// <summary>Creates the fixer.</summary>
    public Fixes(ScanSettings settings, Action<string> status)
    {
        _settings = settings;
        _status = status;
    }

    /// <summary>Every SafeAuth code fix provider, one instance each.</summary>
    public static ImmutableArray<CodeFixProvider> Providers { get; } =
        typeof(SafeAuth.CodeFixes.Common.CandidateCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The rules that have a code fix.</summary>
    public static IReadOnlySet<string> FixableRules { get; } = Providers.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);

    /// <summary>What was fixed, in one line; set by <see cref="ApplyAsync"/>.</summary>
    public string Summary { get; private set; } = "safeauth: nothing was fixed.";

    /// <summary>Applies the fixes and returns the changed solution (not yet written).</summary>
    public async Task<Solution> ApplyAsync(Solution solution, CancellationToken cancellationToken)
    {
        var original = solution;
        var scanner = new Scanner(_settings, _ => { });
        foreach (var projectId in Scanner.ProjectsOf(solution, _settings.Root).Select(p => p.Id))
        {
            var ruleIds = (await FixableAsync(scanner, solution.GetProject(projectId)!, cancellationToken).ConfigureAwait(false))
                .Select(d => d.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            foreach (var ruleId in ruleIds)
            {
                _status($"fixing {ruleId} in {solution.GetProject(projectId)!.Name}");
                var diagnostics = (await FixableAsync(scanner, solution.GetProject(projectId)!, cancellationToken).ConfigureAwait(false))
                    .Where(d => d.Id == ruleId).ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                solution = await FixRuleAsync(solution, diagnostics, cancellationToken).ConfigureAwait(false);
            }
        }

        var changed = solution.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments().Concat(p.GetAddedDocuments())).Count();
        if (_fixedByRule.Count > 0)
        {
            var rules = string.Join(", ", _fixedByRule.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}"));
            Summary = $"safeauth: fixed {_fixedByRule.Values.Sum()} finding(s) in {changed} file(s): {rules}.";
        }

        return solution;
    }

    private async Task<IEnumerable<Diagnostic>> FixableAsync(Scanner scanner, Project project, CancellationToken cancellationToken)
    {
        var diagnostics = await scanner.AnalyzeAsync(project, new ScanResult(), cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => FixableRules.Contains(d.Id) && d.Location.IsInSource && project.GetDocument(d.Location.SourceTree) is not null
                                      && _settings.Selects(System.IO.Path.GetRelativePath(_settings.Root, d.Location.SourceTree!.FilePath).Replace('\\', '/')));
    }

    private async Task<Solution> FixRuleAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var first = diagnostics[0];
        var document = solution.GetDocument(first.Location.SourceTree)!;
        foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(first.Id)))
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            var fixAll = provider.GetFixAllProvider();
            if (actions.Count == 0 || fixAll is null)
            {
                continue;
            }

            var context = new FixAllContext(document, provider, FixAllScope.Project, actions[0].EquivalenceKey, new[] { first.Id }, new KnownDiagnostics(diagnostics), cancellationToken);
            var fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            if (fix is null)
            {
                continue;
            }

            var operations = await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var changed = operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution;
            if (changed is not null && changed != solution)
            {
                _fixedByRule[first.Id] = _fixedByRule.GetValueOrDefault(first.Id) + diagnostics.Length;
                return changed;
            }
        }

        return solution;
    }

    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
