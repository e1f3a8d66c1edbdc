using System.Text.RegularExpressions;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Context;

/// <summary>
/// Rules read the context through <c>AnalysisScope</c> only: none reports past it or decides the project kind, test
/// code or an option of the context model on its own.
/// </summary>
public class ContextUseTests
{
    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Meta.Catalog.SourceFiles(Path.Combine("src", "SafeAuth.Analyzers", "Rules")))
        {
            data.Add(Path.GetRelativePath(Meta.Catalog.RepositoryRoot, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_UsesTheScope(string file)
    {
        var text = Meta.Catalog.ReadRepositoryFile(file);

        // AUTH901 reports the options themselves, wherever they are set.
        if (!file.EndsWith("InvalidOptionValueAnalyzer.cs", StringComparison.Ordinal))
        {
            Assert.DoesNotMatch(new Regex(@"\bcontext\.ReportDiagnostic\(|[A-Za-z]+Context\.ReportDiagnostic\("), text);
        }

        Assert.DoesNotContain("ProjectKindDetector.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SafeAuthOptionKeys.AnalyzeTestProjects", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SafeAuthOptionKeys.AnalyzeDevelopmentCode", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IsDevelopment", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAnalyzer_TakesTheScope()
    {
        var files = Meta.Catalog.SourceFiles(Path.Combine("src", "SafeAuth.Analyzers", "Rules"))
            .Select(f => Path.GetRelativePath(Meta.Catalog.RepositoryRoot, f)).Where(f => f.EndsWith("Analyzer.cs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files.Where(f => !f.EndsWith("InvalidOptionValueAnalyzer.cs", StringComparison.Ordinal)))
        {
            var text = Meta.Catalog.ReadRepositoryFile(file);
            Assert.True(text.Contains("AnalysisScope", StringComparison.Ordinal) || text.Contains("BrowserStorageAnalysis.", StringComparison.Ordinal)
                        || text.Contains("IssuerOrAudienceValidationDisabledAnalyzer.Register", StringComparison.Ordinal), file);
        }
    }
}
