using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.Cli.Scan;

/// <summary>
/// The additional files the SafeAuth package hands the compiler (build/SafeAuth.Analyzers.props): the project's
/// appsettings*.json and its own scripts (wwwroot/**/*.js and .mjs, collocated *.razor.js; not wwwroot/lib, bundles
/// or build output). A scanned project that does not reference the package gets them too, so the settings and storage
/// rules see what they would see in its build. The solution is not changed: the files go into the analyzer options only.
/// </summary>
internal static class PackageFiles
{
    public static AnalyzerOptions For(Project project)
    {
        var options = project.AnalyzerOptions;
        if (project.FilePath is not { } projectFile || System.IO.Path.GetDirectoryName(projectFile) is not { } directory || !Directory.Exists(directory))
        {
            return options;
        }

        var present = options.AdditionalFiles.Select(f => System.IO.Path.GetFullPath(f.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Files(directory).Where(path => !present.Contains(path)).Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();
        return missing.IsEmpty ? options : new AnalyzerOptions(options.AdditionalFiles.AddRange(missing), options.AnalyzerConfigOptionsProvider);
    }

    /// <summary>The files the package's item globs select below <paramref name="directory"/>, as full paths.</summary>
    internal static IEnumerable<string> Files(string directory)
    {
        foreach (var settings in Directory.EnumerateFiles(directory, "appsettings*.json", SearchOption.TopDirectoryOnly))
        {
            yield return System.IO.Path.GetFullPath(settings);
        }

        // A walk that never enters build output, packages or libraries (node_modules alone can hold 100,000 files).
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var relativeFolder = System.IO.Path.GetRelativePath(directory, current).Replace('\\', '/') + "/";
            foreach (var child in SafeEnumerate(() => Directory.EnumerateDirectories(current)))
            {
                var folder = (relativeFolder == "./" ? string.Empty : relativeFolder) + System.IO.Path.GetFileName(child) + "/";
                if (!Excluded(folder))
                {
                    pending.Push(child);
                }
            }

            var inWwwroot = relativeFolder.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase);
            foreach (var file in SafeEnumerate(() => Directory.EnumerateFiles(current)))
            {
                var name = System.IO.Path.GetFileName(file);
                var script = inWwwroot
                    ? name.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase)
                    : name.EndsWith(".razor.js", StringComparison.OrdinalIgnoreCase);
                if (script && !name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase))
                {
                    yield return System.IO.Path.GetFullPath(file);
                }
            }
        }
    }

    private static IEnumerable<string> SafeEnumerate(Func<IEnumerable<string>> enumerate)
    {
        try
        {
            return enumerate().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static bool Excluded(string folder) =>
        folder.StartsWith("wwwroot/lib/", StringComparison.OrdinalIgnoreCase)
        || folder.StartsWith("bin/", StringComparison.OrdinalIgnoreCase)
        || folder.StartsWith("obj/", StringComparison.OrdinalIgnoreCase)
        || folder.StartsWith(".", StringComparison.Ordinal)
        || folder.EndsWith("node_modules/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file on disk, read when an analyzer asks for its text.</summary>
    private sealed class FileText(string path) : AdditionalText
    {
        private SourceText? _text;

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            if (_text is null)
            {
                try
                {
                    _text = SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
                }
                catch (IOException)
                {
                    return null;
                }
                catch (UnauthorizedAccessException)
                {
                    return null;
                }
            }

            return _text;
        }
    }
}
