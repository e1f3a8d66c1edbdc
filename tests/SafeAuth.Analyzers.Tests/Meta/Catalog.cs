using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Catalog;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>What the packages ship (from the catalog generator's <see cref="RuleCatalog"/>) and the repository's files.</summary>
internal static class Catalog
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => RuleCatalog.Analyzers;

    public static ImmutableArray<CodeFixProvider> CodeFixes => RuleCatalog.CodeFixes;

    /// <summary>Each descriptor with the analyzer that reports it.</summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, DiagnosticAnalyzer Analyzer)> Descriptors => RuleCatalog.Descriptors;

    /// <summary>The values of every public const in <see cref="RuleIds"/>.</summary>
    public static ImmutableArray<string> RuleIdConstants => RuleCatalog.RuleIdConstants;

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
}
