using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SafeAuth.RoslynFloor;

/// <summary>One SafeAuth finding: rule, file relative to the project folder, 1-based line and column.</summary>
internal sealed record Finding(string Id, string File, int Line, int Column)
{
    public override string ToString() => $"{Id} {File}({Line},{Column})";

    public static Finding From(Diagnostic diagnostic, string projectDirectory)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return new Finding(diagnostic.Id, Relative(span.Path, projectDirectory), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>The AUTH results of a SARIF 2.1 log (suppressed ones left out; relative URIs are taken from the project folder).</summary>
    public static IReadOnlyList<Finding> ReadSarif(string sarifFile, string projectDirectory)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(sarifFile));
        var findings = new List<Finding>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString() ?? "";
                if (!id.StartsWith("AUTH", StringComparison.Ordinal)
                    || (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0))
                {
                    continue;
                }

                var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile
                    ? absolute.LocalPath
                    : Path.Combine(projectDirectory, Uri.UnescapeDataString(uri));
                var region = physical.GetProperty("region");
                findings.Add(new Finding(id, Relative(path, projectDirectory), region.GetProperty("startLine").GetInt32(),
                    region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1));
            }
        }

        return findings;
    }

    private static string Relative(string path, string projectDirectory) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
}
