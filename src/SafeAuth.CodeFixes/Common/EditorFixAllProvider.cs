using System;
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

            var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
            var changed = false;
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                changed |= await apply(editor, diagnostic, context.CancellationToken).ConfigureAwait(false);
            }

            return changed ? editor.GetChangedDocument() : null;
        });
    }
}
