using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// A fix provider described by the ways it can fix one reported node (<see cref="FixCandidate"/>): it registers each
/// candidate as a code action and drives Fix All through <see cref="SequentialFixAllProvider"/> with the same candidates.
/// </summary>
public abstract class CandidateCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() =>
        SequentialFixAllProvider.Create(GetCandidatesAsync, (root, diagnostic) => FindNode(root, diagnostic));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = FindNode(root, diagnostic);
            if (node is null)
            {
                continue;
            }

            var document = context.Document;
            foreach (var candidate in await GetCandidatesAsync(document, node, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    candidate.Registrations.IsEmpty
                        ? CodeAction.Create(candidate.Title, ct => candidate.Apply(document, node, ct), candidate.EquivalenceKey)
                        : CodeAction.Create(candidate.Title, ct => candidate.ApplyWithRegistrationsAsync(document, node, ct), candidate.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The node a diagnostic reports, as the candidates expect it; <c>null</c> to offer nothing.</summary>
    internal abstract SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>
    /// The ways to fix <paramref name="node"/>; empty when none is safe. <paramref name="diagnostic"/> carries the facts
    /// the analyzer recorded for the fix (<c>SafeAuth.Analyzers.Common.FixProperties</c>); under Fix All its location may
    /// be stale (earlier fixes moved the text), so the node, found again by annotation, is what to edit.
    /// </summary>
    internal abstract Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken);
}
