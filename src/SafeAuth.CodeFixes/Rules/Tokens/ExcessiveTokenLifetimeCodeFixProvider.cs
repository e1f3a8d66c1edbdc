using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH203 fix: clamp the expiry to now plus <c>safeauth.max_token_lifetime</c>, or the skew to <c>safeauth.max_clock_skew</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExcessiveTokenLifetimeCodeFixProvider)), Shared]
public sealed class ExcessiveTokenLifetimeCodeFixProvider : CandidateCodeFixProvider
{
    internal const string ClampKey = "AUTH203.Clamp";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ExcessiveTokenLifetime);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
    }

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var isSkew = FixProperties.Text(diagnostic, FixProperties.Kind) == FixProperties.ClockSkewKind;
        var max = ExpirySyntax.SecondsProperty(diagnostic, FixProperties.MaxSeconds, isSkew ? TimeSpan.FromMinutes(5) : TimeSpan.FromDays(1));
        var title = (isSkew ? "Clamp the clock skew to " : "Clamp the token lifetime to ") + Analyzers.Options.DurationParser.Describe(max);
        return Task.FromResult(ImmutableArray.Create(FixCandidate.WithEditor(title, ClampKey, (editor, n, ct) => Clamp(editor, (ExpressionSyntax)n, diagnostic, ct))));
    }

    private static bool Clamp(DocumentEditor editor, ExpressionSyntax expression, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var isSkew = FixProperties.Text(diagnostic, FixProperties.Kind) == FixProperties.ClockSkewKind;
        var model = editor.SemanticModel;
        var generator = editor.Generator;
        if (isSkew)
        {
            var maxSkew = ExpirySyntax.SecondsProperty(diagnostic, FixProperties.MaxSeconds, TimeSpan.FromMinutes(5));
            editor.ReplaceNode(expression, ExpirySyntax.FromSpan(generator, model.Compilation, maxSkew).WithTriviaFrom(expression));
            return true;
        }

        var max = ExpirySyntax.SecondsProperty(diagnostic, FixProperties.MaxSeconds, TimeSpan.FromDays(1));
        var operation = model.GetOperation(expression, cancellationToken);
        if (operation is null || !ExpiryValues.TryGetExpiry(operation, out var expiry)
            || expiry.Expression.Syntax is not ExpressionSyntax target)
        {
            return false;
        }

        ExpressionSyntax replacement;
        if (expiry.IsMaxValue || expiry.Now?.Syntax is not ExpressionSyntax now)
        {
            var typeName = expiry.Expression.Type?.Name == "DateTimeOffset" ? "System.DateTimeOffset" : "System.DateTime";
            replacement = ExpirySyntax.UtcNowPlus(generator, model.Compilation, max, typeName);
        }
        else
        {
            replacement = ExpirySyntax.AddSpan(now.WithoutTrivia(), max);
        }

        editor.ReplaceNode(target, replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation));
        return true;
    }
}
