using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Every fix (and Fix All) applied to every snippet a rule test expects findings in leaves no compiler error the snippet
/// did not already have, so a new rule's fix is covered without a hand-written test.
/// </summary>
public class FixesCompileTests
{
    private readonly ITestOutputHelper _output;

    public FixesCompileTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryFix_OnEveryPositiveSnippet_AddsNoCompilerError()
    {
        var harness = new AnalysisHarness();
        var snippets = 0;
        var results = 0;
        var failures = new List<string>();
        foreach (var snippet in SnippetCorpus.Load().Where(s => s.HasMarkup))
        {
            var (workspace, document) = harness.CreateDocument(snippet.Source);
            using (workspace)
            {
                var compilation = (await document.Project.GetCompilationAsync())!;
                var (diagnostics, exceptions) = await harness.AnalyzeAsync(compilation);
                Assert.Empty(exceptions);
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                snippets++;
                var before = Errors(compilation);
                foreach (var (title, fixedSource) in await harness.ApplyFixesAsync(document, diagnostics))
                {
                    results++;
                    var (fixedWorkspace, fixedDocument) = harness.CreateDocument(fixedSource);
                    using (fixedWorkspace)
                    {
                        var after = Errors((await fixedDocument.Project.GetCompilationAsync())!);
                        var added = after.Where(e => !before.Contains(e)).ToList();
                        if (added.Count > 0)
                        {
                            failures.Add($"{snippet.Origin}: '{title}' added {string.Join(", ", added)}\n--- fixed ---\n{fixedSource}");
                        }
                    }
                }
            }
        }

        var counts = $"[counts] fixes compile: {results} fixed documents from {snippets} snippets with findings";
        _output.WriteLine(counts);
        Assert.True(failures.Count == 0, counts + "\n" + string.Join("\n\n", failures));
        Assert.True(results > 0, "no fix was applied: " + counts);
    }

    /// <summary>Error IDs with their message, as a multiset key (count suffix) so one more of the same error is new.</summary>
    private static HashSet<string> Errors(Compilation compilation)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.Id + ": " + d.GetMessage()))
        {
            for (var i = 0; i < group.Count(); i++)
            {
                keys.Add(group.Key + " #" + i);
            }
        }

        return keys;
    }
}
