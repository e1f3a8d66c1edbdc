using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Tests.Meta;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Context;

/// <summary>
/// The test-project gate holds for every rule, not only the rules that thought of it: each positive snippet of the rule
/// tests is silent when the project is a test project, and finds at least the same again with <c>safeauth.analyze_test_projects</c>.
/// </summary>
public class TestProjectGateTests
{
    [Fact]
    public async Task EveryRule_IsSilentInTestProjects_AndBackWithTheOption()
    {
        var harness = new AnalysisHarness();
        var failures = new List<string>();
        var rulesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snippet in SnippetCorpus.Load().Where(s => s.HasMarkup))
        {
            var (workspace, document) = harness.CreateDocument(snippet.Source);
            using (workspace)
            {
                var compilation = (await document.Project.GetCompilationAsync())!;
                var (normal, _) = await harness.AnalyzeAsync(compilation);
                var kind = ("build_property.SafeAuthProjectKind", "");
                if (normal.IsEmpty)
                {
                    // The native-app rules need the project to say what it is.
                    kind = ("build_property.SafeAuthProjectKind", "native");
                    (normal, _) = await harness.AnalyzeAsync(compilation, GlobalOptionsProvider.AnalyzerOptions(kind));
                    if (normal.IsEmpty)
                    {
                        continue;
                    }
                }

                rulesSeen.UnionWith(normal.Select(d => d.Id));
                var testProject = GlobalOptionsProvider.AnalyzerOptions(kind, ("build_property.IsTestProject", "true"));
                var optedIn = GlobalOptionsProvider.AnalyzerOptions(kind, ("build_property.IsTestProject", "true"), ("safeauth.analyze_test_projects", "true"));
                var (inTests, _) = await harness.AnalyzeAsync(compilation, testProject);
                if (!inTests.IsEmpty)
                {
                    failures.Add($"{snippet.Origin}: {string.Join(", ", inTests.Select(d => d.Id))} in a test project");
                }

                var (again, _) = await harness.AnalyzeAsync(compilation, optedIn);
                // Opting in finds at least what a non-test project finds (and the test code in it too).
                if (Ids(normal).Except(Ids(again)).Any())
                {
                    failures.Add($"{snippet.Origin}: with the option {string.Join(",", Ids(again))}, without a test project {string.Join(",", Ids(normal))}");
                }
            }
        }

        Assert.Empty(failures);

        // The corpus exercises every code rule (AUTH304 reads settings files, which the snippets do not have).
        var codeRules = Meta.Catalog.Descriptors.Select(d => d.Descriptor.Id).Where(id => id is not "AUTH304" and not "AUTH901");
        Assert.Empty(codeRules.Except(rulesSeen));
    }

    private static IEnumerable<string> Ids(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + "@" + d.Location.SourceSpan.Start).OrderBy(x => x, StringComparer.Ordinal);
}
