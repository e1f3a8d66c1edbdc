using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>Which Web Storage area a write goes to.</summary>
internal enum BrowserStorage
{
    Local,
    Session,
}

/// <summary>How the write reaches the browser.</summary>
internal enum StorageSinkKind
{
    /// <summary><c>IJSRuntime</c>/<c>IJSObjectReference</c> <c>Invoke*("localStorage.setItem", key, value)</c>.</summary>
    JsInteropSetItem,
    /// <summary><c>IJSRuntime.SetValueAsync("localStorage.name", value)</c> (.NET 10): a property of the storage object.</summary>
    JsInteropSetValue,
    /// <summary>Blazored <c>SetItem*</c>.</summary>
    Blazored,
    /// <summary>A <c>[JSImport("localStorage.setItem")]</c> method.</summary>
    JSImport,
    /// <summary>The project's own method whose parameter reaches one of the writes above (<see cref="StorageWrappers"/>).</summary>
    Wrapper,
    /// <summary>The app's own JS function that writes its argument to storage (<see cref="JsStorageFunctions"/>).</summary>
    JsFunction,
}

/// <summary>
/// One write to <c>localStorage</c> or <c>sessionStorage</c> found in an invocation: the storage area, the key and
/// value operations, and a display name. Shared by AUTH401, AUTH402 and their code fix. This type matches the sinks;
/// <see cref="TokenEvidence"/> decides whether the value is a token, <see cref="StorageStrings"/> resolves key text.
/// </summary>
internal sealed class BrowserStorageWrite
{
    private BrowserStorageWrite(IInvocationOperation invocation, BrowserStorage storage, StorageSinkKind kind, IOperation? key, string? keyText, IOperation? value, string member, string? fallbackEvidence = null)
    {
        FallbackEvidence = fallbackEvidence;
        Invocation = invocation;
        Storage = storage;
        Kind = kind;
        Key = key;
        KeyText = keyText;
        Value = value;
        Member = member;
    }

    public IInvocationOperation Invocation { get; }
    public BrowserStorage Storage { get; }
    public StorageSinkKind Kind { get; }

    /// <summary>The key argument, when the key is an argument (null for <see cref="StorageSinkKind.JsInteropSetValue"/>).</summary>
    public IOperation? Key { get; }

    /// <summary>The key's constant text, when known.</summary>
    public string? KeyText { get; }

    /// <summary>The value written, without the conversion to <c>object</c> JS interop adds.</summary>
    public IOperation? Value { get; }

    /// <summary>What the message names, e.g. <c>IJSRuntime.InvokeVoidAsync("localStorage.setItem")</c>.</summary>
    public string Member { get; }

    /// <summary>What says the value is a token when the key and value do not (a JS function's token-named parameter), or null.</summary>
    public string? FallbackEvidence { get; }

    /// <summary>A call that writes to storage through the project's own code: a wrapper method or a JS function of the app.</summary>
    internal static BrowserStorageWrite Indirect(IInvocationOperation invocation, BrowserStorage storage, StorageSinkKind kind, IOperation? key, string? keyText, IOperation value, string member, string? fallbackEvidence = null) =>
        new(invocation, storage, kind, key, keyText, value, member, fallbackEvidence);

    /// <summary>Matches a storage write. Returns false for reads, removes, clears and anything it cannot resolve.</summary>
    public static bool TryMatch(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke" or "SetValueAsync" or "SetValue"
                when IsJsInteropMethod(method, type, symbols):
                return TryMatchJsInterop(invocation, symbols, out write);

            case "SetItemAsync" or "SetItemAsStringAsync" or "SetItem" or "SetItemAsString":
                BrowserStorage storage;
                if (ImplementsAny(type, symbols.LocalStorageServices))
                {
                    storage = BrowserStorage.Local;
                }
                else if (ImplementsAny(type, symbols.SessionStorageServices))
                {
                    storage = BrowserStorage.Session;
                }
                else
                {
                    // A [JSImport] method may be called SetItem too.
                    return TryMatchJSImport(invocation, symbols, out write);
                }

                var key = invocation.GetArgument("key");
                var data = invocation.GetArgument("data");
                if (key is null || data is null)
                {
                    return false;
                }

                write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.Blazored, key, ValueFlow.StringOrNull(key),
                    data.WalkDownConversion(), ServiceName(invocation, type) + "." + method.Name);
                return true;

