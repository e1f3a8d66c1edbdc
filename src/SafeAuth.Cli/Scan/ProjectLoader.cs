using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace SafeAuth.Cli.Scan;

/// <summary>A project the scan could not restore, load or analyse completely, and why.</summary>
/// <param name="Project">The project file, relative to the scan root (or the project name).</param>
/// <param name="Stage">restore, load, compile or analyze.</param>
/// <param name="Reason">What went wrong, in one line.</param>
/// <param name="Fatal">Whether the project was left out (otherwise it was analysed, perhaps partially).</param>
public sealed record ScanProblem(string Project, string Stage, string Reason, bool Fatal);

/// <summary>
/// Loads the projects to scan with the SDK's own evaluation (MSBuildWorkspace): real references, build properties,
/// analyzer config files, additional files and source generators. A project that fails to restore or load is recorded
/// and the others go on.
/// </summary>
public sealed class ProjectLoader
{
    private static readonly string[] SolutionExtensions = { ".sln", ".slnx", ".slnf" };
    private readonly ScanSettings _settings;
    private readonly Action<string> _status;

    /// <summary>Creates a loader; <paramref name="status"/> hears what is being done.</summary>
    public ProjectLoader(ScanSettings settings, Action<string> status)
    {
        _settings = settings;
        _status = status;
    }

    /// <summary>What went wrong so far.</summary>
    public List<ScanProblem> Problems { get; } = new();

    /// <summary>The project files a folder input stands for (every .csproj below it, without bin/ and obj/), or the input itself.</summary>
    public IReadOnlyList<string> Inputs()
    {
        var path = System.IO.Path.GetFullPath(_settings.Path);
        if (string.Equals(System.IO.Path.GetExtension(path), ".slnf", StringComparison.OrdinalIgnoreCase))
        {
            return SolutionFilter.Projects(path, Problems) ?? new[] { path };
        }

        if (!Directory.Exists(path))
        {
            return new[] { path };
        }

        return Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories)
            .Where(file => !InBuildOutput(System.IO.Path.GetRelativePath(path, file)))
            .Where(file => !_settings.ExcludesProject(System.IO.Path.GetRelativePath(path, file).Replace('\\', '/')))
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Restores (unless turned off) and opens every input in <paramref name="workspace"/>.</summary>
    public async Task<Solution> LoadAsync(MSBuildWorkspace workspace, IReadOnlyList<string> inputs, Action inputDone, CancellationToken cancellationToken)
    {
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                Problems.Add(new ScanProblem(ProjectOf(e.Diagnostic.Message), "load", OneLine(e.Diagnostic.Message), Fatal: false));
            }
        });
        var progress = new Progress<ProjectLoadProgress>(p => _status($"loading {System.IO.Path.GetFileName(p.FilePath)} ({p.Operation})"));
        // A solution or filter is restored as one (as dotnet build does); a folder project by project.
        var path = System.IO.Path.GetFullPath(_settings.Path);
        foreach (var target in _settings.Restore ? (File.Exists(path) ? new[] { path } : inputs) : Array.Empty<string>())
        {
            await RestoreAsync(target, cancellationToken).ConfigureAwait(false);
        }

        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await OpenAsync(workspace, input, progress, cancellationToken).ConfigureAwait(false);
            inputDone();
        }

        return workspace.CurrentSolution;
    }

    private async Task OpenAsync(MSBuildWorkspace workspace, string input, IProgress<ProjectLoadProgress> progress, CancellationToken cancellationToken)
    {
        var relative = Relative(input);
        try
        {
            if (SolutionExtensions.Contains(System.IO.Path.GetExtension(input), StringComparer.OrdinalIgnoreCase))
            {
                _status($"loading {relative}");
                await workspace.OpenSolutionAsync(input, progress, cancellationToken).ConfigureAwait(false);
            }
            else if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, input, StringComparison.OrdinalIgnoreCase)))
            {
                _status($"loading {relative}");
                await workspace.OpenProjectAsync(input, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e.InnerException is null ? e.Message : e.Message + " " + e.InnerException.Message;
            Problems.Add(new ScanProblem(relative, "load", OneLine(reason), Fatal: true));
        }
    }

    private async Task RestoreAsync(string input, CancellationToken cancellationToken)
    {
        var relative = Relative(input);
        _status($"restoring {relative}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", input, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var lines = ((await output.ConfigureAwait(false)) + "\n" + (await error.ConfigureAwait(false))).Split('\n');
                var reason = lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? $"dotnet restore exited with {process.ExitCode}";
                Problems.Add(new ScanProblem(relative, "restore", OneLine(reason), Fatal: false));
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Problems.Add(new ScanProblem(relative, "restore", "dotnet could not be started: " + e.Message, Fatal: false));
        }
    }

    private string Relative(string path) => System.IO.Path.GetRelativePath(_settings.Root, path).Replace('\\', '/');

    private string ProjectOf(string message)
    {
        var start = message.IndexOf(_settings.Root, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return "(workspace)";
        }

        var end = message.IndexOfAny(new[] { '\'', '"', ':', ' ' }, start + _settings.Root.Length);
        var path = end < 0 ? message[start..] : message[start..end];
        return Relative(path);
    }

    private static bool InBuildOutput(string relative)
    {
        var segments = relative.Split(System.IO.Path.DirectorySeparatorChar, '/');
        return segments.Any(s => s is "bin" or "obj" or "node_modules");
    }

    private static string OneLine(string text)
    {
        var trimmed = text.ReplaceLineEndings(" ").Trim();
        return trimmed.Length <= 300 ? trimmed : trimmed[..297] + "...";
    }
}
