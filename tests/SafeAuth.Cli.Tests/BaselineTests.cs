using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeAuth.Cli.Scan;
using Xunit;

namespace SafeAuth.Cli.Tests;

public sealed class BaselineTests
{
    private static readonly DiagnosticDescriptor Rule = new("AUTH999", "t", "m {0}", "Security", DiagnosticSeverity.Warning, true);

    private static Finding FindingAt(string source, string flagged, string root = "/repo")
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/repo/src/App.cs");
        var start = source.IndexOf(flagged, StringComparison.Ordinal);
        var diagnostic = Diagnostic.Create(Rule, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(start, flagged.Length)), "x");
        return new FindingFactory(root).Create(diagnostic, "App");
    }

    [Fact]
    public void Fingerprint_SurvivesEditsElsewhereAndReindenting_ButNotAnEditOfTheFlaggedLine()
    {
        const string Source = "class C\n{\n    bool b = Check(false);\n}\n";
        var original = FindingAt(Source, "false");
        var moved = FindingAt("// a new comment\nusing System;\n\nclass C\n{\n        bool b = Check(false);\n}\n", "false");
        var edited = FindingAt("class C\n{\n    bool b = Check(false) && true;\n}\n", "false");

        Assert.Equal("src/App.cs", original.File);
        Assert.Equal(3, original.Line);
        Assert.Equal(6, moved.Line);
        Assert.Equal(original.Fingerprint, moved.Fingerprint);
        Assert.NotEqual(original.Fingerprint, edited.Fingerprint);
    }

    [Fact]
    public void RepeatedFindingsOnIdenticalLines_GetDistinctFingerprints()
    {
        const string Source = "class C\n{\n    bool a = Check(false);\n    bool a = Check(false);\n}\n";
        var tree = CSharpSyntaxTree.ParseText(Source, path: "/repo/src/App.cs");
        var factory = new FindingFactory("/repo");
        var first = factory.Create(Diagnostic.Create(Rule, Location.Create(tree, new(Source.IndexOf("false", StringComparison.Ordinal), 5)), "x"), "App");
        var second = factory.Create(Diagnostic.Create(Rule, Location.Create(tree, new(Source.LastIndexOf("false", StringComparison.Ordinal), 5)), "x"), "App");

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void NewFindings_MatchEachEntryOnce()
    {
        var finding = FindingAt("class C { bool b = false; }", "false");
        var baseline = Baseline.From(new[] { finding });

        Assert.Empty(baseline.NewFindings(new[] { finding }));
        Assert.Single(baseline.NewFindings(new[] { finding, finding }));
        Assert.Single(baseline.NewFindings(new[] { finding with { RuleId = "AUTH998" } }));
        Assert.Single(baseline.NewFindings(new[] { finding with { File = "src/Other.cs" } }));
    }

    [Fact]
    public void Read_RoundTrips_AndRefusesWhatIsNotABaseline()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "b.json");
        Baseline.From(new[] { FindingAt("class C { bool b = false; }", "false") }).Write(path);

        var read = Baseline.Read(path);

        var entry = Assert.Single(read.Findings);
        Assert.Equal("AUTH999", entry.RuleId);
        Assert.Equal("src/App.cs", entry.File);
        Assert.Contains("does not exist", Assert.Throws<BaselineException>(() => Baseline.Read(Path.Combine(folder.Path, "none.json"))).Message);
        Assert.Contains("not valid JSON", Assert.Throws<BaselineException>(() => Baseline.Read(folder.File("bad.json", "{"))).Message);
        Assert.Contains("not a SafeAuth baseline", Assert.Throws<BaselineException>(() => Baseline.Read(folder.File("other.json", "{\"tool\":\"x\",\"findings\":[]}"))).Message);
        Assert.Contains("has version 2", Assert.Throws<BaselineException>(() => Baseline.Read(folder.File("v2.json", "{\"version\":2,\"tool\":\"safeauth\",\"findings\":[]}"))).Message);
        Assert.Contains("without ruleId", Assert.Throws<BaselineException>(() => Baseline.Read(folder.File("e.json", "{\"version\":1,\"tool\":\"safeauth\",\"findings\":[{\"file\":\"a\"}]}"))).Message);
    }

    [Fact]
    public async Task ScanWithAnUnreadableBaseline_ExitsTwo()
    {
        var run = await CliRun.RunAsync("scan", Repository.Samples, "--baseline", Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }
}
