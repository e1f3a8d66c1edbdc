using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH202 fix: remove the assignment (or initializer entry) that turns lifetime validation off.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LifetimeValidationDisabledCodeFixProvider)), Shared]
public sealed class LifetimeValidationDisabledCodeFixProvider : CodeFixProvider
{
    internal const string RemoveKey = "AUTH202.Remove";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.LifetimeValidationDisabled);

    public override FixAllProvider GetFixAllProvider() => EditorFixAllProvider.Create(ApplyAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || Removable(root, diagnostic) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the assignment and keep the default lifetime validation",
                    async ct =>
                    {
                        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                        return await ApplyAsync(editor, diagnostic, ct).ConfigureAwait(false) ? editor.GetChangedDocument() : document;
                    },
                    RemoveKey),
                diagnostic);
        }
    }

    /// <summary>The initializer entry or the expression statement to remove; null when removing would break the code.</summary>
    private static SyntaxNode? Removable(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var assignment = node as AssignmentExpressionSyntax ?? node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
        return assignment?.Parent switch
        {
            InitializerExpressionSyntax => assignment,
            ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => statement,
            _ => null,
        };
    }

    private static Task<bool> ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var removable = Removable(editor.OriginalRoot, diagnostic);
        if (removable is null)
        {
            return Task.FromResult(false);
        }

        editor.RemoveNode(removable, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        return Task.FromResult(true);
    }
}
