using System.Text;

namespace SafeAuth.Benchmarks;

/// <summary>A set of C# source files to compile, with its size.</summary>
internal sealed record Corpus(string Name, IReadOnlyList<SourceFile> Files)
{
    public int Lines { get; } = Files.Sum(f => f.Lines);

    /// <summary>Writes the files below <paramref name="directory"/> (for inspection with --dump-corpus).</summary>
    public void WriteTo(string directory)
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    /// <summary>
    /// Every *.cs file below <paramref name="root"/> except those under bin/ and obj/ (and .git/), plus the implicit
    /// global usings of the Web SDK, which most real projects compile with.
    /// </summary>
    public static Corpus Load(string root)
    {
        var files = new List<SourceFile> { ImplicitUsings };
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", options).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path);
            var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (segments.Take(segments.Length - 1).Any(s => s is "bin" or "obj" or ".git"))
            {
                continue;
            }

            files.Add(new SourceFile(relative, File.ReadAllText(path)));
        }

        return new Corpus(Path.GetFullPath(root), files);
    }

    /// <summary>What the Web SDK's ImplicitUsings adds to every project.</summary>
    public static SourceFile ImplicitUsings { get; } = new("GlobalUsings.g.cs", """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;

        """);
}

internal sealed record SourceFile(string Path, string Text)
{
    public int Lines { get; } = CountLines(Text);

    private static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.Length > 0 && text[^1] != '\n' ? lines + 1 : lines;
    }
}

/// <summary>Indented source text.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _text.ToString();
}
