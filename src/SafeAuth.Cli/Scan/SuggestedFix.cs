using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.Cli.Scan;

/// <summary>One replacement of a suggested fix: the region of the original file (1-based, end exclusive) and the new text.</summary>
/// <param name="StartLine">First line.</param>
/// <param name="StartColumn">First column.</param>
/// <param name="EndLine">Last line.</param>
/// <param name="EndColumn">Column after the region.</param>
/// <param name="Text">What replaces the region.</param>
public sealed record Replacement(int StartLine, int StartColumn, int EndLine, int EndColumn, string Text);

/// <summary>The changes a suggested fix makes to one file.</summary>
/// <param name="File">The file, relative to the scan root.</param>
/// <param name="Replacements">Its replacements, in file order.</param>
public sealed record FileChange(string File, IReadOnlyList<Replacement> Replacements);

/// <summary>The first code fix a finding offers (the one an IDE shows first), as text changes, for SARIF's <c>fixes</c>.</summary>
/// <param name="Description">The fix's title.</param>
/// <param name="Changes">The files it changes.</param>
public sealed record SuggestedFix(string Description, IReadOnlyList<FileChange> Changes)
{
    /// <summary>The fix of <paramref name="diagnostic"/> in <paramref name="project"/>, or null when no provider offers one.</summary>
    public static async Task<SuggestedFix?> ComputeAsync(Project project, Diagnostic diagnostic, FindingFactory paths, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || project.GetDocument(diagnostic.Location.SourceTree) is not { } document)
        {
            return null;
        }

        foreach (var provider in Fixes.Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            try
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
                if (actions.Count == 0)
                {
                    continue;
                }

                var operations = await actions[0].GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                if (operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution is { } changed)
                {
                    var changes = await ChangesAsync(project.Solution, changed, paths, cancellationToken).ConfigureAwait(false);
                    return changes.Count == 0 ? null : new SuggestedFix(actions[0].Title, changes);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fix that cannot be computed here is left out of the report; the finding itself stays.
                return null;
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<FileChange>> ChangesAsync(Solution before, Solution after, FindingFactory paths, CancellationToken cancellationToken)
    {
        var files = new List<FileChange>();
        foreach (var projectChanges in after.GetChanges(before).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var original = before.GetDocument(id)!;
                var text = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var edits = await after.GetDocument(id)!.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false);
                var replacements = edits.OrderBy(e => e.Span.Start).Select(e => ToReplacement(text, e)).ToArray();
                if (original.FilePath is not null && replacements.Length > 0)
                {
                    files.Add(new FileChange(paths.RelativePath(original.FilePath), replacements));
                }
            }
        }

        return files;
    }

    private static Replacement ToReplacement(SourceText text, TextChange change)
    {
        var span = text.Lines.GetLinePositionSpan(change.Span);
        return new Replacement(span.Start.Line + 1, span.Start.Character + 1, span.End.Line + 1, span.End.Character + 1, change.NewText ?? "");
    }
}
