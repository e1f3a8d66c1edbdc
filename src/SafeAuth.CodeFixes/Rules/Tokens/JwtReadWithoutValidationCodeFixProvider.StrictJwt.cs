using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

// AUTH101 fixes through SafeAuth's ambient StrictJwt, and the registration it needs to work.
public sealed partial class JwtReadWithoutValidationCodeFixProvider
{
    /// <summary>
    /// What a StrictJwt fix must add so the fixed code does not fail on every call: the validator bound to the
    /// <c>Jwt</c> settings, and in an app that references SafeAuth.AspNetCore the 401 challenge for refused tokens.
    /// </summary>
    private static Task<RegistrationPlan> StrictJwtSetupAsync(Document document, WellKnownTypes types, CancellationToken cancellationToken)
    {
        var wanted = types.Get(MetadataNames.SafeAuthStrictJwtChallenges) is null
            ? ImmutableArray.Create(Registrations.StrictJwtValidation)
            : ImmutableArray.Create(Registrations.StrictJwtValidation, Registrations.StrictJwtChallenges);
        return RegistrationPlan.ForAsync(document, wanted, cancellationToken);
    }

    /// <summary>
    /// Jwt.Net's <c>Decode(token)</c>/<c>Decode&lt;T&gt;(token)</c> and jose-jwt's <c>JWT.Payload(token)</c>/<c>Payload&lt;T&gt;(token)</c>
    /// return the payload (JSON, or deserialized): <c>StrictJwt.ValidatePayloadJson</c>/<c>ValidatePayload&lt;T&gt;</c>
    /// return the same, of a validated token.
    /// </summary>
    private static void AddStrictJwtPayloadFix(ImmutableArray<FixCandidate>.Builder builder, SyntaxNode node, IInvocationOperation invocation, WellKnownTypes types, RegistrationPlan? setup)
    {
        var strictJwt = types.Get(MetadataNames.SafeAuthStrictJwt);
        var method = invocation.TargetMethod;
        var token = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        if (strictJwt is null || setup is null || node is not InvocationExpressionSyntax || token?.Syntax is not ExpressionSyntax tokenSyntax
            || token.Type?.SpecialType != SpecialType.System_String
            || invocation.Arguments.Any(a => a.Parameter?.Ordinal > 0 && a.ArgumentKind == ArgumentKind.Explicit)
            || (method.IsGenericMethod && method.TypeArguments.Length != 1))
        {
            return;
        }

        var returnsJson = !method.IsGenericMethod && method.ReturnType.SpecialType == SpecialType.System_String;
        if (!returnsJson && !method.IsGenericMethod)
        {
            return;
        }

        var helper = returnsJson ? "ValidatePayloadJson" : "ValidatePayload";
        builder.Add(new FixCandidate($"Read the payload of a token validated with SafeAuth StrictJwt.{helper}{setup.TitleSuffix}", StrictJwtKey, async (doc, n, ct) =>
        {
            var editor = await DocumentEditor.CreateAsync(doc, ct).ConfigureAwait(false);
            var type = (ExpressionSyntax)editor.Generator.TypeExpression(strictJwt).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
            SimpleNameSyntax name = returnsJson
                ? IdentifierName(helper)
                : GenericName(Identifier(helper), TypeArgumentList(SingletonSeparatedList(
                    (TypeSyntax)editor.Generator.TypeExpression(method.TypeArguments[0]).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation))));
            var call = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, name),
                ArgumentList(SingletonSeparatedList(Argument(tokenSyntax.WithoutTrivia()))));
            editor.ReplaceNode(n, call.WithTriviaFrom(n));
            return editor.GetChangedDocument();
        }, setup.Registrations));
    }
}
