using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH202 fix: remove the assignment (or initializer entry) that turns lifetime validation off.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LifetimeValidationDisabledCodeFixProvider)), Shared]
public sealed class LifetimeValidationDisabledCodeFixProvider : CandidateCodeFixProvider
{
    internal const string RemoveKey = "AUTH202.Remove";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.LifetimeValidationDisabled);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node as AssignmentExpressionSyntax ?? node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
    }

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Task.FromResult(Removable(node) is null
            ? ImmutableArray<FixCandidate>.Empty
            : ImmutableArray.Create(FixCandidate.WithEditor("Remove the assignment and keep the default lifetime validation", RemoveKey, (editor, n, _) =>
            {
                if (Removable(n) is not { } removable)
                {
                    return false;
                }

                editor.RemoveNode(removable, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                return true;
            })));

    /// <summary>The initializer entry or the expression statement to remove; null when removing would break the code.</summary>
    private static SyntaxNode? Removable(SyntaxNode assignment) => assignment.Parent switch
    {
        InitializerExpressionSyntax => assignment,
        ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => statement,
        _ => null,
    };
}
