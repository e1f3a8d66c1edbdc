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

    /// <summary>The full paths of the <c>*.cs</c> files below <paramref name="folder"/> (relative to the root), outside <c>bin/</c> and <c>obj/</c>, in ordinal order.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);

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
