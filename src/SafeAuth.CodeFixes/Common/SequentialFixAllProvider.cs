using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// One way to fix one diagnostic: a user-facing title, an equivalence key and the edit.
/// </summary>
internal sealed class FixCandidate
{
    public FixCandidate(string title, string equivalenceKey, Func<Document, SyntaxNode, CancellationToken, Task<Document>> apply)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Apply = apply;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    /// <summary>Applies the edit to the node reported in the given document.</summary>
    public Func<Document, SyntaxNode, CancellationToken, Task<Document>> Apply { get; }
}

/// <summary>
/// Fix All that applies fixes one after another in each document, re-finding every reported node through an
/// annotation, so edits that insert statements or pick fresh names never collide. Each diagnostic gets the chosen kind
/// of fix when it is offered there, otherwise its own first fix.
/// </summary>
internal static class SequentialFixAllProvider
{
    public static FixAllProvider Create(
        Func<Document, SyntaxNode, CancellationToken, Task<ImmutableArray<FixCandidate>>> getCandidates,
        Func<SyntaxNode, Diagnostic, SyntaxNode?> findNode)
    {
        return FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (diagnostics.IsEmpty)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var annotations = new List<SyntaxAnnotation>();
            var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = findNode(root, diagnostic);
                if (node is not null && !nodes.ContainsKey(node))
                {
                    var annotation = new SyntaxAnnotation("SafeAuth.FixAll");
                    nodes.Add(node, annotation);
                    annotations.Add(annotation);
                }
            }

            var current = document.WithSyntaxRoot(root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original])));
            foreach (var annotation in annotations)
            {
                var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var node = currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault();
                if (node is null)
                {
                    continue;
                }

                var candidates = await getCandidates(current, node, context.CancellationToken).ConfigureAwait(false);
                // The kind of fix chosen where it applies; elsewhere the diagnostic's own first fix, so one run fixes every
                // finding of the rule (a controller with validation parameters in scope and a minimal API without).
                var candidate = candidates.FirstOrDefault(c => c.EquivalenceKey == context.CodeActionEquivalenceKey) ?? candidates.FirstOrDefault();
                if (candidate is not null)
                {
                    current = await candidate.Apply(current, node, context.CancellationToken).ConfigureAwait(false);
                }
            }

            return current;
        });
    }
}
