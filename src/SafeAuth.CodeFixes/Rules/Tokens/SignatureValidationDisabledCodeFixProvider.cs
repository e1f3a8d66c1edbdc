using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Rules.Tokens;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH102 fixes: remove the opt-out (the defaults validate signatures), drop 'none', make Jwt.Net verify.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignatureValidationDisabledCodeFixProvider)), Shared]
public sealed class SignatureValidationDisabledCodeFixProvider : CandidateCodeFixProvider
{
    internal const string RemoveAssignmentKey = "AUTH102.RemoveAssignment";
    internal const string RemoveNoneKey = "AUTH102.RemoveNone";
    internal const string JwtNetVerifyKey = "AUTH102.JwtNetVerify";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SignatureValidationDisabled);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = SyntaxEdits.FindReported(root, diagnostic);
        if (FixProperties.Text(diagnostic, FixProperties.Shape) is not { } shape)
        {
            return null;
        }

        return shape switch
        {
            SignatureValidationDisabledAnalyzer.JwtNetShape => node?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(),
            SignatureValidationDisabledAnalyzer.NoneAlgorithmShape => node as ExpressionSyntax,
            _ => node?.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault(),
        };
    }

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var candidates = ImmutableArray.CreateBuilder<FixCandidate>();
        switch (node)
        {
            case AssignmentExpressionSyntax assignment when SyntaxEdits.CanRemoveAssignment(assignment):
                candidates.Add(new FixCandidate(
                    "Remove the assignment (signatures are validated by default)",
                    RemoveAssignmentKey,
                    (doc, n, ct) => SyntaxEdits.RemoveAssignmentAsync(doc, n, ct)));
                break;

            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation when SyntaxEdits.JwtNetChainConfiguresKey(invocation):
                candidates.Add(new FixCandidate("Verify the signature (MustVerifySignature)", JwtNetVerifyKey, (doc, n, ct) =>
                {
                    var call = (InvocationExpressionSyntax)n;
                    var name = ((MemberAccessExpressionSyntax)call.Expression).Name;
                    return name.Identifier.ValueText == "DoNotVerifySignature"
                        ? SyntaxEdits.ReplaceAsync(doc, name, IdentifierName("MustVerifySignature"), ct)
                        : SyntaxEdits.ReplaceAsync(doc, call.ArgumentList.Arguments[0].Expression, LiteralExpression(SyntaxKind.TrueLiteralExpression), ct);
                }));
                break;

            case ExpressionSyntax none when RemovableElement(none) is not null:
                candidates.Add(new FixCandidate("Remove 'none' from the valid algorithms", RemoveNoneKey, RemoveNoneAsync));
                break;
        }

        return Task.FromResult(candidates.ToImmutable());
    }

    /// <summary>The element to remove for a reported "none": an array/collection initializer entry or a collection-expression element.</summary>
    private static SyntaxNode? RemovableElement(ExpressionSyntax none) => none.Parent switch
    {
        InitializerExpressionSyntax => none,
        ExpressionElementSyntax element => element,
        _ => null,
    };

    private static async Task<Document> RemoveNoneAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var element = RemovableElement((ExpressionSyntax)node);
        if (element is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var collection = element.Parent!;
        var count = collection switch
        {
            InitializerExpressionSyntax initializer => initializer.Expressions.Count,
            CollectionExpressionSyntax expression => expression.Elements.Count,
            _ => 0,
        };

        // The only algorithm: an empty list means "any algorithm", so drop the ValidAlgorithms assignment altogether.
        var assignment = collection.Ancestors().TakeWhile(a => a is not StatementSyntax).OfType<AssignmentExpressionSyntax>().FirstOrDefault();
        if (count == 1 && assignment is not null && SyntaxEdits.CanRemoveAssignment(assignment)
            && assignment.Left.ToString().EndsWith("ValidAlgorithms", System.StringComparison.Ordinal))
        {
            return await SyntaxEdits.RemoveAssignmentAsync(document, assignment, cancellationToken).ConfigureAwait(false);
        }

        editor.RemoveNode(element, SyntaxRemoveOptions.KeepTrailingTrivia);
        return editor.GetChangedDocument();
    }
}
