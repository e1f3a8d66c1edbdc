using System;
using System.Collections.Generic;
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
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Rules.Tokens;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>
/// AUTH201 fix: give the token an expiry of <c>safeauth.default_token_lifetime</c> in the idiom of its API:
/// <c>expires:</c>, <c>Expires =</c>, an <c>"exp"</c> entry or member, or <c>AddClaim(ClaimName.ExpirationTime, …)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenWithoutExpiryCodeFixProvider)), Shared]
public sealed class TokenWithoutExpiryCodeFixProvider : CandidateCodeFixProvider
{
    internal const string AddExpiryKey = "AUTH201.AddExpiry";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.TokenWithoutExpiry);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        Shape(diagnostic) == TokenWithoutExpiryAnalyzer.FixShape.None || diagnostic.Location.SourceSpan.End > root.FullSpan.End
            ? null
            : root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Task.FromResult(ImmutableArray.Create(FixCandidate.WithEditor(
            "Add an expiry of " + Analyzers.Options.DurationParser.Describe(Lifetime(diagnostic))
            + (Shape(diagnostic) == TokenWithoutExpiryAnalyzer.FixShape.DescriptorExpires ? string.Empty : ", with iat and nbf"),
            AddExpiryKey,
            (editor, n, _) => Apply(editor, diagnostic, n))));

    private static TokenWithoutExpiryAnalyzer.FixShape Shape(Diagnostic diagnostic) =>
        FixProperties.Text(diagnostic, FixProperties.Shape) is { } text
        && Enum.TryParse<TokenWithoutExpiryAnalyzer.FixShape>(text, out var shape)
            ? shape
            : TokenWithoutExpiryAnalyzer.FixShape.None;

    private static TimeSpan Lifetime(Diagnostic diagnostic) =>
        ExpirySyntax.SecondsProperty(diagnostic, FixProperties.LifetimeSeconds, TimeSpan.FromMinutes(15));

    private static bool Apply(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode node)
    {
        var lifetime = Lifetime(diagnostic);
        var applied = Shape(diagnostic) switch
        {
            TokenWithoutExpiryAnalyzer.FixShape.ExpiresArgument => SetExpiresArgument(editor, diagnostic, node, lifetime),
            TokenWithoutExpiryAnalyzer.FixShape.DescriptorExpires => AddToInitializer(
                editor,
                node,
                AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("Expires"), ExpirySyntax.UtcNowPlus(editor.Generator, editor.SemanticModel.Compilation, lifetime)),
                SyntaxKind.ObjectInitializerExpression),
            TokenWithoutExpiryAnalyzer.FixShape.DictionaryEntry => AddDictionaryEntry(editor, node, lifetime),
            TokenWithoutExpiryAnalyzer.FixShape.AnonymousMember => AddAnonymousMember(editor, node, lifetime),
            TokenWithoutExpiryAnalyzer.FixShape.BuilderClaim => AddBuilderClaim(editor, node, lifetime),
            _ => false,
        };
        return applied;
    }

    /// <summary><c>expires: DateTime.UtcNow.Add…</c>: replaces an explicit <c>null</c>, or is appended to the constructor's arguments.</summary>
    private static bool SetExpiresArgument(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode node, TimeSpan lifetime)
    {
        var expires = ExpirySyntax.UtcNowPlus(editor.Generator, editor.SemanticModel.Compilation, lifetime);
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } token && IssuedTimes.TryRewriteJwtSecurityToken(editor, token, lifetime))
        {
            return true;
        }

        if (FixProperties.Flag(diagnostic, FixProperties.ReplacesValue))
        {
            var value = node is ArgumentSyntax nullArgument ? nullArgument.Expression : node;
            editor.ReplaceNode(value, expires.WithTriviaFrom(value));
            return true;
        }

        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } ctor)
        {
            return false;
        }

        if (IssuedTimes.TryRewriteJwtSecurityToken(editor, ctor, lifetime))
        {
            return true;
        }

        editor.ReplaceNode(ctor, (current, _) =>
        {
            var creation = (BaseObjectCreationExpressionSyntax)current;
            var list = creation.ArgumentList ?? ArgumentList();
            var argument = Argument(NameColon(IdentifierName("expires")), default, expires);
            return creation.WithArgumentList(list.AddArguments(argument));
        });
        return true;
    }

    /// <summary>An <c>"exp"</c> entry: <c>{ "exp", … }</c> in a collection initializer, else <c>["exp"] = …</c>.</summary>
    private static bool AddDictionaryEntry(DocumentEditor editor, SyntaxNode node, TimeSpan lifetime)
    {
        var creationNode = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        var unix = ExpirySyntax.UnixSecondsFromNow(editor.Generator, editor.SemanticModel.Compilation, lifetime);
        var exp = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("exp"));
        var present = IssuedTimes.NamesIn(creationNode?.Initializer);
        var entries = IssuedTimes.Missing(present, editor.Generator, editor.SemanticModel.Compilation).Concat(new[] { ("exp", unix) });
        if (creationNode?.Initializer is { } existing && existing.IsKind(SyntaxKind.CollectionInitializerExpression))
        {
            return entries.Aggregate(false, (applied, entry) => AddToInitializer(editor, node, InitializerExpression(SyntaxKind.ComplexElementInitializerExpression,
                SeparatedList(new ExpressionSyntax[] { LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(entry.Item1)), entry.Item2 })), SyntaxKind.CollectionInitializerExpression) | applied);
        }

        return entries.Aggregate(false, (applied, entry) => AddToInitializer(editor, node, AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            ImplicitElementAccess(BracketedArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(entry.Item1)))))),
            entry.Item2), SyntaxKind.ObjectInitializerExpression) | applied);
    }

    private static bool AddAnonymousMember(DocumentEditor editor, SyntaxNode node, TimeSpan lifetime)
    {
        if (node.FirstAncestorOrSelf<AnonymousObjectCreationExpressionSyntax>() is not { } anonymous)
        {
            return false;
        }

        var present = anonymous.Initializers.Select(i => i.NameEquals?.Name.Identifier.ValueText).ToImmutableHashSet();
        var members = IssuedTimes.Missing(present, editor.Generator, editor.SemanticModel.Compilation)
            .Concat(new[] { ("exp", ExpirySyntax.UnixSecondsFromNow(editor.Generator, editor.SemanticModel.Compilation, lifetime)) })
            .Select(m => AnonymousObjectMemberDeclarator(NameEquals(m.Item1), m.Item2))
            .ToArray();
        editor.ReplaceNode(anonymous, (current, _) => ((AnonymousObjectCreationExpressionSyntax)current).AddInitializers(members).WithAdditionalAnnotations(Formatter.Annotation));
        return true;
    }

    /// <summary>Jwt.Net: <c>.AddClaim(ClaimName.ExpirationTime, …)</c> just before <c>Encode()</c>.</summary>
    private static bool AddBuilderClaim(DocumentEditor editor, SyntaxNode node, TimeSpan lifetime)
    {
        var compilation = editor.SemanticModel.Compilation;
        var claimName = WellKnownTypes.GetOrCreate(compilation).Get(MetadataNames.JwtNetClaimName);
        if (claimName is null || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access })
        {
            return false;
        }

        var claimNameSyntax = (ExpressionSyntax)editor.Generator.TypeExpression(claimName).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        var receiver = access.Expression;
        var chain = receiver.ToString();
        var claims = new List<(string Name, ExpressionSyntax Value)>();
        if (!chain.Contains("IssuedAt") && !chain.Contains("\"iat\""))
        {
            claims.Add(("IssuedAt", ExpirySyntax.UnixSecondsNow(editor.Generator, compilation)));
        }

        if (!chain.Contains("NotBefore") && !chain.Contains("\"nbf\""))
        {
            claims.Add(("NotBefore", ExpirySyntax.UnixSecondsNow(editor.Generator, compilation)));
        }

        claims.Add(("ExpirationTime", ExpirySyntax.UnixSecondsFromNow(editor.Generator, compilation, lifetime)));

        // One call per line when the chain is written one call per line, in the chain's own line ending.
        var dotTrivia = access.OperatorToken.LeadingTrivia;
        var lineEnd = receiver.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var lineBreak = dotTrivia.Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) && lineEnd.IsKind(SyntaxKind.EndOfLineTrivia);
        ExpressionSyntax current = receiver.WithoutTrailingTrivia();
        foreach (var (name, value) in claims)
        {
            if (lineBreak)
            {
                current = current.WithTrailingTrivia(lineEnd);
            }

            var dot = lineBreak ? Token(SyntaxKind.DotToken).WithLeadingTrivia(dotTrivia) : Token(SyntaxKind.DotToken);
            current = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, current, dot, IdentifierName("AddClaim")),
                ArgumentList(SeparatedList(new[]
                {
                    Argument(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, claimNameSyntax, IdentifierName(name))),
                    Argument(value),
                })));
        }

        editor.ReplaceNode(receiver, current.WithTrailingTrivia(receiver.GetTrailingTrivia()));
        return true;
    }

    /// <summary>Appends <paramref name="entry"/> to the creation's initializer, creating one of <paramref name="kind"/> when there is none.</summary>
    private static bool AddToInitializer(DocumentEditor editor, SyntaxNode node, ExpressionSyntax entry, SyntaxKind kind)
    {
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
        {
            return false;
        }

        editor.ReplaceNode(creation, (current, _) =>
        {
            var updated = (BaseObjectCreationExpressionSyntax)current;
            var initializer = updated.Initializer;
            if (initializer is null)
            {
                var withInitializer = updated.WithInitializer(InitializerExpression(kind, SingletonSeparatedList(entry)));
                if (withInitializer is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitCreation)
                {
                    // new T() { … } reads better as new T { … }.
                    withInitializer = explicitCreation.WithArgumentList(null).WithType(explicitCreation.Type.WithoutTrailingTrivia());
                }

                return withInitializer.WithAdditionalAnnotations(Formatter.Annotation);
            }

            // `Expires = null` (or `["exp"] = null`) is already there: give it the value instead of a second entry.
            if (entry is AssignmentExpressionSyntax newAssignment)
            {
                foreach (var existing in initializer.Expressions)
                {
                    if (existing is AssignmentExpressionSyntax oldAssignment && oldAssignment.Left.ToString() == newAssignment.Left.ToString())
                    {
                        return updated.ReplaceNode(oldAssignment.Right, newAssignment.Right.WithTriviaFrom(oldAssignment.Right)).WithAdditionalAnnotations(Formatter.Annotation);
                    }
                }
            }

            return updated.WithInitializer(initializer.WithExpressions(initializer.Expressions.Add(entry))).WithAdditionalAnnotations(Formatter.Annotation);
        });
        return true;
    }
}
