using System.Collections.Immutable;

namespace SafeAuth.RealCode;

/// <summary>What MSBuild's evaluation says about one project, for one target framework.</summary>
internal sealed record ProjectModel(
    string Path,
    string Name,
    string TargetFramework,
    ImmutableArray<string> SourceFiles,
    string GlobalUsings,
    ImmutableArray<string> SettingsFiles,
    ImmutableArray<string> PackageReferences,
    ImmutableArray<string> ProjectReferences,
    ImmutableDictionary<string, string> BuildProperties,
    ImmutableArray<string> PreprocessorSymbols,
    bool UsesAspNetCore,
    bool NullableEnabled,
    bool AllowUnsafe)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}

/// <summary>A project MSBuild could not evaluate, and why.</summary>
internal sealed record SkippedProject(string Path, string Reason);
