using System.Text;

namespace SafeAuth.Cli.Tests;

/// <summary>One in-process run of the safeauth command line: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunWithInputAsync("", args);

    public static async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var exitCode = await Program.Create(new StringReader(input), output, error).Parse(args).InvokeAsync();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    public static string Samples => Path.Combine(Root, "samples");

    public static IReadOnlySet<string> ExpectedSampleRules { get; } = File.ReadAllLines(Path.Combine(Root, "samples", "expected-diagnostics.txt"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln was not found above " + start);
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safeauth-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
