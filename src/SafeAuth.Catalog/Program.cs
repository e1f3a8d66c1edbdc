using System.CommandLine;

namespace SafeAuth.Catalog;

/// <summary>
/// <c>dotnet run --project src/SafeAuth.Catalog</c> rewrites every generated file; <c>-- --check</c> writes nothing and
/// exits 1 listing the files that differ (CI runs that). Exit 2: a document lacks the structure the generator needs.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a generated file differs from what the catalog says." };
        var root = new Option<DirectoryInfo?>("--root") { Description = "The repository root (default: the folder above the current one that holds Analyzers.sln)." };
        var command = new RootCommand("Writes the README rule table, rule page headers and option rows, docs/configuration.md options, the severity presets, the release-tracking lines and the known-types list from the analyzers' descriptors.")
        {
            check,
            root,
        };
        command.SetAction(parse => Run(parse.GetValue(root)?.FullName ?? FindRoot(Directory.GetCurrentDirectory()), parse.GetValue(check), Console.Out, Console.Error));
        return command.Parse(args).Invoke();
    }

    public static int Run(string? root, bool check, TextWriter output, TextWriter error)
    {
        if (root is null || !File.Exists(Path.Combine(root, "Analyzers.sln")))
        {
            error.WriteLine("safeauth-catalog: no Analyzers.sln found; pass --root with the repository folder");
            return 2;
        }

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = CatalogGenerator.Generate(root);
        }
        catch (CatalogException exception)
        {
            error.WriteLine("safeauth-catalog: " + exception.Message);
            return 2;
        }

        var stale = files.Where(f => !f.IsUpToDate).ToList();
        foreach (var file in stale)
        {
            if (check)
            {
                error.WriteLine($"safeauth-catalog: {file.RelativePath} is out of date{FirstDifference(file)}");
                continue;
            }

            var path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Expected);
            output.WriteLine("wrote " + file.RelativePath);
        }

        if (check && stale.Count > 0)
        {
            error.WriteLine("safeauth-catalog: run `dotnet run --project src/SafeAuth.Catalog` and commit the result");
            return 1;
        }

        output.WriteLine($"safeauth-catalog: {files.Count} generated files, {(check ? stale.Count + " out of date" : stale.Count + " written")}");
        return 0;
    }

    private static string FirstDifference(GeneratedFile file)
    {
        if (file.Current is null)
        {
            return " (missing)";
        }

        var current = file.Current.Replace("\r\n", "\n").Split('\n');
        var expected = file.Expected.Split('\n');
        for (var i = 0; i < Math.Max(current.Length, expected.Length); i++)
        {
            var have = i < current.Length ? current[i] : "<end of file>";
            var want = i < expected.Length ? expected[i] : "<end of file>";
            if (have != want)
            {
                return $" at line {i + 1}:\n  has:  {have}\n  want: {want}";
            }
        }

        return "";
    }

    private static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
