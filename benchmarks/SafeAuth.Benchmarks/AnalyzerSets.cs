using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Benchmarks;

/// <summary>The analyzers under measurement, found by reflection so that new rules are measured without edits.</summary>
internal static class AnalyzerSets
{
    public static readonly string[] NetAnalyzersSecurityIds = { "CA5404", "CA5405" };

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> marked <c>[DiagnosticAnalyzer(C#)]</c> in SafeAuth.Analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SafeAuth()
    {
        var assembly = Assembly.Load("SafeAuth.Analyzers");
        return Instantiate(LoadableTypes(assembly), id => id.StartsWith("AUTH", StringComparison.Ordinal));
    }

    /// <summary>
    /// The NetAnalyzers analyzers whose SupportedDiagnostics include CA5404 or CA5405, loaded from this SDK's analyzer
    /// directory (the DLLs every `dotnet build` runs).
    /// </summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, string Source) NetAnalyzersSecurity()
    {
        var directory = FindSdkAnalyzersDirectory()
            ?? throw new InvalidOperationException("Microsoft.CodeAnalysis.NetAnalyzers.dll was not found under the .NET SDK; run with --no-netanalyzers");
        var paths = new[]
        {
            Path.Combine(directory, "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
            Path.Combine(directory, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
        };

        // The C# assembly depends on the language-neutral one; both live in the same folder, outside the app's probing paths.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        var types = paths.Select(p => AssemblyLoadContext.Default.LoadFromAssemblyPath(p)).SelectMany(LoadableTypes);
        var analyzers = Instantiate(types, id => Array.IndexOf(NetAnalyzersSecurityIds, id) >= 0);
        return (analyzers, directory);
    }

    /// <summary>Every <c>const string</c> of SafeAuth's <c>MetadataNames</c>: the types its analyzers look up.</summary>
    public static IReadOnlyList<string> SafeAuthMetadataNames()
    {
        var type = Assembly.Load("SafeAuth.Analyzers").GetType("SafeAuth.Analyzers.KnownTypes.MetadataNames");
        return type is null
            ? Array.Empty<string>()
            : type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
    }

    /// <summary>The severities that make sure the compared rules run and report, whatever their defaults are.</summary>
    public static ImmutableDictionary<string, ReportDiagnostic> EnabledSeverities(IEnumerable<DiagnosticAnalyzer> analyzers) =>
        analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
            .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

    private static ImmutableArray<DiagnosticAnalyzer> Instantiate(IEnumerable<Type> types, Func<string, bool> wanted)
    {
        var result = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in types)
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            if (attribute is null || !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            if (analyzer.SupportedDiagnostics.Any(d => wanted(d.Id)))
            {
                result.Add(analyzer);
            }
        }

        return result.OrderBy(a => RuleIdsOf(a)).ThenBy(a => a.GetType().Name, StringComparer.Ordinal).ToImmutableArray();
    }

    public static string RuleIdsOf(DiagnosticAnalyzer analyzer) =>
        string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    private static string? FindSdkAnalyzersDirectory()
    {
        const string file = "Microsoft.CodeAnalysis.NetAnalyzers.dll";
        var baked = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SdkAnalyzersDirectory")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, file)))
        {
            return Path.GetFullPath(baked);
        }

        // Fallback: <dotnet root>/sdk/<newest>/Sdks/Microsoft.NET.Sdk/analyzers, the root found from this runtime.
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT")
            ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdk = Path.Combine(root, "sdk");
        if (!Directory.Exists(sdk))
        {
            return null;
        }

        return Directory.EnumerateDirectories(sdk)
            .Select(d => Path.Combine(d, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(d => File.Exists(Path.Combine(d, file)))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
