using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>
/// Resolves metadata names once per compilation and shares the answers between all SafeAuth analyzers
/// that run on that compilation. This is the only place that looks types up by metadata name.
/// </summary>
/// <remarks>
/// A name that two assemblies define (an internal polyfill copy, a library referenced twice in two versions) makes
/// <c>Compilation.GetTypeByMetadataName</c> answer null, which would switch a rule off without a word. Like the
/// well-known-type providers of ASP.NET Core and NetAnalyzers, <see cref="Resolve"/> picks the best candidate instead:
/// the compilation's own type, else the one type visible to the compilation, else among several visible ones the
/// highest assembly version (then the assembly name, so the answer is stable).
/// </remarks>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(System.StringComparer.Ordinal);

    private int _projectKind = -1;

    private WellKnownTypes(Compilation compilation) => _compilation = compilation;

    public Compilation Compilation => _compilation;

    public static WellKnownTypes GetOrCreate(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>The project kind, computed by <paramref name="compute"/> on first request and then shared.</summary>
    public ProjectKind GetOrAddProjectKind(
        Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options,
        System.Func<WellKnownTypes, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions, ProjectKind> compute)
    {
        var cached = System.Threading.Volatile.Read(ref _projectKind);
        if (cached >= 0)
        {
            return (ProjectKind)cached;
        }

        var kind = compute(this, options);
        System.Threading.Interlocked.CompareExchange(ref _projectKind, (int)kind, -1);
        return (ProjectKind)System.Threading.Volatile.Read(ref _projectKind);
    }

    public INamedTypeSymbol? Get(string metadataName) =>
        _types.GetOrAdd(metadataName, Resolve);

    /// <summary>
    /// A <c>Duende.IdentityModel</c> type (<c>Duende.IdentityModel.Client</c>, <c>Duende.IdentityModel.OidcClient</c>),
    /// or, in a project on the library from before its rename (IdentityModel 6, IdentityModel.OidcClient 5, still
    /// common in MAUI, WPF and console apps), the same type in its old namespace. Every Duende name goes through here.
    /// </summary>
    public INamedTypeSymbol? GetIdentityModelClient(string duendeMetadataName) =>
        Get(duendeMetadataName) ?? (LegacyIdentityModelName(duendeMetadataName) is { } legacy ? Get(legacy) : null);

    /// <summary>The name a Duende type had before the rename: the same name without the <c>Duende.</c> prefix.</summary>
    public static string? LegacyIdentityModelName(string duendeMetadataName) =>
        duendeMetadataName.StartsWith(DuendePrefix, System.StringComparison.Ordinal) ? duendeMetadataName.Substring(DuendePrefix.Length) : null;

    private const string DuendePrefix = "Duende.";

    private INamedTypeSymbol? Resolve(string metadataName)
    {
#pragma warning disable RS0030 // the cache is the sanctioned caller
        var own = _compilation.Assembly.GetTypeByMetadataName(metadataName);
        if (own is not null)
        {
            return own;
        }

        INamedTypeSymbol? best = null;
        foreach (var candidate in _compilation.GetTypesByMetadataName(metadataName))
        {
            if (IsVisible(candidate) && (best is null || IsPreferred(candidate, best)))
            {
                best = candidate;
            }
        }
#pragma warning restore RS0030

        return best;
    }

    private bool IsVisible(INamedTypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol named; symbol = symbol.ContainingType)
        {
            switch (named.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    continue;
                case Accessibility.Internal or Accessibility.ProtectedOrInternal when named.ContainingAssembly.GivesAccessTo(_compilation.Assembly):
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsPreferred(INamedTypeSymbol candidate, INamedTypeSymbol best)
    {
        var version = candidate.ContainingAssembly.Identity.Version.CompareTo(best.ContainingAssembly.Identity.Version);
        return version != 0
            ? version > 0
            : string.CompareOrdinal(candidate.ContainingAssembly.Identity.Name, best.ContainingAssembly.Identity.Name) < 0;
    }
}
