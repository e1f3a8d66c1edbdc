using System.Text.Json;
using Xunit;

namespace SafeAuth.Cli.Tests;

/// <summary>One scan of the repository's samples (restored and loaded the SDK's way), shared by the tests below.</summary>
public sealed class SampleScan : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();

    public CliRun Run { get; private set; } = null!;

    public JsonElement Report { get; private set; }

    public string BaselinePath => Path.Combine(Folder.Path, "baseline.json");

    public async Task InitializeAsync()
    {
        var json = Path.Combine(Folder.Path, "scan.json");
        Run = await CliRun.RunAsync("scan", Repository.Samples, "--output", json, "--write-baseline", BaselinePath);
        Report = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }

    public IEnumerable<JsonElement> Findings => Report.GetProperty("findings").EnumerateArray();
}

public sealed class SampleScanTests : IClassFixture<SampleScan>
{
    private readonly SampleScan _scan;

    public SampleScanTests(SampleScan scan) => _scan = scan;

    [Fact]
    public void Samples_ExitWithFindings_AndReportEveryExpectedRule()
    {
        Assert.True(_scan.Run.ExitCode == 1, _scan.Run.Output + _scan.Run.Error);
        var rules = _scan.Findings.Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();
        Assert.Equal(Repository.ExpectedSampleRules.OrderBy(r => r), rules.OrderBy(r => r));
    }

    [Fact]
    public void Samples_CleanSampleHasNoFinding_AndOutsideProjectsAreNotReported()
    {
        var projects = _scan.Findings.Select(f => f.GetProperty("project").GetString()!).Distinct().ToArray();
        Assert.DoesNotContain("SafeAuth.Samples.Clean", projects);
        Assert.All(_scan.Findings, f => Assert.False(f.GetProperty("file").GetString()!.StartsWith("../", StringComparison.Ordinal)));
        var analysed = _scan.Report.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains("SafeAuth.Samples.Clean", analysed);
        Assert.DoesNotContain("SafeAuth", analysed);
    }

    [Fact]
    public void Samples_FindingsSitInCsRazorAndSettingsFiles()
    {
        var files = _scan.Findings.Select(f => f.GetProperty("file").GetString()!).ToArray();
        Assert.Contains(_scan.Findings, f => f.GetProperty("file").GetString()!.EndsWith(".razor", StringComparison.Ordinal) && f.GetProperty("ruleId").GetString() == "AUTH401");
        Assert.Contains(_scan.Findings, f => f.GetProperty("file").GetString()!.EndsWith("appsettings.json", StringComparison.Ordinal) && f.GetProperty("ruleId").GetString() == "AUTH304");
        Assert.Contains(_scan.Findings, f => f.GetProperty("file").GetString() == "SafeAuth.Samples.Violations/Auth/LenientJwtSetup.cs"
                                            && f.GetProperty("ruleId").GetString() == "AUTH102" && f.GetProperty("line").GetInt32() > 0);
        Assert.All(_scan.Findings.Where(f => f.GetProperty("file").GetString()!.Length > 0), f => Assert.True(f.GetProperty("line").GetInt32() > 0));
        // AUTH901 (an option value the sample sets wrong on purpose) is shown at the start of a file it applies to.
        var option = Assert.Single(_scan.Findings, f => f.GetProperty("ruleId").GetString() == "AUTH901");
        Assert.StartsWith("SafeAuth.Samples.Violations/", option.GetProperty("file").GetString());
        Assert.Equal(1, option.GetProperty("line").GetInt32());
        Assert.DoesNotContain(files, f => f.Length == 0);
    }

    [Fact]
    public void Samples_ConsoleShowsFindingsGroupedByRuleWithHelpLinkAndSummary()
    {
        var output = _scan.Run.Output;
        Assert.Contains("AUTH101 JWT claims trusted without signature validation", output);
        Assert.Contains("https://github.com/safeauth/SafeAuth/blob/main/docs/rules/AUTH101.md", output);
        Assert.Contains("SafeAuth.Samples.Violations/Auth/LenientJwtSetup.cs:", output);
        var count = _scan.Findings.Count();
        Assert.Contains($"{count} findings in ", output);
        Assert.Contains($"wrote {count} finding(s) to the baseline", _scan.Run.Error);
    }

