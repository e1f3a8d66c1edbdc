using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace SafeAuth.CodeFixes.Common;

internal static class SyntaxEdits
{
    /// <summary>
    /// Whether <paramref name="assignment"/> can be removed: an entry of an object initializer or a statement of its own.
    /// </summary>
    public static bool CanRemoveAssignment(SyntaxNode assignment) =>
        assignment is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax or ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } };

    /// <summary>Removes an initializer entry (with its comma) or the statement holding the assignment.</summary>
    public static async Task<Document> RemoveAssignmentAsync(Document document, SyntaxNode assignment, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var target = assignment.Parent is ExpressionStatementSyntax statement ? statement : assignment;
        editor.RemoveNode(target, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker);
        return editor.GetChangedDocument();
    }

    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode.WithTriviaFrom(oldNode)));
    }

    /// <summary>The reported node: the innermost node whose span is the diagnostic's, or the one covering it.</summary>
    public static SyntaxNode? FindReported(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n => n.Span == span) ?? node;
    }

    /// <summary>
    /// Whether the Jwt.Net fluent chain holding <paramref name="call"/> (<c>JwtBuilder.Create().WithAlgorithm(…)
    /// .WithSecret(…).DoNotVerifySignature().Decode(token)</c>) gives Jwt.Net a key or an algorithm: without one,
    /// <c>MustVerifySignature()</c> throws on every call.
    /// </summary>
    public static bool JwtNetChainConfiguresKey(SyntaxNode call)
    {
        if (call is not InvocationExpressionSyntax outermost)
        {
            return false;
        }

        while (outermost.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } access && access.Expression == outermost)
        {
            outermost = next;
        }

        for (ExpressionSyntax? receiver = outermost; receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }; receiver = access.Expression)
        {
            if (access.Name.Identifier.ValueText is "WithSecret" or "WithAlgorithm" or "WithAlgorithmFactory")
            {
                return true;
            }
        }

        return false;
    }
}
