using System;
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
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.NativeClients;

/// <summary>
/// AUTH502 fixes: remove <c>UsePkce = false</c>; give <c>CreateAuthorizeUrl</c> a challenge made with SafeAuth's
/// <c>Pkce</c> helper; give an <c>AuthorizationCodeTokenRequest</c> the verifier in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationCodeWithoutPkceCodeFixProvider)), Shared]
public sealed partial class AuthorizationCodeWithoutPkceCodeFixProvider : CandidateCodeFixProvider
{
    internal const string RemoveUsePkceFalseKey = "AUTH502.RemoveUsePkceFalse";
    internal const string SafeAuthPkceKey = "AUTH502.SafeAuthPkce";
    internal const string VerifierInScopeKey = "AUTH502.CodeVerifierInScope";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.AuthorizationCodeWithoutPkce);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n =>
            n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax);
    }

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<FixCandidate>();
        switch (model.GetOperation(node, cancellationToken))
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "UsePkce" } } when AssignmentRemoval.CanRemove(node):
                builder.Add(new FixCandidate("Remove 'UsePkce = false' (PKCE is on by default)", RemoveUsePkceFalseKey, AssignmentRemoval.RemoveAsync));
                break;

            case IInvocationOperation { TargetMethod.Name: "CreateAuthorizeUrl" } invocation
                when WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SafeAuthPkce) is { } pkce
                     && ScopeLookup.EnclosingBlockStatement(node) is not null
                     && invocation.Syntax is InvocationExpressionSyntax:
                var keepsVerifier = KeepsVerifierInField(model, node, cancellationToken) || RedeemsInSameMethod(model, node, cancellationToken);
                builder.Add(new FixCandidate(
                    keepsVerifier
                        ? "Send a PKCE challenge made with SafeAuth Pkce, and its verifier when redeeming the code"
                        : "Send a PKCE challenge made with SafeAuth Pkce (then send codeVerifier as code_verifier when redeeming the code)",
                    SafeAuthPkceKey,
                    (doc, n, ct) => AddChallengeAsync(doc, n, pkce, ct)));
                break;

            case IObjectCreationOperation creation when node is BaseObjectCreationExpressionSyntax:
                var verifier = ScopeLookup.Find(model, node.SpanStart, (symbol, type) =>
                    type.SpecialType == SpecialType.System_String
                    && symbol.Name.IndexOf("verifier", StringComparison.OrdinalIgnoreCase) >= 0);
                if (verifier is not null)
                {
                    builder.Add(new FixCandidate($"Send '{verifier.Name}' as the CodeVerifier", VerifierInScopeKey,
                        (doc, n, ct) => AddVerifierAsync(doc, n, verifier.Name, ct)));
                }

                break;
        }

        return builder.ToImmutable();
    }

    private static async Task<Document> AddChallengeAsync(Document document, SyntaxNode node, INamedTypeSymbol pkceType, CancellationToken cancellationToken)
    {
        var statement = ScopeLookup.EnclosingBlockStatement(node);
        if (statement is null || node is not InvocationExpressionSyntax invocation)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var inField = KeepsVerifierInField(model, node, cancellationToken);
        var verifierName = ScopeLookup.UniqueName(model, node, inField ? VerifierFieldBaseName : "codeVerifier");
        var challengeName = ScopeLookup.UniqueName(model, node, "codeChallenge");
        var pkce = (ExpressionSyntax)editor.Generator.TypeExpression(pkceType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);

        StatementSyntax Local(string name, ExpressionSyntax value) =>
            LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(
                    VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(value)))))
                .WithAdditionalAnnotations(Formatter.Annotation);

        var createVerifier = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, pkce, IdentifierName("CreateVerifier")));
        var createChallenge = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, pkce, IdentifierName("CreateChallenge")),
            ArgumentList(SingletonSeparatedList(Argument(IdentifierName(verifierName)))));

        // Drop an explicit codeChallenge/codeChallengeMethod (null) and pass both by name.
        var arguments = invocation.ArgumentList.Arguments
            .Where(a => a.NameColon?.Name.Identifier.ValueText is not ("codeChallenge" or "codeChallengeMethod"))
            .ToList();
        arguments.Add(Argument(IdentifierName(challengeName)).WithNameColon(NameColon("codeChallenge")));
        arguments.Add(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("S256"))).WithNameColon(NameColon("codeChallengeMethod")));
        var separators = Enumerable.Repeat(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space), arguments.Count - 1);
        var newInvocation = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SeparatedList(arguments, separators)));

        var keepVerifier = inField
            ? ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(verifierName), createVerifier)).WithAdditionalAnnotations(Formatter.Annotation)
            : Local(verifierName, createVerifier);
        editor.InsertBefore(statement, new[] { keepVerifier, Local(challengeName, createChallenge) });
        editor.ReplaceNode(node, newInvocation);
        SendVerifierAtRedemption(editor, node, verifierName, inField, cancellationToken);
        if (inField && node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } type)
        {
            editor.InsertMembers(type, 0, new[] { VerifierField(verifierName) });
        }

        return editor.GetChangedDocument();
    }

    private static async Task<Document> AddVerifierAsync(Document document, SyntaxNode node, string verifierName, CancellationToken cancellationToken)
    {
        if (node is not BaseObjectCreationExpressionSyntax creation)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("CodeVerifier"), IdentifierName(verifierName));
        BaseObjectCreationExpressionSyntax updated;
        if (creation.Initializer is { } initializer)
        {
            // Replace CodeVerifier = null, or add the member.
            var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "CodeVerifier" });
            updated = existing is not null
                ? creation.ReplaceNode(existing, existing.WithRight(IdentifierName(verifierName).WithTriviaFrom(existing.Right)))
                : creation.WithInitializer(initializer.AddExpressions(assignment));
        }
        else
        {
            var newInitializer = InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(assignment));
            updated = creation switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew.WithType(explicitNew.Type.WithoutTrailingTrivia()).WithInitializer(newInitializer),
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.WithInitializer(newInitializer),
                _ => creation,
            };
        }

        editor.ReplaceNode(node, updated.WithAdditionalAnnotations(Formatter.Annotation));
        return editor.GetChangedDocument();
    }
}
