using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Catalog;

/// <summary>The generated parts of the repository's documents, each rendered from the descriptors and option definitions.</summary>
public static class CatalogDocuments
{
    public const string ReadmeStart = "<!-- rules -->";
    public const string ReadmeEnd = "<!-- /rules -->";
    public const string OptionsStart = "<!-- options -->";
    public const string OptionsEnd = "<!-- /options -->";

    /// <summary>The preset modes of <c>SafeAuthAnalysisMode</c>, each with the severity it gives every rule (<c>null</c>: the rule's default).</summary>
    public static readonly IReadOnlyList<(string Mode, string? Severity)> Presets = new (string, string?)[]
    {
        ("default", null),
        ("all-warnings", "warning"),
        ("all-errors", "error"),
        ("none", "none"),
    };

    /// <summary>The README rule table: ID · Title · Category · Default severity · Enabled by default · Code fix.</summary>
    public static string ReadmeTable()
    {
        var text = new StringBuilder()
            .Append("| ID | Title | Category | Default severity | Enabled by default | Code fix |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var (descriptor, _) in RuleCatalog.Descriptors)
        {
            text.Append(ReadmeRow(descriptor)).Append('\n');
        }

        return text.ToString();
    }

    public static string ReadmeRow(DiagnosticDescriptor descriptor)
    {
        var severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "❌ Error",
            DiagnosticSeverity.Warning => "⚠️ Warning",
            DiagnosticSeverity.Info => "ℹ️ Info",
            _ => "Hidden",
        };
        return $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {severity} | {YesNoMark(descriptor.IsEnabledByDefault)} | {YesNoMark(RuleCatalog.HasCodeFix(descriptor.Id))} |";
    }

    /// <summary>A rule page from line 1 to the description paragraph: title, property table, description.</summary>
    public static string RulePageHeader(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var source = RuleCatalog.AnalyzerSourcePath(RuleCatalog.AnalyzerOf(id));
        return new StringBuilder()
            .Append($"# {id}: {descriptor.Title}\n\n")
            .Append("| Property | Value |\n|---|---|\n")
            .Append($"| ID | {id} |\n")
            .Append($"| Category | {descriptor.Category} |\n")
            .Append($"| Default severity | {descriptor.DefaultSeverity} |\n")
            .Append($"| Enabled | {YesNo(descriptor.IsEnabledByDefault)} |\n")
            .Append($"| Code fix | {YesNo(RuleCatalog.HasCodeFix(id))} |\n")
            .Append($"| Source | [{Path.GetFileName(source)}](../../{source}) |\n\n")
            .Append(descriptor.Description).Append("\n\n")
            .ToString();
    }

    /// <summary>The table that opens a rule page's Configuration section: the severity, then every option the rule reads.</summary>
    public static string RuleConfigurationTable(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var text = new StringBuilder()
            .Append("| Key | Values | Default | Effect |\n|---|---|---|---|\n")
            .Append($"| `dotnet_diagnostic.{id}.severity` | `error`, `warning`, `suggestion`, `silent`, `none` | `{RuleCatalog.DefaultSeverityWord(descriptor)}` | severity |\n");
        foreach (var option in OptionsOf(id))
        {
            text.Append($"| `{option.Key}` | {option.Values} | {option.DefaultValue} | {option.Effect} |\n");
        }

        return text.ToString();
    }

    internal static IEnumerable<OptionDocumentation> OptionsOf(string id) =>
        SafeAuthOptionKeys.All.Where(o => o.RuleIds.Contains(id)).OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The options table of <c>docs/configuration.md</c>: every option with the rules that read it.</summary>
    public static string ConfigurationOptionsTable()
    {
        var text = new StringBuilder().Append("| Key | Values | Default | Rules | Effect |\n|---|---|---|---|---|\n");
        foreach (var option in SafeAuthOptionKeys.All.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase))
        {
            var effect = char.ToUpperInvariant(option.Effect[0]) + option.Effect[1..] + ".";
            text.Append($"| `{option.Key}` | {option.Values} | {option.DefaultValue} | {IdList(option.RuleIds)} | {effect} |\n");
        }

        return text.ToString();
    }

    /// <summary>A preset <c>.globalconfig</c>: one severity line per rule, at the lowest precedence.</summary>
    public static string Preset(string mode, string? severity)
    {
        var text = new StringBuilder()
            .Append($"# SafeAuth severity preset \"{mode}\" (SafeAuthAnalysisMode={mode}).\n")
            .Append("# Generated by src/SafeAuth.Catalog from the analyzers' descriptors; do not edit by hand.\n")
            .Append("# global_level = -1: any .editorconfig or .globalconfig of the project wins over these lines.\n")
            .Append("is_global = true\n")
            .Append("global_level = -1\n\n");
        foreach (var (descriptor, _) in RuleCatalog.Descriptors)
        {
            text.Append($"dotnet_diagnostic.{descriptor.Id}.severity = {severity ?? RuleCatalog.DefaultSeverityWord(descriptor)}\n");
        }

        return text.ToString();
    }

    /// <summary>A rule's release-tracking line (<c>AnalyzerReleases.*.md</c>), with the analyzer and the doc link.</summary>
    public static string ReleaseLine(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        return $"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {RuleCatalog.AnalyzerOf(id).GetType().Name}, [Documentation]({descriptor.HelpLinkUri})";
    }

    /// <summary>IDs as a list, with runs of three or more consecutive IDs written as a range (<c>AUTH301–AUTH304</c>).</summary>
    public static string IdList(IEnumerable<string> ids)
    {
        var numbers = ids.Select(id => int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                parts.Add($"AUTH{numbers[i]}–AUTH{numbers[j]}");
            }
            else
            {
                parts.AddRange(numbers.Skip(i).Take(j - i + 1).Select(n => $"AUTH{n}"));
            }

            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    /// <summary>Replaces the text between two marker lines (kept) with <paramref name="content"/>; the markers must exist.</summary>
    public static string ReplaceBetween(string text, string start, string end, string content, string file)
    {
        var match = Regex.Match(text, Regex.Escape(start) + "\\n(?<body>.*?)" + Regex.Escape(end), RegexOptions.Singleline);
        if (!match.Success)
        {
            throw new CatalogException($"{file} needs the markers {start} and {end} around its generated table");
        }

        var body = match.Groups["body"];
        return text[..body.Index] + content + text[(body.Index + body.Length)..];
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string YesNoMark(bool value) => value ? "✔️" : "❌";
}

/// <summary>A document the generator cannot update because its fixed structure is missing.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string message)
        : base(message)
    {
    }
}
