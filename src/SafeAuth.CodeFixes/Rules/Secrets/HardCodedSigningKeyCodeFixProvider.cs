using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Rules.Secrets;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>The AUTH301 fix: the hard-coded key becomes a configuration read or a SafeAuth `SigningKeyLoader` call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedSigningKeyCodeFixProvider)), Shared]
public sealed class HardCodedSigningKeyCodeFixProvider : CandidateCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.HardCodedSigningKey);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) => SecretFix.FindNode(root, diagnostic);

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // One element of a collection of keys: a move would give every element the same setting. The default of a bound
        // options property: a configuration read at the key would bypass the binding (the default goes in its class).
        if (FixProperties.Text(diagnostic, FixProperties.Shape) is HardCodedSigningKeyAnalyzer.ElementShape or HardCodedSigningKeyAnalyzer.OptionsDefaultShape)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        // Fix All hands over only the node: the algorithm (the loader's length check) is read from the code around it.
        var algorithm = await SecretFixAlgorithm.FindAsync(document, node, cancellationToken).ConfigureAwait(false);
        return await SecretFix.GetCandidatesAsync(document, node, RuleIds.HardCodedSigningKey, SecretSetting.SigningKey, algorithm, cancellationToken).ConfigureAwait(false);
    }
}
