using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// One way to fix one diagnostic: a user-facing title, an equivalence key, the edit, and the service registrations the
/// edited code needs at the project's composition root.
/// </summary>
internal sealed class FixCandidate
{
    public FixCandidate(string title, string equivalenceKey, Func<Document, SyntaxNode, CancellationToken, Task<Document>> apply, ImmutableArray<Registration> registrations = default)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Apply = apply;
        Registrations = registrations.IsDefault ? ImmutableArray<Registration>.Empty : registrations;
    }

    /// <summary>A candidate whose edit works on a <see cref="DocumentEditor"/> of the document; false leaves it unchanged.</summary>
    public static FixCandidate WithEditor(string title, string equivalenceKey, Func<DocumentEditor, SyntaxNode, CancellationToken, bool> edit) =>
        new(title, equivalenceKey, async (document, node, cancellationToken) =>
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            return edit(editor, node, cancellationToken) ? editor.GetChangedDocument() : document;
        });

    public string Title { get; }

    public string EquivalenceKey { get; }

    /// <summary>Applies the edit to the node reported in the given document.</summary>
    public Func<Document, SyntaxNode, CancellationToken, Task<Document>> Apply { get; }

    /// <summary>Registrations added to the composition root after the edit (each once; none already made).</summary>
    public ImmutableArray<Registration> Registrations { get; }

    /// <summary>The edit, then the registrations, as one solution change.</summary>
    public async Task<Solution> ApplyWithRegistrationsAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var changed = await Apply(document, node, cancellationToken).ConfigureAwait(false);
        var solution = changed.Project.Solution;
        foreach (var registration in Registrations)
        {
            solution = await CompositionRoot.EnsureAsync(solution, document.Project.Id, registration, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }
}

/// <summary>
/// Fix All that applies fixes one after another in each document, re-finding every reported node through an
/// annotation, so edits that insert statements or pick fresh names never collide; then adds each registration the
/// applied fixes need once per project. Each diagnostic gets the chosen kind of fix when it is offered there, otherwise
/// its own first fix, so one run (<c>dotnet format analyzers</c>) fixes every finding of the rule.
/// </summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    private readonly Func<Document, SyntaxNode, Diagnostic, CancellationToken, Task<ImmutableArray<FixCandidate>>> _getCandidates;
    private readonly Func<SyntaxNode, Diagnostic, SyntaxNode?> _findNode;

    private SequentialFixAllProvider(
        Func<Document, SyntaxNode, Diagnostic, CancellationToken, Task<ImmutableArray<FixCandidate>>> getCandidates,
        Func<SyntaxNode, Diagnostic, SyntaxNode?> findNode)
    {
        _getCandidates = getCandidates;
        _findNode = findNode;
    }

    public static FixAllProvider Create(
        Func<Document, SyntaxNode, Diagnostic, CancellationToken, Task<ImmutableArray<FixCandidate>>> getCandidates,
        Func<SyntaxNode, Diagnostic, SyntaxNode?> findNode) => new SequentialFixAllProvider(getCandidates, findNode);

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Task.FromResult<CodeAction?>(CodeAction.Create(
            fixAllContext.CodeActionEquivalenceKey is { Length: > 0 } key ? "Fix all: " + key : "Fix all",
            ct => FixAllAsync(fixAllContext, ct),
            fixAllContext.CodeActionEquivalenceKey));

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var registrations = new List<(ProjectId Project, Registration Registration)>();
        foreach (var document in DocumentsInScope(context))
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            var current = solution.GetDocument(document.Id);
            if (current is null)
            {
                continue;
            }

            var fixedDocument = await FixDocumentAsync(current, diagnostics, context.CodeActionEquivalenceKey, registrations, cancellationToken).ConfigureAwait(false);
            solution = fixedDocument.Project.Solution;
        }

        foreach (var (project, registration) in registrations.GroupBy(r => (r.Project, r.Registration.Key)).Select(g => g.First()))
        {
            solution = await CompositionRoot.EnsureAsync(solution, project, registration, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static IEnumerable<Document> DocumentsInScope(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
        _ => context.Document is { } document ? new[] { document } : Array.Empty<Document>(),
    };

    private async Task<Document> FixDocumentAsync(
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        string? equivalenceKey,
        List<(ProjectId, Registration)> registrations,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var annotations = new List<(SyntaxAnnotation Annotation, Diagnostic Diagnostic)>();
        var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var node = _findNode(root, diagnostic);
            if (node is not null && !nodes.ContainsKey(node))
            {
                var annotation = new SyntaxAnnotation("SafeAuth.FixAll");
                nodes.Add(node, annotation);
                annotations.Add((annotation, diagnostic));
            }
        }

        var current = document.WithSyntaxRoot(root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original])));
        foreach (var (annotation, diagnostic) in annotations)
        {
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault();
            if (node is null)
            {
                continue;
            }

            var candidates = await _getCandidates(current, node, diagnostic, cancellationToken).ConfigureAwait(false);
            // The kind of fix chosen where it applies; elsewhere the diagnostic's own first fix (a controller with
            // validation parameters in scope and a minimal API without).
            var candidate = candidates.FirstOrDefault(c => c.EquivalenceKey == equivalenceKey) ?? candidates.FirstOrDefault();
            if (candidate is not null)
            {
                current = await candidate.Apply(current, node, cancellationToken).ConfigureAwait(false);
                registrations.AddRange(candidate.Registrations.Select(r => (current.Project.Id, r)));
            }
        }

        return current;
    }
}