    [Fact]
    public async Task Sarif_HasRuleMetadata_LocationsAndFingerprints()
    {
        var sarif = Path.Combine(_scan.Folder.Path, "scan.sarif");
        var run = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--output", sarif);
        Assert.Equal(1, run.ExitCode);
        var log = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var sarifRun = log.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.All(rules, r => Assert.Equal($"https://github.com/safeauth/SafeAuth/blob/main/docs/rules/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpUri").GetString()));
        Assert.True(rules.Single(r => r.GetProperty("id").GetString() == "AUTH101").GetProperty("properties").GetProperty("hasCodeFix").GetBoolean());
        var results = sarifRun.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(_scan.Findings.Count(), results.Length);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.Equal(32, result.GetProperty("partialFingerprints").GetProperty("safeAuthFingerprint/v1").GetString()!.Length);
        }

        Assert.EndsWith("/samples/", sarifRun.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());

        // Findings with a code fix carry it as SARIF fixes: applied to the file, the one for RequireSignedTokens = false removes it.
        var unsigned = results.Single(r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("RequireSignedTokens = false", StringComparison.Ordinal));
        var fix = unsigned.GetProperty("fixes")[0];
        Assert.Equal("Remove the assignment (signatures are validated by default)", fix.GetProperty("description").GetProperty("text").GetString());
        var change = Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray());
        var file = Path.Combine(Repository.Samples, change.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
        var original = File.ReadAllText(file);
        var fixedText = Apply(original, change.GetProperty("replacements").EnumerateArray());
        Assert.Contains("RequireSignedTokens = false", original);
        Assert.DoesNotContain("RequireSignedTokens", fixedText);
        Assert.True(fixedText.Length < original.Length, "the fix only removes text");
        Assert.DoesNotContain(results.Where(r => r.GetProperty("ruleId").GetString() == "AUTH304"), r => r.TryGetProperty("fixes", out _));
    }

    // Applies SARIF replacements (1-based line and column regions of the original text) from the last to the first.
    private static string Apply(string text, IEnumerable<JsonElement> replacements)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int Offset(JsonElement region, string line, string column) => lineStarts[region.GetProperty(line).GetInt32() - 1] + region.GetProperty(column).GetInt32() - 1;
        foreach (var replacement in replacements.OrderByDescending(r => Offset(r.GetProperty("deletedRegion"), "startLine", "startColumn")))
        {
            var region = replacement.GetProperty("deletedRegion");
            var start = Offset(region, "startLine", "startColumn");
            var end = Offset(region, "endLine", "endColumn");
            text = text[..start] + replacement.GetProperty("insertedContent").GetProperty("text").GetString() + text[end..];
        }

        return text;
    }

    [Fact]
    public async Task Baseline_OfTodaysFindings_Passes()
    {
        var run = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--baseline", _scan.BaselinePath, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var summary = JsonDocument.Parse(run.Output).RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("newFindings").GetInt32());
        Assert.Equal(_scan.Findings.Count(), summary.GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task Baseline_WithoutOneEntry_FailsOnExactlyThatFinding()
    {
        var baseline = JsonDocument.Parse(File.ReadAllText(_scan.BaselinePath)).RootElement;
        var entries = baseline.GetProperty("findings").EnumerateArray().ToList();
        var dropped = entries.First(e => e.GetProperty("ruleId").GetString() == "AUTH301");
        var trimmed = Path.Combine(_scan.Folder.Path, "trimmed.json");
        File.WriteAllText(trimmed, JsonSerializer.Serialize(new { version = 1, tool = "safeauth", findings = entries.Where(e => !e.Equals(dropped)) }));

        var run = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--baseline", trimmed, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var fresh = JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("isNew").GetBoolean()).ToArray();
        var only = Assert.Single(fresh);
        Assert.Equal(dropped.GetProperty("fingerprint").GetString(), only.GetProperty("fingerprint").GetString());
        Assert.Equal(dropped.GetProperty("file").GetString(), only.GetProperty("file").GetString());
    }

    [Fact]
    public async Task SeverityError_AndIncludeExclude_NarrowTheReport()
    {
        var errorsOnly = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--severity", "error", "--format", "json");
        Assert.Equal(0, JsonDocument.Parse(errorsOnly.Output).RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal(0, errorsOnly.ExitCode);

        var native = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--include", "SafeAuth.Samples.NativeClient/**", "--format", "json");
        var files = JsonDocument.Parse(native.Output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.StartsWith("SafeAuth.Samples.NativeClient/", f));

        var withoutSettings = await CliRun.RunAsync("scan", Repository.Samples, "--no-restore", "--exclude", "**/appsettings*.json", "**/*.razor", "--format", "json");
        var left = JsonDocument.Parse(withoutSettings.Output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToArray();
        Assert.DoesNotContain(left, f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));
        Assert.Equal(_scan.Findings.Count(f => !f.GetProperty("file").GetString()!.EndsWith(".json", StringComparison.Ordinal) && !f.GetProperty("file").GetString()!.EndsWith(".razor", StringComparison.Ordinal)), left.Length);
    }
}
