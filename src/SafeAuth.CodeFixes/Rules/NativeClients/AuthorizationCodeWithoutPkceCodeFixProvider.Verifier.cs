using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.KnownTypes;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.NativeClients;

// The verifier a PKCE fix creates must reach the token request that redeems the code: a challenge whose verifier is
// thrown away makes every redemption fail. In an instance method it is kept in a field of the class, in a static one it
// stays a local; either way the code redemptions that can see it send it.
public sealed partial class AuthorizationCodeWithoutPkceCodeFixProvider
{
    private const string VerifierFieldBaseName = "_codeVerifier";

    /// <summary>An instance method of a class: the authorize URL and the redemption usually live in two methods of it.</summary>
    private static bool KeepsVerifierInField(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken) =>
        node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not null
        && model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is IMethodSymbol { IsStatic: false } method
        && method.ContainingSymbol is INamedTypeSymbol { IsStatic: false };

    /// <summary>A static method that also redeems the code, so the local verifier reaches the redemption.</summary>
    private static bool RedeemsInSameMethod(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken) =>
        Redemptions(model, node, inField: false, cancellationToken).Any();

    /// <summary><c>private string _codeVerifier = string.Empty;</c>: set when the authorize URL is built, sent at redemption.</summary>
    private static FieldDeclarationSyntax VerifierField(string name) =>
        FieldDeclaration(VariableDeclaration(PredefinedType(Token(SyntaxKind.StringKeyword)), SingletonSeparatedList(
                VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, PredefinedType(Token(SyntaxKind.StringKeyword)), IdentifierName("Empty")))))))
            .AddModifiers(Token(SyntaxKind.PrivateKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary><c>new AuthorizationCodeTokenRequest { … }</c> without a <c>CodeVerifier</c> the verifier can reach.</summary>
    private static IEnumerable<BaseObjectCreationExpressionSyntax> Redemptions(SemanticModel model, SyntaxNode node, bool inField, CancellationToken cancellationToken)
    {
        var requestType = WellKnownTypes.GetOrCreate(model.Compilation).GetIdentityModelClient(MetadataNames.DuendeAuthorizationCodeTokenRequest);
        SyntaxNode? scope = inField
            ? node.FirstAncestorOrSelf<ClassDeclarationSyntax>()
            : node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (requestType is null || scope is null)
        {
            yield break;
        }

        foreach (var creation in scope.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if ((inField || creation.SpanStart > node.Span.End)
                && model.GetOperation(creation, cancellationToken) is IObjectCreationOperation { Type: { } type }
                && SymbolEqualityComparer.Default.Equals(type, requestType)
                && creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "CodeVerifier" }) != true)
            {
                yield return creation;
            }
        }
    }

    private static void SendVerifierAtRedemption(DocumentEditor editor, SyntaxNode node, string verifierName, bool inField, CancellationToken cancellationToken)
    {
        foreach (var creation in Redemptions(editor.SemanticModel, node, inField, cancellationToken).ToList())
        {
            var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("CodeVerifier"), IdentifierName(verifierName));
            editor.ReplaceNode(creation, (current, _) =>
            {
                var updated = (BaseObjectCreationExpressionSyntax)current;
                return (updated.Initializer is { } initializer
                        ? updated.WithInitializer(initializer.AddExpressions(assignment))
                        : updated.WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(assignment))))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            });
        }
    }
}
