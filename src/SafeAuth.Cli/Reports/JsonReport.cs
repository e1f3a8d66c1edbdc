using System.Text.Json;

namespace SafeAuth.Cli.Reports;

/// <summary>The scan as one JSON document: summary, findings (with <c>isNew</c> under a baseline), projects and problems.</summary>
public static class JsonReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(ScanReport report)
    {
        var result = report.Result;
        var document = new
        {
            root = report.Root,
            summary = new
            {
                findings = result.Findings.Count,
                newFindings = report.NewFindings?.Count,
                projects = result.Projects.Count,
                problems = result.Problems.Count,
                byRule = result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            },
            findings = result.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                severity = f.Severity,
                message = f.Message,
                file = f.File,
                line = f.Line,
                column = f.Column,
                endLine = f.EndLine,
                endColumn = f.EndColumn,
                project = f.Project,
                fingerprint = f.Fingerprint,
                helpUri = result.Rules[f.RuleId].HelpLinkUri,
                hasCodeFix = report.FixableRules.Contains(f.RuleId),
                isNew = report.NewFindings is null ? (bool?)null : report.IsNew(f),
            }),
            projects = result.Projects,
            problems = result.Problems,
        };
        return JsonSerializer.Serialize(document, JsonOutput.Options);
    }
}
