using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Tests.Verifiers;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>Runs every SafeAuth analyzer and every fix on a source text, outside the verifier, collecting failures.</summary>
internal sealed class AnalysisHarness
{
    public const References AllReferences = References.Server | References.Msal | References.Duende | References.AzureIdentity
                                            | References.OpenIdConnect | References.JsInterop | References.SafeAuthRuntime;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
    private readonly ImmutableArray<MetadataReference> _references = TestReferences.For(AllReferences);

    public int FixesApplied { get; private set; }

    public int FixAllApplied { get; private set; }

    /// <summary>A one-document project holding <paramref name="source"/>; dispose the workspace when done.</summary>
    public (AdhocWorkspace Workspace, Document Document) CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Harness", "Harness", LanguageNames.CSharp,
                compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: _references))
            .AddDocument(documentId, "Snippet.cs", SourceText.From(source), filePath: "/Snippet.cs");
        return (workspace, solution.GetDocument(documentId)!);
    }

    /// <summary>The AUTH diagnostics, or the analyzer exceptions raised while computing them.</summary>
    public async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation, AnalyzerOptions? analyzerOptions = null)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add(new InvalidOperationException(analyzer.GetType().Name + " threw", exception)); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Catalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(new InvalidOperationException(diagnostic.GetMessage()));
        }

        return (diagnostics.Where(d => d.Id.StartsWith("AUTH", StringComparison.Ordinal)).ToImmutableArray(), exceptions);
    }

    /// <summary>
    /// Applies every registered fix of every diagnostic, and Fix All per equivalence key, returning each resulting source.
    /// Any exception escapes to the caller.
    /// </summary>
    public async Task<IReadOnlyList<(string Title, string Source)>> ApplyFixesAsync(Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var documentId = document.Id;
        var results = new List<(string, string)>();

        foreach (var diagnostic in diagnostics)
        {
            foreach (var provider in Catalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await provider.RegisterCodeFixesAsync(context);
                foreach (var action in actions)
                {
                    results.Add((action.Title, await ApplyAsync(action, documentId)));
                    FixesApplied++;

                    var fixAll = provider.GetFixAllProvider();
                    if (fixAll is not null && action.EquivalenceKey is not null)
                    {
                        var fixAllContext = new FixAllContext(document, provider, FixAllScope.Document, action.EquivalenceKey,
                            new[] { diagnostic.Id }, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
                        var fixAllAction = await fixAll.GetFixAsync(fixAllContext);
                        if (fixAllAction is not null)
                        {
                            results.Add(("Fix All: " + action.Title, await ApplyAsync(fixAllAction, documentId)));
                            FixAllApplied++;
                        }
                    }
                }
            }
        }

        return results;
    }

    private static async Task<string> ApplyAsync(CodeAction action, DocumentId documentId)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
    }

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
