using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
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

    internal override Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Without a ValidIssuer/ValidAudience (or an Authority, or JwtBearer's Audience) the default check refuses every
        // token: removing the opt-out would only move the failure from security to availability. No fix there.
        if (!SyntaxEdits.CanRemoveAssignment(node) || !FixProperties.Flag(diagnostic, FixProperties.HasExpectedValue))
        {
            return Task.FromResult(ImmutableArray<FixCandidate>.Empty);
        }

        return Task.FromResult(ImmutableArray.Create(new FixCandidate(
            "Remove the assignment (the issuer and audience are validated by default against the values already set)",
            RemoveAssignmentKey,
            (doc, n, ct) => SyntaxEdits.RemoveAssignmentAsync(doc, n, ct))));
    }
}
