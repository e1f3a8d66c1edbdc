using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Crash hunting: broken variants of every test snippet and sample source (cut short, a run of tokens deleted, a span
/// duplicated, a closing brace removed) go through every analyzer and every fix. Any analyzer exception (AD0001) or
/// fix exception fails the test with the seed, the mutation and the variant, so it reproduces.
/// </summary>
public class MutationTests
{
    /// <summary>
    /// Fixed so a run reproduces. Set SAFEAUTH_MUTATION_SEED (and SAFEAUTH_MUTATION_VARIANTS) to explore other variants;
    /// a failure prints the seed to put back.
    /// </summary>
    public static readonly int Seed = int.TryParse(System.Environment.GetEnvironmentVariable("SAFEAUTH_MUTATION_SEED"), out var seed) ? seed : 20261129;
    private static readonly int MinimumVariants = int.TryParse(System.Environment.GetEnvironmentVariable("SAFEAUTH_MUTATION_VARIANTS"), out var count) ? count : 2000;
    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task BrokenVariants_NeverCrashAnalyzersOrFixes()
    {
        var corpus = SnippetCorpus.Load();
        Assert.NotEmpty(corpus);
        var harness = new AnalysisHarness();
        var random = new Random(Seed);
        var stopwatch = Stopwatch.StartNew();
        var variants = 0;
        var findings = 0;
        var failures = new List<string>();

        for (var round = 0; variants < MinimumVariants; round++)
        {
            foreach (var snippet in corpus)
            {
                var (kind, variant) = Mutate(snippet.Source, random);
                variants++;
                var (workspace, document) = harness.CreateDocument(variant);
                using (workspace)
                {
                    try
                    {
                        var compilation = (await document.Project.GetCompilationAsync())!;
                        var (diagnostics, exceptions) = await harness.AnalyzeAsync(compilation);
                        findings += diagnostics.Length;
                        foreach (var exception in exceptions)
                        {
                            failures.Add(Describe(snippet, round, kind, variant, exception));
                        }

                        if (!diagnostics.IsEmpty)
                        {
                            await harness.ApplyFixesAsync(document, diagnostics);
                        }
                    }
                    catch (Exception exception)
                    {
                        failures.Add(Describe(snippet, round, kind, variant, exception));
                    }
                }

                if (failures.Count >= 5)
                {
                    break;
                }
            }

            if (failures.Count >= 5)
            {
                break;
            }
        }

        var counts = $"[counts] mutation: {variants} variants of {corpus.Length} sources (seed {Seed}), {findings} findings, {harness.FixesApplied} fixes and {harness.FixAllApplied} Fix All applied, {stopwatch.Elapsed.TotalSeconds:F0}s";
        _output.WriteLine(counts);
        Assert.True(failures.Count == 0, counts + "\n" + string.Join("\n\n", failures));
        Assert.True(variants >= MinimumVariants, counts);
    }

    private static string Describe(Snippet snippet, int round, string kind, string variant, Exception exception) =>
        $"seed {Seed}, round {round}, source {snippet.Origin}, mutation {kind}:\n{exception}\n--- variant ---\n{variant}";

    /// <summary>One broken variant of <paramref name="source"/>.</summary>
    internal static (string Kind, string Variant) Mutate(string source, Random random)
    {
        var tokens = SyntaxFactory.ParseTokens(source).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        switch (random.Next(4))
        {
            case 0:
            {
                var cut = random.Next(source.Length + 1);
                return ($"cut at {cut}", source[..cut]);
            }

            case 1 when tokens.Count > 0:
            {
                var start = random.Next(tokens.Count);
                var length = 1 + random.Next(Math.Min(8, tokens.Count - start));
                var from = tokens[start].SpanStart;
                var to = tokens[start + length - 1].Span.End;
                return ($"deleted {length} tokens at {from}", source.Remove(from, to - from));
            }

            case 2 when source.Length > 0:
            {
                var from = random.Next(source.Length);
                var length = 1 + random.Next(Math.Min(80, source.Length - from));
                var at = random.Next(source.Length + 1);
                return ($"duplicated {from}..{from + length} at {at}", source.Insert(at, source.Substring(from, length)));
            }

            default:
            {
                var braces = tokens.Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
                if (braces.Count == 0)
                {
                    return ("unchanged", source);
                }

                var brace = braces[random.Next(braces.Count)];
                return ($"removed the closing brace at {brace.SpanStart}", source.Remove(brace.SpanStart, 1));
            }
        }
    }
}
