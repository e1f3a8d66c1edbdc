namespace SafeAuth.RealCode;

/// <summary>The plain-text report: every finding, then per-rule and per-project totals.</summary>
internal static class Report
{
    public static void Write(TextWriter output, string root, RealCodeRun run, IReadOnlyList<SkippedProject> skipped)
    {
        output.WriteLine($"SafeAuth real-code check of {root}");
        output.WriteLine();
        output.WriteLine($"Findings ({run.Findings.Count}):");
        foreach (var finding in run.Findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal))
        {
            output.WriteLine($"  {finding.Rule} {finding.Severity,-7} {finding.File}:{finding.Line}: {finding.Message}");
        }

        output.WriteLine();
        output.WriteLine("By rule:");
        foreach (var group in run.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        output.WriteLine();
        output.WriteLine("Projects (files, lines, compiler errors, unresolved packages, compile ms, SafeAuth ms, findings):");
        foreach (var project in run.Projects.OrderBy(p => p.Project, StringComparer.Ordinal))
        {
            var kind = string.Join(",", project.BuildProperties.Where(p => p.Key is "IsTestProject" or "UsingMicrosoftNETSdkWeb" or "UseMaui" or "UseWPF" or "UseWindowsForms" or "UsingMicrosoftNETSdkBlazorWebAssembly" && p.Value == "true").Select(p => p.Key));
            output.WriteLine($"  {project.Project} ({project.TargetFramework}{(kind.Length > 0 ? "; " + kind : "")}): {project.Files}, {project.Lines}, {project.CompilerErrors}, {project.UnresolvedPackages.Length}, {project.CompileMs:F0}, {project.SafeAuthMs:F0}, {project.Findings}");
        }

        var compile = run.Projects.Sum(p => p.CompileMs);
        var safeAuth = run.Projects.Sum(p => p.SafeAuthMs);
        output.WriteLine();
        output.WriteLine($"Total: {run.Projects.Count} projects, {run.Projects.Sum(p => p.Files)} files, {run.Projects.Sum(p => p.Lines)} lines; compile {compile:F0} ms, SafeAuth {safeAuth:F0} ms ({(compile > 0 ? 100 * safeAuth / compile : 0):F1} % of compile); {run.Findings.Count} findings");
        foreach (var skip in skipped)
        {
            output.WriteLine($"Skipped {Path.GetRelativePath(root, skip.Path)}: {skip.Reason}");
        }

        foreach (var error in run.CompilerErrors)
        {
            output.WriteLine("Compiler error: " + error);
        }

        foreach (var failure in run.AnalyzerFailures)
        {
            output.WriteLine("Analyzer failure: " + failure);
        }
    }
}
