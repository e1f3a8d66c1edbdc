using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Common;

namespace SafeAuth.Catalog;

/// <summary>Everything the analyzer package ships, found by reflection so a new rule is covered without editing this file.</summary>
public static class RuleCatalog
{
    public static readonly Assembly AnalyzerAssembly = typeof(RuleIds).Assembly;
    public static readonly Assembly CodeFixAssembly = typeof(CandidateCodeFixProvider).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Each descriptor with the analyzer that reports it, sorted by ID.</summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, DiagnosticAnalyzer Analyzer)> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics.Select(d => (d, a)))
        .OrderBy(x => x.d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The values of every public const in <see cref="RuleIds"/>, sorted.</summary>
    public static ImmutableArray<string> RuleIdConstants { get; } = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(x => x, StringComparer.Ordinal)
        .ToImmutableArray();

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Descriptor.Id == id).Descriptor;

    public static DiagnosticAnalyzer AnalyzerOf(string id) => Descriptors.Single(d => d.Descriptor.Id == id).Analyzer;

    public static bool HasCodeFix(string id) => CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

    /// <summary>The analyzer's source file, relative to the repository root: its namespace below <c>SafeAuth.Analyzers</c> is its folder.</summary>
    public static string AnalyzerSourcePath(DiagnosticAnalyzer analyzer)
    {
        var type = analyzer.GetType();
        var folder = type.Namespace!["SafeAuth.Analyzers".Length..].TrimStart('.').Replace('.', '/');
        return "src/SafeAuth.Analyzers/" + (folder.Length == 0 ? "" : folder + "/") + type.Name + ".cs";
    }

    /// <summary>The <c>.editorconfig</c> severity word of a descriptor's default: <c>none</c> when it is disabled by default.</summary>
    public static string DefaultSeverityWord(DiagnosticDescriptor descriptor) =>
        !descriptor.IsEnabledByDefault ? "none" : SeverityWord(descriptor.DefaultSeverity);

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}
