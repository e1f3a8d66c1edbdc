using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>The AUTH302 fix: the hard-coded client secret becomes a configuration read or a SafeAuth `ClientSecretLoader` call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedClientSecretCodeFixProvider)), Shared]
public sealed class HardCodedClientSecretCodeFixProvider : CandidateCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.HardCodedClientSecret);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) => SecretFix.FindNode(root, diagnostic);

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Fix All hands over only the node: the algorithm (the loader's length check) is read from the code around it.
        var algorithm = await SecretFixAlgorithm.FindAsync(document, node, cancellationToken).ConfigureAwait(false);
        return await SecretFix.GetCandidatesAsync(document, node, RuleIds.HardCodedClientSecret, SecretSetting.ClientSecret, algorithm, cancellationToken).ConfigureAwait(false);
    }
}
