using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

// AUTH101 fixes outside IdentityModel: Jwt.Net's builder, jose-jwt, and hand-rolled payload decoding.
public sealed partial class JwtReadWithoutValidationCodeFixProvider
{
    private static async Task<Document> FixJwtNetBuilderAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax decodeAccess })
        {
            return document;
        }

        // Prefer turning an explicit opt-out in the fluent chain around.
        for (ExpressionSyntax? receiver = decodeAccess.Expression; receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; receiver = access.Expression)
        {
            if (access.Name.Identifier.ValueText == "DoNotVerifySignature")
            {
                return await SyntaxEdits.ReplaceAsync(document, access.Name, IdentifierName("MustVerifySignature"), cancellationToken).ConfigureAwait(false);
            }

            if (access.Name.Identifier.ValueText == "WithVerifySignature" && call.ArgumentList.Arguments.Count == 1)
            {
                return await SyntaxEdits.ReplaceAsync(document, call.ArgumentList.Arguments[0].Expression, LiteralExpression(SyntaxKind.TrueLiteralExpression), cancellationToken).ConfigureAwait(false);
            }
        }

        var verified = InvocationExpression(MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            decodeAccess.Expression.WithoutTrailingTrivia(),
            IdentifierName("MustVerifySignature")));
        return await SyntaxEdits.ReplaceAsync(document, decodeAccess.Expression, verified.WithTrailingTrivia(decodeAccess.Expression.GetTrailingTrivia()), cancellationToken).ConfigureAwait(false);
    }

    private static void AddJoseFix(ImmutableArray<FixCandidate>.Builder builder, SemanticModel model, SyntaxNode node, IInvocationOperation invocation)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax || syntax.ArgumentList.Arguments.Count == 0)
        {
            return;
        }

        var key = ScopeLookup.Find(model, node.SpanStart, (symbol, type) => LooksLikeKey(symbol.Name) && type.SpecialType != SpecialType.System_String);
        if (key is null)
        {
            return;
        }

        var method = invocation.TargetMethod;
        string newName;
        switch (method.Name)
        {
            case "Payload" when method.IsGenericMethod:
            case "Decode":
                newName = "Decode";
                break;
            case "Payload":
                newName = "Verify";
                break;
            case "PayloadBytes":
                newName = "VerifyBytes";
                break;
            case "DecodeBytes":
                newName = "DecodeBytes";
                break;
            default:
                return;
        }

        builder.Add(new FixCandidate($"Verify the signature with '{key.Name}'", JoseKeyKey, (doc, n, ct) =>
        {
            SimpleNameSyntax name = access.Name is GenericNameSyntax generic
                ? generic.WithIdentifier(Identifier(newName))
                : IdentifierName(newName);
            var arguments = syntax.ArgumentList.Arguments;
            var kept = newName is "Decode" or "DecodeBytes" && !method.Name.StartsWith("Payload", StringComparison.Ordinal)
                ? arguments.Skip(2)
                : Enumerable.Empty<ArgumentSyntax>();
            var replacement = syntax
                .WithExpression(access.WithName(name))
                .WithArgumentList(syntax.ArgumentList.WithArguments(SeparatedList(
                    new[] { arguments[0], Argument(IdentifierName(key.Name)) }.Concat(kept))));
            return SyntaxEdits.ReplaceAsync(doc, n, replacement, ct);
        }));
    }

    private static bool LooksLikeKey(string name) =>
        name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;

    private static void AddHandRolledFix(ImmutableArray<FixCandidate>.Builder builder, SemanticModel model, IInvocationOperation parse, WellKnownTypes types, RegistrationPlan? setup)
    {
        var strictJwt = types.Get(MetadataNames.SafeAuthStrictJwt);
        if (strictJwt is null || setup is null || !HandRolledDecoding.TryFindPayloadSegment(parse.Arguments[0].Value, out var element, out var split)
            || split.Instance?.Syntax is not ExpressionSyntax tokenSyntax
            || element.Syntax is not ExpressionSyntax elementSyntax
            // The segment read in a helper of the project: its other callers would change too.
            || elementSyntax.SyntaxTree != parse.Syntax.SyntaxTree
            || elementSyntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() != parse.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>())
        {
            return;
        }

        // The token text must be nameable where the segment is read.
        if (model.GetSymbolInfo(tokenSyntax).Symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
            || tokenSyntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return;
        }

        builder.Add(new FixCandidate("Decode the payload of a token validated with SafeAuth StrictJwt" + setup.TitleSuffix, StrictJwtKey, async (doc, _, ct) =>
        {
            var editor = await DocumentEditor.CreateAsync(doc, ct).ConfigureAwait(false);
            var validated = MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                        (ExpressionSyntax)editor.Generator.TypeExpression(strictJwt).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation),
                        IdentifierName("ValidateJsonWebToken")),
                    ArgumentList(SingletonSeparatedList(Argument(tokenSyntax.WithoutTrivia())))),
                IdentifierName("EncodedPayload"));
            editor.ReplaceNode(elementSyntax, validated.WithTriviaFrom(elementSyntax));
            return editor.GetChangedDocument();
        }, setup.Registrations));
    }
}
