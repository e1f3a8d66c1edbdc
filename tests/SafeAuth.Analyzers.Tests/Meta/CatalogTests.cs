using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeAuth.Analyzers.Options;
using SafeAuth.Catalog;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Fails when a descriptor, its doc page, README row, release line or ID range drift apart. The generated parts are
/// compared with what <c>src/SafeAuth.Catalog</c> renders, so a failure is fixed by running it.
/// </summary>
public class CatalogTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var (descriptor, _) in Catalog.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Catalog.Descriptors.Single(d => d.Descriptor.Id == id).Descriptor;

    [Fact]
    public void EveryRuleIdHasOneDescriptor_AndIdsAreUnique()
    {
        var ids = Catalog.Descriptors.Select(d => d.Descriptor.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Catalog.RuleIdConstants, ids.Distinct().OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void RuleIdConstantNames_MatchAnalyzerNames()
    {
        foreach (var field in typeof(RuleIds).GetFields().Where(f => f.IsLiteral))
        {
            var id = (string)field.GetRawConstantValue()!;
            var analyzer = Catalog.Descriptors.Single(d => d.Descriptor.Id == id).Analyzer;
            Assert.Equal(field.Name + "Analyzer", analyzer.GetType().Name);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_IsWellFormed(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Matches("^AUTH[1-9][0-9]{2}$", id);
        Assert.Equal(RuleCategories.Security, descriptor.Category);
        Assert.Equal(DescriptorFactory.HelpLink(id), descriptor.HelpLinkUri);
        Assert.Equal($"https://github.com/safeauth/SafeAuth/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var title = descriptor.Title.ToString();
        Assert.False(title.EndsWith('.'), $"{id}: the title ends with a period");
        Assert.True(char.IsUpper(title[0]), $"{id}: the title starts in lower case");
        Assert.False(descriptor.MessageFormat.ToString().EndsWith('.'), $"{id}: the message ends with a period");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id}: no description");
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_CarriesTheSecurityTagAndItsCweIds_ExceptConfigurationRules(string id)
    {
        var tags = Descriptor(id).CustomTags.ToArray();
        var weaknesses = tags.Where(t => t.StartsWith("CWE-", StringComparison.Ordinal)).ToArray();
        if (id.StartsWith("AUTH9", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(DescriptorFactory.SecurityTag, tags);
            Assert.Empty(weaknesses);
            return;
        }

        Assert.Equal(DescriptorFactory.SecurityTag, tags[0]);
        Assert.NotEmpty(weaknesses);
        Assert.All(weaknesses, w => Assert.Matches("^CWE-[1-9][0-9]{1,3}$", w));
        Assert.Equal(DescriptorFactory.WeaknessesOf(id), weaknesses);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Id_IsInsideItsDeclaredRange(string id)
    {
        var ranges = Catalog.ReadRepositoryFile("src/SafeAuth.Analyzers/DiagnosticCategoryAndIdRanges.txt")
            .Split('\n')
            .Where(l => l.StartsWith(RuleCategories.Security + ":", StringComparison.Ordinal))
            .SelectMany(l => l[(l.IndexOf(':') + 1)..].Split(','))
            .Select(r => r.Trim().Split('-'))
            .Select(r => (From: int.Parse(r[0][4..]), To: int.Parse(r[1][4..])))
            .ToList();
        var number = int.Parse(id[4..]);
        Assert.True(ranges.Any(r => number >= r.From && number <= r.To), $"{id} is outside every range in DiagnosticCategoryAndIdRanges.txt");
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void DocPage_ExistsWithTitleAndSections(string id)
    {
        var descriptor = Descriptor(id);
        var path = Path.Combine(Catalog.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"Missing doc page docs/rules/{id}.md; it starts with:\n# {id}: {descriptor.Title}");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var text = File.ReadAllText(path);
        foreach (var section in new[] { "## Cause", "## Why it matters", "## How to fix", "## When to suppress", "## Configuration", "## Known limitations", "## Related rules" })
        {
            Assert.Contains(section, text);
        }

        Assert.Contains($"| ID | {id} |", text);
        Assert.Contains($"| Code fix | {(RuleCatalog.HasCodeFix(id) ? "Yes" : "No")} |", text);
        Assert.DoesNotContain(RulePageTemplate.Marker, text);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text);
        Assert.Contains($"#pragma warning disable {id}", text);
        Assert.Contains(descriptor.Description.ToString(), text);
    }

    [Fact]
    public void Readme_RuleTable_MatchesDescriptors()
    {
        var readme = Catalog.ReadRepositoryFile("README.md");
        var match = Regex.Match(readme, "<!-- rules -->\\r?\\n(?<table>.*?)<!-- /rules -->", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md needs a rule table between <!-- rules --> and <!-- /rules -->");
        Assert.Equal(CatalogDocuments.ReadmeTable(), match.Groups["table"].Value.Replace("\r\n", "\n"));
        foreach (var (descriptor, _) in Catalog.Descriptors)
        {
            Assert.Contains($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} |", match.Groups["table"].Value);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void ReleaseTracking_ListsRuleWithCategorySeverityAndDocLink(string id)
    {
        var descriptor = Descriptor(id);
        var analyzer = Catalog.Descriptors.Single(d => d.Descriptor.Id == id).Analyzer;
        var lines = (Catalog.ReadRepositoryFile("AnalyzerReleases.Shipped.md") + "\n" + Catalog.ReadRepositoryFile("AnalyzerReleases.Unshipped.md"))
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal))
            .ToList();
        var expected = $"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {analyzer.GetType().Name}, [Documentation]({descriptor.HelpLinkUri})";
        Assert.Equal(expected, CatalogDocuments.ReleaseLine(id));
        Assert.Contains(expected, lines);
    }

    [Fact]
    public void CodeFixes_AreExportedUnderTheirTypeName_AndFixKnownIds()
    {
        Assert.NotEmpty(Catalog.CodeFixes);
        foreach (var fix in Catalog.CodeFixes)
        {
            var type = fix.GetType();
            var export = type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().SingleOrDefault();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotNull(type.GetCustomAttributes(typeof(System.Composition.SharedAttribute), false).SingleOrDefault());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            foreach (var id in fix.FixableDiagnosticIds)
            {
                Assert.Contains(id, Catalog.RuleIdConstants);
            }

            Assert.NotNull(fix.GetFixAllProvider());
        }
    }

    [Fact]
    public void EveryOptionKey_IsDocumented()
    {
        var configuration = Catalog.ReadRepositoryFile("docs/configuration.md");
        var declared = typeof(SafeAuthOptionKeys).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && ((string)f.GetRawConstantValue()!).StartsWith(SafeAuthOptions.Prefix, StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(declared, SafeAuthOptionKeys.All.Select(o => o.Key).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var option in SafeAuthOptionKeys.All)
        {
            Assert.Contains($"| `{option.Key}` |", configuration);
            Assert.NotEmpty(option.RuleIds);
            foreach (var id in option.RuleIds)
            {
                Assert.Contains(id, Catalog.RuleIdConstants);
                Assert.Contains($"| `{option.Key}` | {option.Values} |", Catalog.ReadRepositoryFile($"docs/rules/{id}.md"));
            }
        }

        foreach (var property in MSBuildProperties.All.Where(p => p.StartsWith("SafeAuth", StringComparison.Ordinal)))
        {
            Assert.Contains(property, configuration);
        }
    }

    /// <summary>What the generator renders for the repository, computed once for every case below.</summary>
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Generated = new(() => CatalogGenerator.Generate(Catalog.RepositoryRoot));

    public static TheoryData<string> GeneratedPaths()
    {
        var data = new TheoryData<string>();
        foreach (var file in Generated.Value)
        {
            data.Add(file.RelativePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedPaths))]
    public void GeneratedFile_IsWhatTheCatalogRenders(string path)
    {
        var file = Generated.Value.Single(f => f.RelativePath == path);
        Assert.True(file.Current is not null, $"{path} is missing: run `dotnet run --project src/SafeAuth.Catalog`");
        Assert.Equal(file.Expected, file.Current!.Replace("\r\n", "\n"));
    }
}
