using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace SafeAuth.Cli.Reports;

/// <summary>Findings grouped by rule (title, help link, file:line and message), problems, and a summary table.</summary>
public static class TextReport
{
    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ScanReport report)
    {
        var result = report.Result;
        foreach (var group in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = result.Rules[group.Key];
            console.MarkupLine($"[bold]{group.Key}[/] {Markup.Escape(rule.Title.ToString())} [dim]({group.Count()})[/]");
            console.MarkupLine($"  [link]{Markup.Escape(rule.HelpLinkUri)}[/]");
            foreach (var finding in group)
            {
                var marker = report.NewFindings is not null && report.IsNew(finding) ? "[yellow]new[/] " : "";
                console.MarkupLine($"  {marker}{Color(finding.Severity)} [cyan]{Markup.Escape(finding.Where)}[/] {Markup.Escape(finding.Message)}");
            }

            console.WriteLine();
        }

        if (result.Problems.Count > 0)
        {
            console.MarkupLine("[bold]Problems[/]");
            // One line per project and stage: a restore that fails for a whole solution repeats in every project.
            foreach (var group in result.Problems.GroupBy(p => (p.Project, p.Stage, p.Fatal)))
            {
                var problem = group.First();
                var what = problem.Fatal ? "[red]not analysed[/]" : "[yellow]warning[/]";
                var more = group.Count() > 1 ? $" [dim](and {group.Count() - 1} more; the JSON and SARIF reports list them)[/]" : "";
                console.MarkupLine($"  {what} [cyan]{Markup.Escape(problem.Project)}[/] {problem.Stage}: {Markup.Escape(problem.Reason)}{more}");
            }

            console.WriteLine();
        }

        if (result.Findings.Count > 0)
        {
            console.Write(Summary(report));
        }

        console.MarkupLine(Markup.Escape(SummaryLine(report)));
    }

    /// <summary>The one-line summary: findings, new findings under a baseline, files, projects and problems.</summary>
    public static string SummaryLine(ScanReport report)
    {
        var result = report.Result;
        var files = result.Findings.Select(f => f.File).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var fresh = report.NewFindings is null ? "" : $" ({report.NewFindings.Count} not in the baseline)";
        var failed = result.Problems.Count(p => p.Fatal);
        var partial = result.Projects.Count(p => p.CompilerErrors > 0);
        return $"{Plural(result.Findings.Count, "finding")}{fresh} in {Plural(files, "file")}; " +
               $"{Plural(result.Projects.Count, "project")} analysed" +
               (partial > 0 ? $", {partial} partially (compiler errors)" : "") +
               (failed > 0 ? $", {failed} could not be loaded" : "") + ".";
    }

    private static Table Summary(ScanReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Title").AddColumn("Severity").AddColumn(new TableColumn("Findings").RightAligned());
        if (report.NewFindings is not null)
        {
            table.AddColumn(new TableColumn("New").RightAligned());
        }

        table.AddColumn("Fix");
        foreach (var group in report.Result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = report.Result.Rules[group.Key];
            var row = new List<string>
            {
                group.Key,
                Markup.Escape(rule.Title.ToString()),
                Color(group.Max(f => f.Severity)),
                group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (report.NewFindings is not null)
            {
                row.Add(group.Count(report.IsNew).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            row.Add(report.FixableRules.Contains(group.Key) ? "yes" : "-");
            table.AddRow(row.ToArray());
        }

        return table;
    }

    private static string Color(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "[red]error[/]",
        DiagnosticSeverity.Warning => "[yellow]warning[/]",
        DiagnosticSeverity.Info => "[blue]info[/]",
        _ => "[dim]hidden[/]",
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
