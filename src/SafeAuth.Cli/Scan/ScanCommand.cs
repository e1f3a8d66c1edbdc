using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using SafeAuth.Cli.Reports;

namespace SafeAuth.Cli.Scan;

/// <summary>
/// <c>safeauth scan</c>: load, analyse, compare with a baseline, optionally fix, report. Exit codes: 0 no finding at or
/// above the threshold (and every project analysed), 1 findings at or above the threshold (new ones under a baseline),
/// 2 the scan could not analyse something (bad input, a project that did not load, an analyzer that failed).
/// </summary>
public static class ScanCommand
{
    /// <summary>No finding, everything analysed.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the threshold.</summary>
    public const int Findings = 1;

    /// <summary>Something could not be analysed.</summary>
    public const int Failed = 2;

    /// <summary>Runs the scan and writes its report; returns the exit code.</summary>
    public static async Task<int> RunAsync(ScanSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Path) && !Directory.Exists(settings.Path))
        {
            error.WriteLine($"safeauth: '{settings.Path}' is neither a file nor a folder.");
            return Failed;
        }

        Baseline? baseline = null;
        try
        {
            baseline = settings.Baseline is null ? null : Baseline.Read(settings.Baseline);
        }
        catch (BaselineException e)
        {
            error.WriteLine("safeauth: " + e.Message);
            return Failed;
        }

        var progress = ScanProgress.ForStandardError();
        var (result, fixSummary) = await progress.RunAsync(p => LoadAndScanAsync(settings, p, cancellationToken)).ConfigureAwait(false);
        var newFindings = baseline?.NewFindings(result.Findings);
        var report = new ScanReport(settings.Root, result, newFindings, Fixes.FixableRules);
        Write(settings, report, output);
        if (fixSummary is not null)
        {
            error.WriteLine(fixSummary);
        }

        if (settings.WriteBaseline is not null)
        {
            Baseline.From(result.Findings).Write(settings.WriteBaseline);
            error.WriteLine($"safeauth: wrote {result.Findings.Count} finding(s) to the baseline {settings.WriteBaseline}");
        }

        return ExitCode(report);
    }

    /// <summary>The exit code of a finished scan.</summary>
    public static int ExitCode(ScanReport report)
    {
        if (report.Counted.Count > 0)
        {
            return Findings;
        }

        var result = report.Result;
        return result.Projects.Count == 0 || result.Problems.Any(p => p.Fatal || p.Stage == "analyze") ? Failed : Clean;
    }

    private static async Task<(ScanResult Result, string? FixSummary)> LoadAndScanAsync(ScanSettings settings, ScanProgress progress, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        workspace.LoadMetadataForReferencedProjects = false;
        var loader = new ProjectLoader(settings, progress.Status);
        var inputs = loader.Inputs();
        progress.StartLoading(inputs.Count);
        var solution = await loader.LoadAsync(workspace, inputs, progress.InputLoaded, cancellationToken).ConfigureAwait(false);

        string? fixSummary = null;
        if (settings.Fix)
        {
            var fixes = new Fixes(settings, progress.Status);
            solution = await fixes.ApplyAsync(solution, cancellationToken).ConfigureAwait(false);
            fixSummary = fixes.Summary;
            if (!workspace.TryApplyChanges(solution))
            {
                fixSummary += " The workspace refused the changes; no file was written.";
            }

            solution = workspace.CurrentSolution;
        }

        progress.StartAnalysing(Scanner.ProjectsOf(solution, settings.Root).Count);
        var scanner = new Scanner(settings, progress.Status) { LoadFailed = file => loader.Problems.Any(p => p.Stage == "load" && p.Project == file) };
        var result = await scanner.ScanAsync(solution, progress.ProjectAnalysed, cancellationToken).ConfigureAwait(false);
        result.Problems.InsertRange(0, loader.Problems.Distinct());
        if (inputs.Count == 0)
        {
            result.Problems.Add(new ScanProblem(settings.Path, "load", "no .csproj file was found below this folder", Fatal: true));
        }

        return (result, fixSummary);
    }

    private static void Write(ScanSettings settings, ScanReport report, TextWriter output)
    {
        if (settings.Format == ReportFormat.Text)
        {
            if (settings.Output is null)
            {
                TextReport.Write(Consoles.For(output), report);
                return;
            }

            using var file = new StreamWriter(settings.Output);
            TextReport.Write(Consoles.For(file), report);
            return;
        }

        var text = settings.Format == ReportFormat.Json ? JsonReport.Render(report) : SarifReport.Render(report);
        if (settings.Output is null)
        {
            output.WriteLine(text);
            return;
        }

        File.WriteAllText(settings.Output, text + Environment.NewLine);
        // The report went to a file: the console still shows what was found.
        TextReport.Write(Consoles.For(output), report);
    }
}
