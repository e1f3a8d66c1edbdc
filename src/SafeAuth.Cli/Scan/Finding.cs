using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Cli.Scan;

/// <summary>One SafeAuth diagnostic as the scanner reports it: where, what, and a fingerprint that survives edits elsewhere.</summary>
/// <param name="RuleId">The rule, e.g. AUTH101.</param>
/// <param name="Severity">The effective severity after the project's .editorconfig/.globalconfig.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="File">The file, relative to the scan root with '/' separators; empty for a finding without a source location.</param>
/// <param name="Line">1-based line, 0 without a location.</param>
/// <param name="Column">1-based column, 0 without a location.</param>
/// <param name="EndLine">1-based last line.</param>
/// <param name="EndColumn">1-based column after the span.</param>
/// <param name="Project">The project the finding was reported in.</param>
/// <param name="Fingerprint">Rule, file and the normalized text of the flagged lines (plus an occurrence index), hashed.</param>
public sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Project,
    string Fingerprint)
{
    /// <summary>The first code fix the finding offers, as text changes (computed for SARIF reports only).</summary>
    public SuggestedFix? Fix { get; init; }

    /// <summary>Where the finding is, as file:line:column (or the project for a finding without a location).</summary>
    public string Where => File.Length == 0 ? $"({Project})" : $"{File}:{Line}:{Column}";
}

/// <summary>Builds <see cref="Finding"/>s from diagnostics, numbering repeated fingerprints so each stays distinct.</summary>
public sealed class FindingFactory
{
    private readonly string _root;
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Creates a factory whose paths are relative to <paramref name="root"/>.</summary>
    public FindingFactory(string root) => _root = root;

    /// <summary>Turns <paramref name="diagnostic"/> into a finding.</summary>
    public Finding Create(Diagnostic diagnostic, string project)
    {
        var location = diagnostic.Location;
        var file = "";
        var text = "";
        var (line, column, endLine, endColumn) = (0, 0, 0, 0);
        var span = location.GetMappedLineSpan();
        if (span.IsValid && !string.IsNullOrEmpty(span.Path))
        {
            file = RelativePath(span.Path);
            (line, column) = (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            (endLine, endColumn) = (span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
            text = FlaggedText(location, span);
        }

        var basis = $"{diagnostic.Id}\n{file}\n{(file.Length == 0 ? project + "\n" + diagnostic.GetMessage() : text)}";
        _occurrences.TryGetValue(basis, out var seen);
        _occurrences[basis] = seen + 1;
        return new Finding(diagnostic.Id, diagnostic.Severity, diagnostic.GetMessage(), file, line, column, endLine, endColumn, project, Hash(basis + "\n" + seen));
    }

    /// <summary>The path relative to the scan root, with '/' separators.</summary>
    public string RelativePath(string path)
    {
        var relative = Path.GetRelativePath(_root, path);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    // The flagged lines with all white space removed: moving the code, re-indenting it or editing other lines keeps the
    // fingerprint; editing the flagged code itself makes it a new finding.
    private static string FlaggedText(Location location, FileLinePositionSpan span)
    {
        var source = location.SourceTree?.GetText();
        if (source is null)
        {
            // A settings file (appsettings.json): its lines on disk.
            var fileLines = System.IO.File.Exists(span.Path) ? System.IO.File.ReadAllLines(span.Path) : Array.Empty<string>();
            var from = Math.Min(span.StartLinePosition.Line, fileLines.Length);
            var to = Math.Min(span.EndLinePosition.Line + 1, fileLines.Length);
            return from < to ? WithoutWhiteSpace(string.Concat(fileLines[from..to])) : span.StartLinePosition.ToString();
        }

        var lines = source.Lines;
        if (location.IsInSource && !location.GetLineSpan().HasMappedPath)
        {
            var own = location.GetLineSpan();
            var first = Math.Min(own.StartLinePosition.Line, lines.Count - 1);
            var last = Math.Min(own.EndLinePosition.Line, lines.Count - 1);
            var builder = new StringBuilder();
            for (var i = first; i <= last; i++)
            {
                builder.Append(lines[i].ToString());
            }

            return WithoutWhiteSpace(builder.ToString());
        }

        // A generated document (.razor): its own text is regenerated, so the mapped position is all that is stable.
        return WithoutWhiteSpace(source.ToString(location.SourceSpan));
    }

    private static string WithoutWhiteSpace(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Hash(string text)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant();
}
