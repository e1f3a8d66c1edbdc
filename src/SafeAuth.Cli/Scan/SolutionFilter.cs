using System.Text.Json;

namespace SafeAuth.Cli.Scan;

/// <summary>
/// Reads a solution filter (<c>.slnf</c>) the way the SDK tolerates it (comments and trailing commas allowed): the
/// projects it selects, relative to the solution it names. Each is then loaded on its own, so one project that does
/// not load does not take the whole filter down.
/// </summary>
public static class SolutionFilter
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The full paths of the filter's projects; null (with a problem recorded) when it cannot be read.</summary>
    public static IReadOnlyList<string>? Projects(string path, List<ScanProblem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
            var solution = document.RootElement.GetProperty("solution");
            var solutionPath = solution.GetProperty("path").GetString() ?? "";
            var solutionDirectory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Normalize(solutionPath))))!;
            return solution.GetProperty("projects").EnumerateArray()
                .Select(p => p.GetString())
                .OfType<string>()
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(Path.Combine(solutionDirectory, Normalize(p))))
                .ToArray();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            problems.Add(new ScanProblem(Path.GetFileName(path), "load", "the solution filter cannot be read: " + e.Message, Fatal: true));
            return Array.Empty<string>();
        }
    }

    private static string Normalize(string path) => path.Replace('\\', Path.DirectorySeparatorChar);
}
