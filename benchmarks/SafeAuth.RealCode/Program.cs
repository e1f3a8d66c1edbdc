using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Build.Locator;

namespace SafeAuth.RealCode;

/// <summary>
/// The real-code check: <c>dotnet run -c Release --project benchmarks/SafeAuth.RealCode -- PATH</c> evaluates every
/// project below PATH with MSBuild, compiles each in its own compilation (its sources, build properties, settings files,
/// project references and the package assemblies this tool carries), runs every SafeAuth rule and lists each finding.
/// Nothing below PATH is written. Exit 0, or 1 when an analyzer threw.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var path = new Argument<string>("path") { Description = "A folder (every *.csproj below it) or one .csproj." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the findings and per-project costs as JSON." };
        var settings = new Option<string[]>("--option") { Description = "A SafeAuth option for every project, e.g. safeauth.analyze_test_projects=true.", AllowMultipleArgumentsPerToken = true };
        var showErrors = new Option<int>("--show-errors") { Description = "List the first N compiler errors of each project." };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip projects whose path (relative to PATH) contains this text.", AllowMultipleArgumentsPerToken = true };
        var command = new RootCommand("Runs every SafeAuth rule over the projects of a checked-out code base and lists the findings.")
        {
            path,
            output,
            exclude,
            showErrors,
            settings,
        };
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(output), parse.GetValue(exclude) ?? Array.Empty<string>(), parse.GetValue(showErrors), parse.GetValue(settings) ?? Array.Empty<string>()));
        return command.Parse(args).Invoke();
    }

    private static int Run(string path, FileInfo? output, string[] exclude, int showErrors, string[] settings)
    {
        // MSBuild's assemblies must come from the SDK, so the locator registers before any MSBuild type is touched.
        MSBuildLocator.RegisterDefaults();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0)
            {
                Console.Error.WriteLine($"--option {setting}: expected key=value");
                return 2;
            }

            options[setting[..equals].Trim()] = setting[(equals + 1)..].Trim();
        }

        return RunWithMSBuild(Path.GetFullPath(path), output, exclude, showErrors, options);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunWithMSBuild(string path, FileInfo? output, string[] exclude, int showErrors, IReadOnlyDictionary<string, string> options)
    {
        var root = File.Exists(path) ? Path.GetDirectoryName(path)! : path;
        var projectFiles = File.Exists(path)
            ? new[] { path }
            : Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(f => !exclude.Any(e => Path.GetRelativePath(root, f).Contains(e, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        var repository = FindRepositoryRoot(AppContext.BaseDirectory);
        var models = new List<ProjectModel>();
        var skipped = new List<SkippedProject>();
        using (var evaluator = new ProjectEvaluator(ProjectEvaluator.VisibleProperties(repository)))
        {
            foreach (var file in projectFiles)
            {
                var (model, skip) = evaluator.Evaluate(file);
                if (model is not null)
                {
                    models.Add(model);
                }
                else if (skip is not null)
                {
                    skipped.Add(skip);
                }
            }
        }

        var run = new RealCodeRun(root, RealCodeRun.SafeAuthAnalyzers()) { ShowErrors = showErrors, Options = options };
        var interactive = !Console.IsErrorRedirected;
        run.RunAsync(models, message =>
        {
            if (interactive)
            {
                Console.Error.Write($"\r{message,-100}");
            }
        }).GetAwaiter().GetResult();
        if (interactive)
        {
            Console.Error.WriteLine();
        }

        Report.Write(Console.Out, root, run, skipped);
        if (output is not null)
        {
            File.WriteAllText(output.FullName, JsonSerializer.Serialize(
                new { root, projects = run.Projects, findings = run.Findings, skipped, analyzerFailures = run.AnalyzerFailures },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }

        return run.AnalyzerFailures.Count == 0 ? 0 : 1;
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The SafeAuth repository (Analyzers.sln) was not found above " + start);
    }
}
