using SafeAuth.Catalog;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>The catalog generator itself: its check mode fails on a hand edit, and writing makes the copy current again.</summary>
public class CatalogGeneratorTests
{
    [Fact]
    public void Check_FailsOnAHandEditOfAGeneratedTable_AndWritingRepairsIt()
    {
        using var copy = new RepositoryCopy();
        var readme = copy.Path("README.md");
        File.WriteAllText(readme, File.ReadAllText(readme).Replace("| Token issued without expiry |", "| Token issued without any expiry |", StringComparison.Ordinal));
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(1, Program.Run(copy.Root, check: true, output, error));
        Assert.Contains("README.md is out of date at line", error.ToString());
        Assert.Contains("want: | [AUTH201](docs/rules/AUTH201.md) | Token issued without expiry |", error.ToString());

        Assert.Equal(0, Program.Run(copy.Root, check: false, output, error));
        Assert.Contains("wrote README.md", output.ToString());
        Assert.Equal(0, Program.Run(copy.Root, check: true, TextWriter.Null, TextWriter.Null));
        Assert.Equal(File.ReadAllText(Path.Combine(Catalog.RepositoryRoot, "README.md")), File.ReadAllText(readme));
    }

    [Fact]
    public void Check_FailsOnAHandEditOfAPresetOrARulePageHeader()
    {
        using var copy = new RepositoryCopy();
        var preset = copy.Path("src/SafeAuth.Analyzers.Package/configuration/all-errors.globalconfig");
        File.WriteAllText(preset, File.ReadAllText(preset).Replace("AUTH101.severity = error", "AUTH101.severity = warning", StringComparison.Ordinal));
        var page = copy.Path("docs/rules/AUTH304.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("| Code fix | No |", "| Code fix | Yes |", StringComparison.Ordinal));
        var error = new StringWriter();

        Assert.Equal(1, Program.Run(copy.Root, check: true, TextWriter.Null, error));
        Assert.Contains("all-errors.globalconfig is out of date", error.ToString());
        Assert.Contains("docs/rules/AUTH304.md is out of date", error.ToString());
    }

    [Fact]
    public void MissingRulePage_IsStartedFromTheTemplate_WhichTheMetaTestsReject()
    {
        using var copy = new RepositoryCopy();
        File.Delete(copy.Path("docs/rules/AUTH502.md"));

        Assert.Equal(0, Program.Run(copy.Root, check: false, TextWriter.Null, TextWriter.Null));
        var page = File.ReadAllText(copy.Path("docs/rules/AUTH502.md"));
        Assert.StartsWith("# AUTH502: Authorization code flow without PKCE\n\n| Property | Value |", page, StringComparison.Ordinal);
        Assert.Contains("| `dotnet_diagnostic.AUTH502.severity` |", page);
        Assert.Contains("#pragma warning disable AUTH502", page);
        Assert.Contains(RulePageTemplate.Marker, page);
    }

    [Fact]
    public void MissingMarkers_AreAUserError_NotACrash()
    {
        using var copy = new RepositoryCopy();
        File.WriteAllText(copy.Path("README.md"), "# SafeAuth\n");
        var error = new StringWriter();

        Assert.Equal(2, Program.Run(copy.Root, check: true, TextWriter.Null, error));
        Assert.Contains("README.md needs the markers <!-- rules --> and <!-- /rules -->", error.ToString());
        Assert.Equal(2, Program.Run(Path.GetTempPath(), check: true, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void Unshipped_ListsEveryRuleNotShipped_AndShippedKeepsOnlyItsDocLinksCurrent()
    {
        var shipped = "## Release 0.1.0\n\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\n"
            + "AUTH101 | Security | Warning | JwtReadWithoutValidationAnalyzer, [Documentation](https://example.invalid/old.md)\n";
        var unshipped = "; Unshipped analyzer release\n\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\n"
            + "AUTH102 | Security | Error | stale notes\n";

        var newUnshipped = ReleaseTracking.Unshipped(unshipped, shipped);
        var newShipped = ReleaseTracking.Shipped(shipped);

        Assert.DoesNotContain("AUTH101 |", newUnshipped);
        Assert.Contains(CatalogDocuments.ReleaseLine("AUTH102") + "\n", newUnshipped);
        Assert.Contains(CatalogDocuments.ReleaseLine("AUTH901") + "\n", newUnshipped);
        Assert.DoesNotContain("stale notes", newUnshipped);
        Assert.Equal(Catalog.RuleIdConstants.Length - 1, newUnshipped.Split('\n').Count(l => l.StartsWith("AUTH", StringComparison.Ordinal)));
        Assert.Contains("AUTH101 | Security | Warning | JwtReadWithoutValidationAnalyzer, [Documentation](https://github.com/safeauth/SafeAuth/blob/main/docs/rules/AUTH101.md)", newShipped);
        Assert.Contains("## Release 0.1.0", newShipped);
    }

    [Fact]
    public void Unshipped_WithoutANewRulesSection_GetsOne()
    {
        var text = ReleaseTracking.Unshipped("; Unshipped analyzer release\n", "");

        Assert.Contains("\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nAUTH101 |", text);
    }

    [Theory]
    [InlineData(new[] { "AUTH101" }, "AUTH101")]
    [InlineData(new[] { "AUTH402", "AUTH401" }, "AUTH401, AUTH402")]
    [InlineData(new[] { "AUTH101", "AUTH301", "AUTH302", "AUTH303", "AUTH304", "AUTH401", "AUTH402", "AUTH501" }, "AUTH101, AUTH301–AUTH304, AUTH401, AUTH402, AUTH501")]
    [InlineData(new[] { "AUTH201", "AUTH202", "AUTH203", "AUTH205" }, "AUTH201–AUTH203, AUTH205")]
    public void IdList_WritesRunsOfThreeAsARange(string[] ids, string expected) =>
        Assert.Equal(expected, CatalogDocuments.IdList(ids));

    [Fact]
    public void KnownTypes_ListsEveryMetadataNameUnderItsFamily()
    {
        var text = CatalogGenerator.KnownTypes(Catalog.RepositoryRoot);

        Assert.Contains("## Browser\n", text);
        Assert.Contains("| `IJSRuntime` | `Microsoft.JSInterop.IJSRuntime` | Microsoft.JSInterop |", text);
        Assert.Contains("## Shared\n", text);
        Assert.Contains("| `JwtSecurityTokenHandler` | `System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler` |", text);
        Assert.Equal(MetadataNameTests.AllNames().Count, text.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal)));
    }

    /// <summary>The files the generator reads and writes, copied to a temporary folder.</summary>
    private sealed class RepositoryCopy : IDisposable
    {
        public RepositoryCopy()
        {
            Root = Directory.CreateTempSubdirectory("safeauth-catalog-").FullName;
            foreach (var file in CatalogGenerator.Generate(Catalog.RepositoryRoot).Select(f => f.RelativePath)
                         .Concat(new[] { "Analyzers.sln" })
                         .Concat(Directory.GetFiles(System.IO.Path.Combine(Catalog.RepositoryRoot, CatalogGenerator.MetadataNamesDirectory), "MetadataNames*.cs")
                             .Select(f => System.IO.Path.GetRelativePath(Catalog.RepositoryRoot, f))))
            {
                var target = Path(file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(System.IO.Path.Combine(Catalog.RepositoryRoot, file), target);
            }
        }

        public string Root { get; }

        public string Path(string relative) => System.IO.Path.Combine(Root, relative);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
