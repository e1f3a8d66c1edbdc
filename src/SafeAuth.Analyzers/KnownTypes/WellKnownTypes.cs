using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>
/// Resolves metadata names once per compilation and shares the answers between all SafeAuth analyzers
/// that run on that compilation. This is the only place that calls <c>GetTypeByMetadataName</c>.
/// </summary>
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

    private INamedTypeSymbol? Resolve(string metadataName)
    {
#pragma warning disable RS0030 // the cache is the sanctioned caller
        return _compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }
}
