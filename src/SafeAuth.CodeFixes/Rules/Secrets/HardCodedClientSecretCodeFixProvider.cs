using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary><c></c>the AUTH302 fix: the hard-coded client secret becomes a configuration read or a SafeAuth `ClientSecretLoader` call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedClientSecretCodeFixProvider)), Shared]
public sealed class HardCodedClientSecretCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.HardCodedClientSecret);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(GetCandidatesAsync, SecretFix.FindNode);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = SecretFix.FindNode(root, diagnostic);
            if (node is null)
            {
                continue;
            }

            var candidates = await GetCandidatesAsync(context.Document, node, context.CancellationToken).ConfigureAwait(false);
            foreach (var candidate in candidates)
            {
                var document = context.Document;
                context.RegisterCodeFix(CodeAction.Create(candidate.Title, ct => candidate.Apply(document, node, ct), candidate.EquivalenceKey), diagnostic);
            }
        }
    }

    private static async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        // Fix All hands over only the node: the algorithm (the loader's length check) is read from the code around it.
        var algorithm = await SecretFixAlgorithm.FindAsync(document, node, cancellationToken).ConfigureAwait(false);
        return await SecretFix.GetCandidatesAsync(document, node, RuleIds.HardCodedClientSecret, SecretSetting.ClientSecret, algorithm, cancellationToken).ConfigureAwait(false);
    }
}
