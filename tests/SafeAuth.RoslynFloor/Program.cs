using System.CommandLine;
using Microsoft.CodeAnalysis;

namespace SafeAuth.RoslynFloor;

/// <summary>
/// <c>SafeAuth.RoslynFloor --analyzers DIR --project-dir DIR --command-line FILE --build-sarif FILE</c>: runs the packed
/// analyzers in this Roslyn 4.8 host on one project and compares with its build; exit 0 when they agree, 1 when not.
/// </summary>
public static class Program
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    public static int Main(string[] args)
    {
        var analyzers = new Option<DirectoryInfo>("--analyzers") { Description = "The analyzers/dotnet/cs folder of the unpacked SafeAuth.Analyzers package.", Required = true };
        var projectDir = new Option<DirectoryInfo>("--project-dir") { Description = "The project's folder (the csc arguments are relative to it).", Required = true };
        var commandLine = new Option<FileInfo>("--command-line") { Description = "JSON of dotnet build -p:ProvideCommandLineArgs=true -getItem:CscCommandLineArgs.", Required = true };
        var sarif = new Option<FileInfo>("--build-sarif") { Description = "The SARIF 2.1 error log of that same build.", Required = true };
        var root = new RootCommand("Runs the packed SafeAuth analyzers and code fixes in a Roslyn 4.8.0 host and compares the findings with a build's.")
        {
            analyzers, projectDir, commandLine, sarif,
        };
        root.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(analyzers)!.FullName, parse.GetValue(projectDir)!.FullName, parse.GetValue(commandLine)!.FullName,
            parse.GetValue(sarif)!.FullName, cancellationToken));
        return root.Parse(args).Invoke();
    }

    private static async Task<int> RunAsync(string analyzerDirectory, string projectDirectory, string commandLineFile, string sarifFile, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(projectDirectory);
        var problems = new List<string>();
        var host = typeof(Compilation).Assembly.GetName().Version!;
        if (host != Floor)
        {
            problems.Add($"the host runs Roslyn {host}, not the floor {Floor}");
        }

        var check = new FloorCheck(analyzerDirectory);
        problems.AddRange(check.LoadFailures.Select(f => "load failure: " + f));
        if (check.Analyzers.IsEmpty || check.Fixers.Count == 0)
        {
            problems.Add($"{check.Analyzers.Length} analyzers and {check.Fixers.Count} code fixes loaded from {analyzerDirectory}");
        }

        using var workspace = new AdhocWorkspace();
        var project = FloorProject.Add(workspace, name, projectDirectory, FloorProject.ReadCommandLine(commandLineFile), check.References, out var argumentProblems);
        var result = await check.RunAsync(project, projectDirectory, cancellationToken);
        problems.AddRange(result.AnalyzerFailures.Select(f => "analyzer failure: " + f));

        var built = Finding.ReadSarif(sarifFile, projectDirectory);
        var (comparable, razor) = (built.Where(f => !IsRazor(f.File)).ToList(), built.Where(f => IsRazor(f.File)).ToList());
        var missing = Minus(comparable, result.Findings);
        var extra = Minus(result.Findings, built);
        problems.AddRange(missing.Select(f => $"the build reports {f}, the Roslyn 4.8 host does not"));
        problems.AddRange(extra.Select(f => $"the Roslyn 4.8 host reports {f}, the build does not"));
        foreach (var (rule, (offered, applied)) in result.FixesByRule.Where(r => r.Value.Applied < r.Value.Offered))
        {
            problems.Add($"{rule}: {offered - applied} of the {offered} fixes offered changed nothing");
        }

        Console.WriteLine($"roslyn floor: {name}: Roslyn {host} host, {check.Analyzers.Length} analyzers and {check.Fixers.Count} code fixes loaded; "
            + $"{result.Findings.Count} findings, {comparable.Count - missing.Count} of the build's {comparable.Count} outside .razor files matched"
            + (razor.Count > 0 ? $" ({razor.Count} in .razor files need the Razor source generator, which needs a newer compiler)" : "")
            + $"; {result.CompileErrors} compile errors");
        if (result.FixesByRule.Count > 0)
        {
            Console.WriteLine($"roslyn floor: {name}: code fixes (findings / fix offered / fix changed the code): " + string.Join(", ",
                result.FixesByRule.Select(r => $"{r.Key} {result.Findings.Count(f => f.Id == r.Key)}/{r.Value.Offered}/{r.Value.Applied}")));
        }

        foreach (var problem in argumentProblems)
        {
            Console.WriteLine($"roslyn floor: {name}: note: compiler argument not understood by Roslyn 4.8: {problem}");
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"roslyn floor: {name}: FAIL: {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static bool IsRazor(string file) =>
        file.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The findings of <paramref name="left"/> not in <paramref name="right"/>, counting duplicates.</summary>
    private static List<Finding> Minus(IEnumerable<Finding> left, IEnumerable<Finding> right)
    {
        var remaining = right.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<Finding>();
        foreach (var finding in left)
        {
            if (remaining.TryGetValue(finding, out var count) && count > 0)
            {
                remaining[finding] = count - 1;
            }
            else
            {
                result.Add(finding);
            }
        }

        return result;
    }
}
