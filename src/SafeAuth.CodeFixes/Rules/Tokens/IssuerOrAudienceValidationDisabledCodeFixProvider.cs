using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>AUTH103 fix: remove the assignment, so IdentityModel checks the issuer and audience again.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IssuerOrAudienceValidationDisabledCodeFixProvider)), Shared]
public sealed class IssuerOrAudienceValidationDisabledCodeFixProvider : CandidateCodeFixProvider
{
    internal const string RemoveAssignmentKey = "AUTH103.RemoveAssignment";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.IssuerOrAudienceValidationDisabled, RuleIds.SelfIssuedIssuerOrAudienceUnchecked);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        SyntaxEdits.FindReported(root, diagnostic)?.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (!SyntaxEdits.CanRemoveAssignment(node))
        {
            return Task.FromResult(ImmutableArray<FixCandidate>.Empty);
        }

        return Task.FromResult(ImmutableArray.Create(new FixCandidate(
            "Remove the assignment (issuer and audience are validated by default; set ValidIssuer/ValidAudience)",
            RemoveAssignmentKey,
            (doc, n, ct) => SyntaxEdits.RemoveAssignmentAsync(doc, n, ct))));
    }
}
