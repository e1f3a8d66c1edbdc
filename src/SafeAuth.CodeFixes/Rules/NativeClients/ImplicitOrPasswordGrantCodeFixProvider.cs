using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Rules.NativeClients;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.NativeClients;

/// <summary>
/// AUTH503 fix for the one shape with a safe rewrite: an implicit <c>ResponseType</c> on <c>OpenIdConnectOptions</c> or
/// Blazor WebAssembly's <c>OidcProviderOptions</c> becomes <c>"code"</c>; both libraries then run the authorization code
/// flow with PKCE themselves. Password grants and hand-built URLs change how sign-in works and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplicitOrPasswordGrantCodeFixProvider)), Shared]
public sealed class ImplicitOrPasswordGrantCodeFixProvider : CandidateCodeFixProvider
{
    internal const string CodeFlowKey = "AUTH503.CodeFlow";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ImplicitOrPasswordGrant);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        FixProperties.Text(diagnostic, FixProperties.Shape) == ImplicitOrPasswordGrantAnalyzer.ResponseTypeShape
            ? SyntaxEdits.FindReported(root, diagnostic) as AssignmentExpressionSyntax
            : null;

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Task.FromResult(ImmutableArray.Create(new FixCandidate(
            "Use the authorization code flow with PKCE (ResponseType = \"code\"; allow the code flow for this client at the identity provider)",
            CodeFlowKey,
            (doc, n, ct) => n is AssignmentExpressionSyntax assignment
                ? SyntaxEdits.ReplaceAsync(doc, assignment.Right, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("code")), ct)
                : Task.FromResult(doc))));
}
