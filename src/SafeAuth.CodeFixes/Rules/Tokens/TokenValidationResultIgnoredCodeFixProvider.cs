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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Rules.Tokens;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH104 fix: keep the result in a local and fail closed when it is not valid.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenValidationResultIgnoredCodeFixProvider)), Shared]
public sealed class TokenValidationResultIgnoredCodeFixProvider : CandidateCodeFixProvider
{
    internal const string CheckIsValidKey = "AUTH104.CheckIsValid";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.TokenValidationResultIgnored);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        SyntaxEdits.FindReported(root, diagnostic)?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
            || TokenValidationResultIgnoredAnalyzer.ResultValue(invocation) is not { Syntax: ExpressionSyntax }
            || ScopeLookup.EnclosingBlockStatement(node) is null
            || WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SecurityTokenValidationException) is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        return ImmutableArray.Create(new FixCandidate("Check IsValid and fail closed", CheckIsValidKey, AddCheckAsync));
    }

    private static async Task<Document> AddCheckAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var statement = ScopeLookup.EnclosingBlockStatement(node);
        var exceptionType = WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SecurityTokenValidationException);
        if (statement is null || exceptionType is null
            || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
            || TokenValidationResultIgnoredAnalyzer.ResultValue(invocation)?.Syntax is not ExpressionSyntax resultSyntax)
        {
            return document;
        }

        var exception = (TypeSyntax)editor.Generator.TypeExpression(exceptionType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);

        // `var result = await handler.ValidateTokenAsync(...);`: check right after it.
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
            && variables[0].Initializer?.Value == resultSyntax)
        {
            editor.InsertAfter(statement, Check(variables[0].Identifier.ValueText, exception));
            return editor.GetChangedDocument();
        }

        var name = ScopeLookup.UniqueName(model, node, "validationResult");
        var declaration = LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(
                VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(resultSyntax.WithoutTrivia())))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var discarded = statement is ExpressionStatementSyntax expressionStatement
                        && (expressionStatement.Expression == resultSyntax
                            || expressionStatement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard && discard.Right == resultSyntax);
        if (discarded)
        {
            editor.InsertBefore(statement, new SyntaxNode[] { declaration.WithLeadingTrivia(statement.GetLeadingTrivia()), Check(name, exception) });
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            return editor.GetChangedDocument();
        }

        // Used inline, e.g. `(await handler.ValidateTokenAsync(...)).ClaimsIdentity`.
        SyntaxNode replaced = resultSyntax.Parent is ParenthesizedExpressionSyntax parenthesized ? parenthesized : resultSyntax;
        editor.ReplaceNode(replaced, IdentifierName(name).WithTriviaFrom(replaced));
        editor.InsertBefore(statement, new SyntaxNode[] { declaration, Check(name, exception) });
        return editor.GetChangedDocument();
    }

    private static StatementSyntax Check(string result, TypeSyntax exception) =>
        IfStatement(
                PrefixUnaryExpression(SyntaxKind.LogicalNotExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(result), IdentifierName("IsValid"))),
                Block(ThrowStatement(ObjectCreationExpression(exception).WithArgumentList(ArgumentList(SeparatedList(new[]
                {
                    Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("The token failed validation."))),
                    Argument(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(result), IdentifierName("Exception"))),
                }))))))
            .WithAdditionalAnnotations(Formatter.Annotation);
}
