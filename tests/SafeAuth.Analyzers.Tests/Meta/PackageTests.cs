using System.Text.RegularExpressions;
using SafeAuth.Analyzers.Options;
using SafeAuth.Catalog;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>The package's MSBuild props and severity presets match what the analyzers declare.</summary>
public class PackageTests
{
    private const string PackageDirectory = "src/SafeAuth.Analyzers.Package";

    [Fact]
    public void CompilerVisibleProperties_MatchMSBuildProperties()
    {
        var props = Catalog.ReadRepositoryFile(PackageDirectory + "/build/SafeAuth.Analyzers.props");
        var declared = Regex.Matches(props, "<CompilerVisibleProperty Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value).OrderBy(x => x, StringComparer.Ordinal);
        var expected = MSBuildProperties.All.OrderBy(x => x, StringComparer.Ordinal);
        Assert.True(expected.SequenceEqual(declared),
            "build/SafeAuth.Analyzers.props must list exactly:\n" + string.Join("\n", expected.Select(p => $"    <CompilerVisibleProperty Include=\"{p}\" />")));
        Assert.Contains("SafeAuth.Analyzers.props", Catalog.ReadRepositoryFile(PackageDirectory + "/buildTransitive/SafeAuth.Analyzers.props"));
    }

    [Theory]
    [InlineData("default", "warning")]
    [InlineData("all-warnings", "warning")]
    [InlineData("all-errors", "error")]
    [InlineData("none", "none")]
    public void Preset_ListsEveryRuleOnceWithItsSeverity(string mode, string severity)
    {
        var text = Catalog.ReadRepositoryFile($"{PackageDirectory}/configuration/{mode}.globalconfig");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
        var expected = Catalog.Descriptors
            .Select(d => $"dotnet_diagnostic.{d.Descriptor.Id}.severity = {(mode == "default" ? RuleCatalog.DefaultSeverityWord(d.Descriptor) : severity)}")
            .ToList();
        Assert.True(expected.SequenceEqual(lines), $"{mode}.globalconfig must hold (run dotnet run --project src/SafeAuth.Catalog):\n" + string.Join("\n", expected));
        Assert.Equal(CatalogDocuments.Preset(mode, mode == "default" ? null : severity), text.Replace("\r\n", "\n"));
        Assert.Contains("is_global = true", text);
        Assert.Contains("global_level = -1", text);
    }

    [Fact]
    public void DefaultPreset_StatesEachDescriptorsDefaultSeverity()
    {
        var lines = Catalog.ReadRepositoryFile($"{PackageDirectory}/configuration/default.globalconfig").Split('\n').Select(l => l.Trim()).ToHashSet();
        foreach (var (descriptor, _) in Catalog.Descriptors)
        {
            Assert.Contains($"dotnet_diagnostic.{descriptor.Id}.severity = {RuleCatalog.DefaultSeverityWord(descriptor)}", lines);
        }
    }

    [Fact]
    public void SamplesExpectedDiagnostics_AreDeclaredRules()
    {
        var expected = Catalog.ReadRepositoryFile("samples/expected-diagnostics.txt")
            .Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);
        foreach (var id in expected)
        {
            Assert.Contains(id, Catalog.RuleIdConstants);
        }
    }
}
