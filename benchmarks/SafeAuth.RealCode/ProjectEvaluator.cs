using System.Collections.Immutable;
using System.Xml.Linq;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace SafeAuth.RealCode;

/// <summary>
/// Evaluates projects with the SDK's MSBuild (registered by <see cref="Microsoft.Build.Locator.MSBuildLocator"/>):
/// the same property functions, imports (<c>Directory.Build.props</c>, the SDK) and default item globs a build uses. No
/// target runs and nothing is restored, so the project's files are left as they are.
/// </summary>
internal sealed class ProjectEvaluator : IDisposable
{
    /// <summary>Set by Microsoft.NET.Test.Sdk's build props in a restored build; evaluation without restore misses them.</summary>
    private const string TestSdkPackage = "Microsoft.NET.Test.Sdk";

    private readonly ProjectCollection _collection;
    private readonly ImmutableArray<string> _visibleProperties;

    public ProjectEvaluator(ImmutableArray<string> visibleProperties)
    {
        _visibleProperties = visibleProperties;
        _collection = new ProjectCollection(new Dictionary<string, string> { ["Configuration"] = "Release" });
    }

    public (ProjectModel? Model, SkippedProject? Skipped) Evaluate(string path)
    {
        try
        {
            var outer = _collection.LoadProject(path);
            var frameworks = outer.GetPropertyValue("TargetFrameworks");
            var framework = outer.GetPropertyValue("TargetFramework");
            var project = outer;
            if (string.IsNullOrWhiteSpace(framework) && !string.IsNullOrWhiteSpace(frameworks))
            {
                framework = PreferredFramework(frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                project = _collection.LoadProject(path, new Dictionary<string, string> { ["Configuration"] = "Release", ["TargetFramework"] = framework }, null);
            }

            return (ToModel(project, path, framework), null);
        }
        catch (InvalidProjectFileException e)
        {
            return (null, new SkippedProject(path, e.BaseMessage));
        }
    }

    /// <summary>The newest .NET, then .NET Standard, then .NET Framework: the build whose code runs on most servers today.</summary>
    internal static string PreferredFramework(IReadOnlyList<string> frameworks) =>
        frameworks.OrderByDescending(Rank).ThenByDescending(f => f, StringComparer.OrdinalIgnoreCase).First();

    private static int Rank(string framework)
    {
        var f = framework.ToLowerInvariant();
        if (f.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return 1;
        }

        if (f.StartsWith("net", StringComparison.Ordinal) && f.Contains('.'))
        {
            // net8.0, net10.0-windows: by major version.
            return 100 + (int.TryParse(f[3..f.IndexOf('.')], out var major) ? major : 0);
        }

        return 0;
    }

    /// <summary>The app's own scripts, as the package adds them: wwwroot/**/*.js and *.mjs, *.razor.js; not wwwroot/lib or *.min.js.</summary>
    private static bool IsAppScript(string directory, string file)
    {
        var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
        var name = Path.GetFileName(file);
        if (name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase) || relative.StartsWith("wwwroot/lib/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return relative.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase)
            ? name.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase)
            : name.EndsWith(".razor.js", StringComparison.OrdinalIgnoreCase);
    }

    private ProjectModel ToModel(Project project, string path, string framework)
    {
        var directory = Path.GetDirectoryName(path)!;
        var sources = project.GetItems("Compile")
            .Select(i => Path.GetFullPath(Path.Combine(directory, i.EvaluatedInclude)))
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(f))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var settings = project.GetItems("Content").Concat(project.GetItems("None"))
            .Select(i => Path.GetFullPath(Path.Combine(directory, i.EvaluatedInclude)))
            .Where(f => ((Path.GetFileName(f).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                         || IsAppScript(directory, f))
                        && File.Exists(f))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        // ImplicitUsings: the SDK writes these `Using` items into a generated file at build time.
        var usings = string.Concat(project.GetItems("Using").Select(i =>
        {
            var alias = i.GetMetadataValue("Alias");
            var isStatic = string.Equals(i.GetMetadataValue("Static"), "true", StringComparison.OrdinalIgnoreCase);
            return alias.Length > 0 ? $"global using {alias} = global::{i.EvaluatedInclude};\n"
                : isStatic ? $"global using static global::{i.EvaluatedInclude};\n"
                : $"global using global::{i.EvaluatedInclude};\n";
        }));
        var packages = project.GetItems("PackageReference").Select(i => i.EvaluatedInclude).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var projectReferences = project.GetItems("ProjectReference")
            .Select(i => Path.GetFullPath(Path.Combine(directory, i.EvaluatedInclude.Replace('\\', Path.DirectorySeparatorChar))))
            .ToImmutableArray();
        var frameworkReferences = project.GetItems("FrameworkReference").Select(i => i.EvaluatedInclude).ToList();

        var properties = BuildProperties(project, packages);
        var usesAspNetCore = string.Equals(project.GetPropertyValue("UsingMicrosoftNETSdkWeb"), "true", StringComparison.OrdinalIgnoreCase)
                             || frameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase)
                             || packages.Any(p => p.StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase));
        var symbols = project.GetPropertyValue("DefineConstants")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(FrameworkSymbols.For(framework))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();

        return new ProjectModel(
            path,
            Path.GetFileNameWithoutExtension(path),
            framework,
            sources,
            usings,
            settings,
            packages,
            projectReferences,
            properties,
            symbols,
            usesAspNetCore,
            string.Equals(project.GetPropertyValue("Nullable"), "enable", StringComparison.OrdinalIgnoreCase),
            string.Equals(project.GetPropertyValue("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase));
    }

    private ImmutableDictionary<string, string> BuildProperties(Project project, ImmutableArray<string> packages)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in _visibleProperties)
        {
            var value = project.GetPropertyValue(name);
            if (!string.IsNullOrEmpty(value))
            {
                properties[name] = value;
            }
        }

        if (packages.Contains(TestSdkPackage, StringComparer.OrdinalIgnoreCase) && !properties.ContainsKey("IsTestProject"))
        {
            properties["IsTestProject"] = "true";
        }

        return properties.ToImmutable();
    }

    /// <summary>The properties the SafeAuth package makes visible to analyzers, read from the package's own props.</summary>
    public static ImmutableArray<string> VisibleProperties(string repositoryRoot)
    {
        var props = Path.Combine(repositoryRoot, "src", "SafeAuth.Analyzers.Package", "build", "SafeAuth.Analyzers.props");
        return XDocument.Load(props).Descendants()
            .Where(e => e.Name.LocalName == "CompilerVisibleProperty")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToImmutableArray();
    }

    public void Dispose() => _collection.Dispose();
}