            default:
                return TryMatchJSImport(invocation, symbols, out write);
        }
    }

    internal static bool IsJsInteropMethod(IMethodSymbol method, INamedTypeSymbol type, BrowserStorageSymbols symbols)
    {
        foreach (var extensions in symbols.JsInteropExtensions)
        {
            if (SymbolEqualityComparer.Default.Equals(type, extensions))
            {
                return true;
            }
        }

        return !method.IsStatic && ImplementsAny(type, symbols.JsInteropTypes);
    }

    private static bool ImplementsAny(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> interfaces)
    {
        foreach (var candidate in interfaces)
        {
            if (type.ImplementsOrEquals(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static string ServiceName(IInvocationOperation invocation, INamedTypeSymbol declaringType)
    {
        var receiverType = invocation.GetReceiver()?.WalkDownConversion().Type;
        return receiverType is INamedTypeSymbol named && named.TypeKind == TypeKind.Interface ? named.Name : declaringType.Name;
    }

    private static bool TryMatchJsInterop(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var identifierOperation = invocation.GetArgument("identifier");
        if (identifierOperation is null || ValueFlow.StringOrNull(identifierOperation) is not { } identifier)
        {
            return false;
        }

        var path = StripGlobalPrefixes(identifier);
        if (!TrySplitStorage(path, out var storage, out var rest))
        {
            return false;
        }

        var method = invocation.TargetMethod;
        var member = InteropMember(invocation, identifier);

        if (method.Name is "SetValueAsync" or "SetValue")
        {
            // localStorage.name = value stores the value under "name".
            if (rest.IndexOf('.') >= 0 || rest is "setItem" or "getItem" or "removeItem" or "clear" or "key" or "length")
            {
                return false;
            }

            var value = invocation.GetArgument("value");
            if (value is null)
            {
                return false;
            }

            write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JsInteropSetValue, null, rest, value.WalkDownConversion(), member);
            return true;
        }

        if (rest != "setItem")
        {
            return false;
        }

        var args = JsArguments(invocation.GetArgument("args"));
        if (args.Length < 2)
        {
            return false;
        }

        write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JsInteropSetItem, args[0], ValueFlow.StringOrNull(args[0]), args[1], member);
        return true;
    }

    /// <summary>What a message names for a JS interop call: <c>IJSRuntime.InvokeVoidAsync("identifier")</c>.</summary>
    internal static string InteropMember(IInvocationOperation invocation, string identifier)
    {
        var method = invocation.TargetMethod;
        var receiverName = ServiceName(invocation, method.ContainingType);
        if (receiverName.EndsWith("Extensions", StringComparison.Ordinal))
        {
            receiverName = method.Parameters.Length > 0 ? method.Parameters[0].Type.Name : receiverName;
        }

        return receiverName + "." + method.Name + "(\"" + identifier + "\")";
    }

    /// <summary>
    /// An <c>IJSRuntime</c> <c>InvokeAsync</c>/<c>InvokeVoidAsync("localStorage.getItem"|"removeItem", key)</c>: the
    /// storage area, <c>getItem</c> or <c>removeItem</c>, and the key (what a storage fix moves along with the write).
    /// </summary>
    public static bool TryMatchJsInteropAccess(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorage storage, out string operation, out IOperation key)
    {
        storage = default;
        operation = string.Empty;
        key = null!;
        var method = invocation.TargetMethod;
        if (method.Name is not ("InvokeAsync" or "InvokeVoidAsync") || method.ContainingType?.OriginalDefinition is not { } type
            || !IsJsInteropMethod(method, type, symbols)
            || invocation.GetArgument("identifier") is not { } identifier || ValueFlow.StringOrNull(identifier) is not { } text
            || !TrySplitStorage(StripGlobalPrefixes(text), out storage, out var rest) || rest is not ("getItem" or "removeItem"))
        {
            return false;
        }

        var args = JsArguments(invocation.GetArgument("args"));
        if (args.Length != 1)
        {
            return false;
        }

        operation = rest;
        key = args[0];
        return true;
    }

    private static bool TryMatchJSImport(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var method = invocation.TargetMethod;
        if (symbols.JSImportAttribute is null || !method.IsStatic || invocation.Arguments.Length < 2)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JSImportAttribute)
                || attribute.ConstructorArguments.Length == 0
                || attribute.ConstructorArguments[0].Value is not string functionName)
            {
                continue;
            }

            if (!TrySplitStorage(StripGlobalPrefixes(functionName), out var storage, out var rest) || rest != "setItem")
            {
                return false;
            }

            var key = ArgumentAt(invocation, 0);
            var value = ArgumentAt(invocation, 1);
            if (key is null || value is null)
            {
                return false;
            }

            write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JSImport, key, ValueFlow.StringOrNull(key), value.WalkDownConversion(),
                method.Name + " ([JSImport(\"" + functionName + "\")])");
            return true;
        }

        return false;
    }

    internal static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The elements passed as JS arguments: a params array, an explicit array, or a local holding one.</summary>
    internal static ImmutableArray<IOperation> JsArguments(IOperation? args)
    {
        if (args is null)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var array = args.WalkDownConversion();
        if (array is ILocalReferenceOperation local && ValueFlow.SingleValue(local.Local, array) is { } assigned)
        {
            array = assigned.WalkDownConversion();
        }

        if (array is IArrayCreationOperation { Initializer: { } initializer })
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>(initializer.ElementValues.Length);
            foreach (var element in initializer.ElementValues)
            {
                builder.Add(element.WalkDownConversion());
            }

            return builder.ToImmutable();
        }

        return ImmutableArray<IOperation>.Empty;
    }

    internal static string StripGlobalPrefixes(string identifier)
    {
        var path = identifier.Trim();
        while (true)
        {
            if (path.StartsWith("window.", StringComparison.Ordinal))
            {
                path = path.Substring("window.".Length);
            }
            else if (path.StartsWith("globalThis.", StringComparison.Ordinal))
            {
                path = path.Substring("globalThis.".Length);
            }
            else if (path.StartsWith("self.", StringComparison.Ordinal))
            {
                path = path.Substring("self.".Length);
            }
            else
            {
                return path;
            }
        }
    }

    private static bool TrySplitStorage(string path, out BrowserStorage storage, out string rest)
    {
        if (path.StartsWith("localStorage.", StringComparison.Ordinal))
        {
            storage = BrowserStorage.Local;
            rest = path.Substring("localStorage.".Length);
            return rest.Length > 0;
        }

        if (path.StartsWith("sessionStorage.", StringComparison.Ordinal))
        {
            storage = BrowserStorage.Session;
            rest = path.Substring("sessionStorage.".Length);
            return rest.Length > 0;
        }

        storage = default;
        rest = string.Empty;
        return false;
    }
}
