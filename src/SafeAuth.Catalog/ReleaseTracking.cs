using System.Text;
using System.Text.RegularExpressions;

namespace SafeAuth.Catalog;

/// <summary>
/// The release-tracking files read by the RS2000–RS2008 analyzers. Unshipped's "New Rules" table is regenerated from the
/// descriptors of every rule not yet in Shipped; in Shipped only the documentation links are kept current.
/// </summary>
public static class ReleaseTracking
{
    private const string NewRulesHeading = "### New Rules";
    private const string TableHeader = "Rule ID | Category | Severity | Notes\n--------|----------|----------|-------\n";
    private static readonly Regex RuleLine = new("^(?<id>AUTH[0-9]{3}) \\|", RegexOptions.Multiline);
    private static readonly Regex DocLink = new("\\[Documentation\\]\\([^)]*\\)");

    public static string Unshipped(string unshipped, string shipped)
    {
        var shippedIds = RuleLine.Matches(shipped).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        var rows = new StringBuilder();
        foreach (var (descriptor, _) in RuleCatalog.Descriptors)
        {
            if (!shippedIds.Contains(descriptor.Id))
            {
                rows.Append(CatalogDocuments.ReleaseLine(descriptor.Id)).Append('\n');
            }
        }

        var section = Regex.Match(unshipped, "^" + Regex.Escape(NewRulesHeading) + "\\n\\n(?<table>[^\\n]*\\|[^\\n]*\\n(?:[^#\\n][^\\n]*\\n)*)", RegexOptions.Multiline);
        var table = rows.Length == 0 ? "" : TableHeader + rows;
        if (section.Success)
        {
            var body = section.Groups["table"];
            return unshipped[..body.Index] + table + unshipped[(body.Index + body.Length)..];
        }

        return table.Length == 0 ? unshipped : unshipped.TrimEnd('\n') + "\n\n" + NewRulesHeading + "\n\n" + table;
    }

    public static string Shipped(string shipped) => string.Join("\n", shipped.Split('\n').Select(KeepLinkCurrent));

    private static string KeepLinkCurrent(string line)
    {
        var match = RuleLine.Match(line);
        if (!match.Success || !RuleCatalog.RuleIdConstants.Contains(match.Groups["id"].Value))
        {
            return line;
        }

        var link = $"[Documentation]({RuleCatalog.Descriptor(match.Groups["id"].Value).HelpLinkUri})";
        return DocLink.Replace(line, link);
    }
}
