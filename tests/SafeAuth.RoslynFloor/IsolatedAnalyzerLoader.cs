using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SafeAuth.RoslynFloor;

/// <summary>
/// Loads analyzer assemblies into their own load context, as a compiler host does: the compiler's assemblies
/// (Microsoft.CodeAnalysis*, the host's 4.8.0) come from the default context, so an analyzer built against a newer
/// Roslyn fails to load here exactly as it would in the .NET 8 SDK.
/// </summary>
internal sealed class IsolatedAnalyzerLoader : IAnalyzerAssemblyLoader
{
    private readonly AssemblyLoadContext _context = new("SafeAuth analyzers", isCollectible: false);
    private readonly Dictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);

    public IsolatedAnalyzerLoader()
    {
        _context.Resolving += (context, name) =>
            name.Name is not null && _dependencies.TryGetValue(name.Name, out var path) ? context.LoadFromAssemblyPath(path) : null;
    }

    public void AddDependencyLocation(string fullPath) => _dependencies[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

    public Assembly LoadFromPath(string fullPath)
    {
        var name = AssemblyName.GetAssemblyName(fullPath);
        return _context.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
            ?? _context.LoadFromAssemblyPath(fullPath);
    }
}
