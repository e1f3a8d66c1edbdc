using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.KnownTypes;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// The <c>iat</c> and <c>nbf</c> an expiry fix adds next to <c>exp</c>: validators that follow RFC 8725 (SafeAuth's
/// StrictJwt among them) refuse a token that does not say when it was issued.
/// </summary>
internal static class IssuedTimes
{
    /// <summary>The string keys of a dictionary initializer: <c>{ "iat", … }</c> and <c>["iat"] = …</c>.</summary>
    public static ImmutableHashSet<string?> NamesIn(InitializerExpressionSyntax? initializer) =>
        initializer is null
            ? ImmutableHashSet<string?>.Empty
            : initializer.Expressions.Select(e => e switch
            {
                InitializerExpressionSyntax { Expressions.Count: 2 } pair when pair.Expressions[0] is LiteralExpressionSyntax key => key.Token.ValueText,
                AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } access }
                    when access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key => key.Token.ValueText,
                _ => null,
            }).ToImmutableHashSet();

    /// <summary><c>iat</c> and <c>nbf</c> as NumericDates of now, each unless <paramref name="present"/> names it.</summary>
    public static IEnumerable<(string Name, ExpressionSyntax Value)> Missing(ImmutableHashSet<string?> present, SyntaxGenerator generator, Compilation compilation)
    {
        foreach (var name in new[] { "iat", "nbf" })
        {
            if (!present.Contains(name))
            {
                yield return (name, ExpirySyntax.UnixSecondsNow(generator, compilation));
            }
        }
    }

    /// <summary>
    /// <c>new JwtSecurityToken(issuer, audience, claims, notBefore, expires, signingCredentials)</c> cannot carry <c>iat</c>:
    /// it becomes <c>new JwtSecurityToken(new JwtHeader(signingCredentials), new JwtPayload(issuer, audience, claims,
    /// notBefore ?? now, now + lifetime, now))</c>, the same token with <c>iat</c>, <c>nbf</c> and <c>exp</c>.
    /// </summary>
    public static bool TryRewriteJwtSecurityToken(DocumentEditor editor, BaseObjectCreationExpressionSyntax creation, TimeSpan lifetime)
    {
        var compilation = editor.SemanticModel.Compilation;
        var types = WellKnownTypes.GetOrCreate(compilation);
        if (editor.SemanticModel.GetOperation(creation) is not IObjectCreationOperation { Constructor: { } constructor } operation
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, types.Get(MetadataNames.JwtSecurityToken))
            || !constructor.Parameters.Any(p => p.Name == "expires")
            || types.Get(MetadataNames.JwtHeader) is not { } headerType || types.Get(MetadataNames.JwtPayload) is not { } payloadType)
        {
            return false;
        }

        ExpressionSyntax? Given(string name) =>
            operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name && a.ArgumentKind == ArgumentKind.Explicit)?.Value.Syntax is ExpressionSyntax value
            && !value.IsKind(SyntaxKind.NullLiteralExpression) && !value.IsKind(SyntaxKind.DefaultLiteralExpression)
                ? value.WithoutTrivia()
                : null;

        var generator = editor.Generator;
        ExpressionSyntax TypeOf(INamedTypeSymbol type) => (ExpressionSyntax)generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        ExpressionSyntax Null() => LiteralExpression(SyntaxKind.NullLiteralExpression);
        var now = ExpirySyntax.UtcNow(generator, compilation, "System.DateTime");

        var credentials = Given("signingCredentials");
        var header = ObjectCreationExpression((TypeSyntax)TypeOf(headerType))
            .WithArgumentList(credentials is null ? ArgumentList() : ArgumentList(SingletonSeparatedList(Argument(credentials))));
        var payload = ObjectCreationExpression((TypeSyntax)TypeOf(payloadType)).WithArgumentList(ArgumentList(SeparatedList(new[]
        {
            Argument(Given("issuer") ?? Null()),
            Argument(Given("audience") ?? Null()),
            Argument(Given("claims") ?? Null()),
            Argument(NameColon("notBefore"), default, Given("notBefore") ?? now),
            Argument(NameColon("expires"), default, ExpirySyntax.AddSpan(now, lifetime)),
            Argument(NameColon("issuedAt"), default, now),
        })));
        var rewritten = creation is ObjectCreationExpressionSyntax explicitCreation
            ? explicitCreation.WithArgumentList(ArgumentList(SeparatedList(new[] { Argument(header), Argument(payload) }))).WithInitializer(null)
            : (ExpressionSyntax)ObjectCreationExpression((TypeSyntax)TypeOf((INamedTypeSymbol)constructor.ContainingType))
                .WithArgumentList(ArgumentList(SeparatedList(new[] { Argument(header), Argument(payload) })));
        editor.ReplaceNode(creation, rewritten.WithTriviaFrom(creation).WithAdditionalAnnotations(Formatter.Annotation));
        return true;
    }
}
