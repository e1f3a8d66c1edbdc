using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Rules.Secrets;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>
/// AUTH303 fix: the literal becomes a configuration read, or a SafeAuth loader call reading the environment. Literals
/// that must stay constants (<c>const</c>, attributes, default values, case labels) and interpolated text get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretLiteralInSourceCodeFixProvider)), Shared]
public sealed class SecretLiteralInSourceCodeFixProvider : CandidateCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SecretLiteralInSource);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) => SecretFix.FindNode(root, diagnostic);

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not LiteralExpressionSyntax literal || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)
            || SecretLiteralDetector.Detect(literal.Token.ValueText) is not { } kind)
        {
            return Task.FromResult(ImmutableArray<FixCandidate>.Empty);
        }

        var setting = kind switch
        {
            SecretLiteralKind.Jwt => SecretSetting.Token,
            SecretLiteralKind.PrivateKey => SecretSetting.PrivateKey,
            _ => SecretSetting.EntraClientSecret,
        };
        return SecretFix.GetCandidatesAsync(document, node, RuleIds.SecretLiteralInSource, setting, algorithm: null, cancellationToken);
    }
}
