using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// Fix All that applies every diagnostic's edit to one <see cref="DocumentEditor"/> per document, so edits of
/// neighbouring nodes (two entries of one initializer) compose instead of conflicting.
/// </summary>
internal static class EditorFixAllProvider
{
    public static FixAllProvider Create(Func<DocumentEditor, Diagnostic, CancellationToken, Task<bool>> apply)
    {
        return FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (diagnostics.IsEmpty)
            {
                return null;
            }

            var ordered = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
            try
            {
                return await ApplyAsync(document, ordered, apply, context.CancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Two edits overlap: in broken code one can remove a node another edits. Keep the edits that compose;
                // the rest stay reported and can be fixed one by one.
                var accepted = ImmutableArray.CreateBuilder<Diagnostic>();
                foreach (var diagnostic in ordered)
                {
                    try
                    {
                        await ApplyAsync(document, accepted.ToImmutable().Add(diagnostic), apply, context.CancellationToken).ConfigureAwait(false);
                        accepted.Add(diagnostic);
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }

                return accepted.Count == 0
                    ? null
                    : await ApplyAsync(document, accepted.ToImmutable(), apply, context.CancellationToken).ConfigureAwait(false);
            }
        });
    }

    private static async Task<Document?> ApplyAsync(
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        Func<DocumentEditor, Diagnostic, CancellationToken, Task<bool>> apply,
        CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var changed = false;
        foreach (var diagnostic in diagnostics)
        {
            changed |= await apply(editor, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        return changed ? editor.GetChangedDocument() : null;
    }
}
