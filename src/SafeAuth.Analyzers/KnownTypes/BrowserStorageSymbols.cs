using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>The browser-storage APIs AUTH4xx rules watch, resolved once per compilation.</summary>
internal sealed class BrowserStorageSymbols
{
    private BrowserStorageSymbols(WellKnownTypes types)
    {
        Types = types;
        JsInteropTypes = Collect(types,
            MetadataNames.IJSRuntime, MetadataNames.IJSInProcessRuntime, MetadataNames.IJSObjectReference,
            MetadataNames.IJSInProcessObjectReference);
        JsInteropExtensions = Collect(types,
            MetadataNames.JSRuntimeExtensions, MetadataNames.JSInProcessRuntimeExtensions,
            MetadataNames.JSObjectReferenceExtensions, MetadataNames.JSInProcessObjectReferenceExtensions);
        LocalStorageServices = Collect(types, MetadataNames.BlazoredILocalStorageService, MetadataNames.BlazoredISyncLocalStorageService);
        SessionStorageServices = Collect(types, MetadataNames.BlazoredISessionStorageService, MetadataNames.BlazoredISyncSessionStorageService);
        JSImportAttribute = types.Get(MetadataNames.JSImportAttribute);
        CancellationToken = types.Get(MetadataNames.CancellationToken);
    }

    public WellKnownTypes Types { get; }

    /// <summary><c>IJSRuntime</c>, <c>IJSInProcessRuntime</c>, <c>IJSObjectReference</c>, <c>IJSInProcessObjectReference</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> JsInteropTypes { get; }

    /// <summary>The static classes holding <c>InvokeVoidAsync</c>, <c>InvokeAsync</c> and <c>InvokeVoid</c> extension methods.</summary>
    public ImmutableArray<INamedTypeSymbol> JsInteropExtensions { get; }

    public ImmutableArray<INamedTypeSymbol> LocalStorageServices { get; }

    public ImmutableArray<INamedTypeSymbol> SessionStorageServices { get; }

    public INamedTypeSymbol? JSImportAttribute { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>Whether any watched API is referenced (JS interop, Blazored storage or <c>[JSImport]</c>).</summary>
    public bool HasAnySink =>
        !JsInteropTypes.IsEmpty || !LocalStorageServices.IsEmpty || !SessionStorageServices.IsEmpty || JSImportAttribute is not null;

    public static BrowserStorageSymbols Create(Compilation compilation) => new(WellKnownTypes.GetOrCreate(compilation));

    private static ImmutableArray<INamedTypeSymbol> Collect(WellKnownTypes types, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (types.Get(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
