using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.RoslynFloor;

/// <summary>A sample project as the compiler sees it, rebuilt in a Roslyn 4.8 workspace from its build's csc arguments.</summary>
internal static class FloorProject
{
    /// <summary>The <c>CscCommandLineArgs</c> items of <c>dotnet build -p:ProvideCommandLineArgs=true -getItem:CscCommandLineArgs</c>.</summary>
    public static IReadOnlyList<string> ReadCommandLine(string jsonFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(jsonFile));
        if (!document.RootElement.TryGetProperty("Items", out var items) || !items.TryGetProperty("CscCommandLineArgs", out var args))
        {
            throw new InvalidDataException($"{jsonFile} has no Items.CscCommandLineArgs: did the build run the compiler (--no-incremental)?");
        }

        return args.EnumerateArray().Select(a => a.GetProperty("Identity").GetString()!).ToList();
    }

    /// <summary>
    /// Adds the project to <paramref name="workspace"/>: the build's sources, references, options, additional files and
    /// analyzer configuration, with the build's analyzers and source generators replaced by <paramref name="analyzers"/>.
    /// </summary>
    public static Project Add(AdhocWorkspace workspace, string name, string projectDirectory, IReadOnlyList<string> commandLine,
        IEnumerable<AnalyzerReference> analyzers, out IReadOnlyList<string> argumentProblems)
    {
        var kept = commandLine.Where(a => !IsOption(a, "analyzer") && !IsOption(a, "errorlog") && !IsOption(a, "generatedfilesout")).ToList();
        var parsed = CSharpCommandLineParser.Default.Parse(kept, projectDirectory, sdkDirectory: null);
        argumentProblems = parsed.Errors.Select(e => e.GetMessage()).ToList();

        var projectId = ProjectId.CreateNewId(name);
        DocumentInfo Document(string path) => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), loader: new FileTextLoader(path, parsed.Encoding), filePath: path);

        var info = ProjectInfo.Create(
            projectId, VersionStamp.Create(), name, parsed.CompilationName ?? name, LanguageNames.CSharp,
            filePath: Path.Combine(projectDirectory, name + ".csproj"),
            compilationOptions: parsed.CompilationOptions,
            parseOptions: parsed.ParseOptions,
            documents: parsed.SourceFiles.Select(f => Document(f.Path)),
            metadataReferences: parsed.MetadataReferences.Select(r => MetadataReference.CreateFromFile(Path.GetFullPath(r.Reference, projectDirectory), r.Properties)),
            analyzerReferences: analyzers,
            additionalDocuments: parsed.AdditionalFiles.Select(f => Document(f.Path)))
            .WithAnalyzerConfigDocuments(parsed.AnalyzerConfigPaths.Select(Document));
        return workspace.AddProject(info);
    }

    private static bool IsOption(string argument, string name) =>
        (argument.StartsWith('/') || argument.StartsWith('-'))
        && argument.AsSpan(1).StartsWith(name + ":", StringComparison.OrdinalIgnoreCase);
}
