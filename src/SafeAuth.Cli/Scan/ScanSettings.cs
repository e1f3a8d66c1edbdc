using Microsoft.CodeAnalysis;
using Microsoft.Extensions.FileSystemGlobbing;

namespace SafeAuth.Cli.Scan;

/// <summary>The output formats of <c>safeauth scan</c>.</summary>
public enum ReportFormat
{
    /// <summary>Findings grouped by rule, and a summary table.</summary>
    Text,

    /// <summary>One JSON document: findings, projects, problems.</summary>
    Json,

    /// <summary>SARIF 2.1.0 with rule metadata and help links.</summary>
    Sarif,
}

/// <summary>What <c>safeauth scan</c> was asked to do.</summary>
public sealed class ScanSettings
{
    /// <summary>A .sln, .slnx, .slnf or .csproj file, or a folder (every .csproj below it).</summary>
    public required string Path { get; init; }

    /// <summary>The output format.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>Where the report goes; standard output when null.</summary>
    public string? Output { get; init; }

    /// <summary>Findings below this severity are left out and do not fail the scan.</summary>
    public DiagnosticSeverity Threshold { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>A baseline to compare with: only findings not in it count.</summary>
    public string? Baseline { get; init; }

    /// <summary>Where to write today's findings as a baseline.</summary>
    public string? WriteBaseline { get; init; }

    /// <summary>Globs (relative to the scan root) a file must match to be reported; all files when empty.</summary>
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

    /// <summary>Globs (relative to the scan root) of files and projects to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>Apply the code fixes and save the changed files.</summary>
    public bool Fix { get; init; }

    /// <summary>Run <c>dotnet restore</c> before loading (the default).</summary>
    public bool Restore { get; init; } = true;

    /// <summary>The folder paths in the report are relative to.</summary>
    public string Root => Directory.Exists(Path) ? System.IO.Path.GetFullPath(Path) : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>Whether a file (relative to <see cref="Root"/>) passes <see cref="Include"/> and <see cref="Exclude"/>.</summary>
    public bool Selects(string relativePath)
    {
        if (relativePath.Length == 0)
        {
            return Include.Count == 0;
        }

        if (Include.Count > 0 && !Matches(Include, relativePath))
        {
            return false;
        }

        return !Matches(Exclude, relativePath);
    }

    /// <summary>Whether a project file (relative to <see cref="Root"/>) is excluded.</summary>
    public bool ExcludesProject(string relativePath) => Exclude.Count > 0 && Matches(Exclude, relativePath);

    private static bool Matches(IReadOnlyList<string> globs, string relativePath)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(globs);
        return matcher.Match(relativePath).HasMatches;
    }
}
