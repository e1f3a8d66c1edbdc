using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace SafeAuth.CodeFixes.Common;

/// <summary>Removes a property assignment: an object-initializer member or a statement of its own.</summary>
internal static class AssignmentRemoval
{
    public static bool CanRemove(SyntaxNode node) =>
        node is AssignmentExpressionSyntax
        && (node.Parent is InitializerExpressionSyntax
            || node.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax });

    public static async Task<Document> RemoveAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (!CanRemove(node))
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (node.Parent is ExpressionStatementSyntax statement)
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
        else
        {
            // Keep the space before the closing brace when the last member (with no comma after it) goes.
            var initializer = (InitializerExpressionSyntax)node.Parent!;
            var isLastWithoutComma = initializer.Expressions.Last() == node
                                     && initializer.Expressions.SeparatorCount < initializer.Expressions.Count;
            editor.RemoveNode(node, isLastWithoutComma
                ? SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepTrailingTrivia
                : SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        return editor.GetChangedDocument();
    }
}
