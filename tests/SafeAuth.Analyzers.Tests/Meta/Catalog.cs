using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers;
using SafeAuth.CodeFixes.Rules.Tokens;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>Everything the packages ship, found by reflection so a new rule is covered without editing this file.</summary>
internal static class Catalog
{
    public static readonly Assembly AnalyzerAssembly = typeof(RuleIds).Assembly;
    public static readonly Assembly CodeFixAssembly = typeof(JwtReadWithoutValidationCodeFixProvider).Assembly;

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

    /// <summary>Each descriptor with the analyzer that reports it.</summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, DiagnosticAnalyzer Analyzer)> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics.Select(d => (d, a)))
        .OrderBy(x => x.d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The values of every public const in <see cref="RuleIds"/>.</summary>
    public static ImmutableArray<string> RuleIdConstants { get; } = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(x => x, StringComparer.Ordinal)
        .ToImmutableArray();

    public static bool HasCodeFix(string id) => CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The README table row for a descriptor: ID · Title · Category · Default severity · Enabled · Code fix.</summary>
    public static string ReadmeRow(DiagnosticDescriptor descriptor)
    {
        var severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "❌ Error",
            DiagnosticSeverity.Warning => "⚠️ Warning",
            DiagnosticSeverity.Info => "ℹ️ Info",
            _ => "Hidden",
        };
        return $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {severity} | {(descriptor.IsEnabledByDefault ? "✔️" : "❌")} | {(HasCodeFix(descriptor.Id) ? "✔️" : "❌")} |";
    }
}
