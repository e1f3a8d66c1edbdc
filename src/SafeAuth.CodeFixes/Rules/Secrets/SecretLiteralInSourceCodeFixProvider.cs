using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Rules.Secrets;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>
/// AUTH303 fix: a constant or field holding the secret that nothing reads is deleted; otherwise the literal becomes a
/// configuration read, or a SafeAuth loader call reading the environment. Other literals that must stay constants
/// (attributes, default values, case labels) and interpolated text get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretLiteralInSourceCodeFixProvider)), Shared]
public sealed class SecretLiteralInSourceCodeFixProvider : CandidateCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SecretLiteralInSource);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) => SecretFix.FindNode(root, diagnostic);

    internal const string DeleteUnusedKey = "AUTH303.DeleteUnused";

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not LiteralExpressionSyntax literal || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)
            || SecretLiteralDetector.Detect(literal.Token.ValueText) is not { } kind)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        // A constant or field nothing reads: the leaked value only has to go (and be revoked where it was issued).
        if (await UnreferencedHolderAsync(document, literal, cancellationToken).ConfigureAwait(false) is { } holder)
        {
            return ImmutableArray.Create(new FixCandidate(
                "Delete the unused secret (revoke it where it was issued: it stays in the history)",
                DeleteUnusedKey,
                async (doc, n, ct) =>
                {
                    var root = await doc.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                    if (root is null || n.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax type } current)
                    {
                        return doc;
                    }

                    // The first member gone: the next one should not open the type with the blank line that separated them.
                    var index = type.Members.IndexOf(current);
                    var members = type.Members.RemoveAt(index);
                    if (index == 0 && members.Count > 0)
                    {
                        var leading = members[0].GetLeadingTrivia();
                        members = members.Replace(members[0], members[0].WithLeadingTrivia(leading.SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || (t.IsKind(SyntaxKind.WhitespaceTrivia) && t != leading.Last()))));
                    }

                    return doc.WithSyntaxRoot(root.ReplaceNode(type, type.WithMembers(members)));
                }));
        }

        var setting = kind switch
        {
            SecretLiteralKind.Jwt => SecretSetting.Token,
            SecretLiteralKind.PrivateKey => SecretSetting.PrivateKey,
            SecretLiteralKind.EntraClientSecret => SecretSetting.EntraClientSecret,
            SecretLiteralKind.StripeSecretKey => SecretSetting.StripeSecretKey,
            SecretLiteralKind.StripeWebhookSecret => SecretSetting.StripeWebhookSecret,
            SecretLiteralKind.AwsAccessKey => SecretSetting.AwsAccessKey,
            SecretLiteralKind.GitHubToken => SecretSetting.GitHubToken,
            SecretLiteralKind.SlackToken => SecretSetting.SlackToken,
            SecretLiteralKind.GoogleApiKey => SecretSetting.GoogleApiKey,
            SecretLiteralKind.SendGridKey => SecretSetting.SendGridKey,
            _ => SecretSetting.AzureSharedKey,
        };
        return await SecretFix.GetCandidatesAsync(document, node, RuleIds.SecretLiteralInSource, setting, algorithm: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The field declaration (one variable) whose initializer is <paramref name="literal"/>, when no code in the solution reads it.</summary>
    private static async Task<FieldDeclarationSyntax?> UnreferencedHolderAsync(Document document, LiteralExpressionSyntax literal, CancellationToken cancellationToken)
    {
        if (literal.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field }
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not IFieldSymbol symbol)
        {
            return null;
        }

        // A library's public member may be read by code outside the solution; an application's is not.
        if (symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
            && model.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary)
        {
            return null;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return references.Any(r => r.Locations.Any()) ? null : field;
    }
}
