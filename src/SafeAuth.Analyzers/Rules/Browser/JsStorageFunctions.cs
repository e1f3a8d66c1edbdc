using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// The app's own JavaScript functions that write to browser storage, read from the <c>.js</c> files the project hands
/// the compiler as additional files (the package adds <c>wwwroot/**/*.js</c> and collocated <c>*.razor.js</c>). A JS
/// interop call or <c>[JSImport]</c> method that names such a function (<c>"saveToken"</c>, <c>"auth.saveToken"</c>,
/// through a constant or an <c>IJSObjectReference</c> module) is a write, with the arguments mapped to the function's
/// parameters. Without the file nothing is known about the function, and nothing is reported.
/// </summary>
internal sealed class JsStorageFunctions
{
    /// <summary>Larger files are bundles or libraries, not the app's own interop script.</summary>
    internal const int MaxFileLength = 512 * 1024;

    private static readonly ConditionalWeakTable<AdditionalText, JsFunction[]> FileCache = new();

    private readonly Dictionary<string, List<JsFunction>> _byName;

    private JsStorageFunctions(Dictionary<string, List<JsFunction>> byName) => _byName = byName;

    public bool IsEmpty => _byName.Count == 0;

    public static JsStorageFunctions Create(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<JsFunction>>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsAppScript(file.Path))
            {
                continue;
            }

            foreach (var function in FileCache.GetValue(file, f => Read(f, cancellationToken)))
            {
                if (!byName.TryGetValue(function.Name, out var list))
                {
                    byName[function.Name] = list = new List<JsFunction>();
                }

                list.Add(function);
            }
        }

        return new JsStorageFunctions(byName);
    }

    /// <summary>A <c>.js</c>/<c>.mjs</c> file that is not minified and not under <c>lib/</c> or <c>node_modules/</c>.</summary>
    internal static bool IsAppScript(string path)
    {
        var normalized = path.Replace('\\', '/');
        return (normalized.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || normalized.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase))
               && !normalized.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)
               && normalized.IndexOf("/node_modules/", StringComparison.OrdinalIgnoreCase) < 0
               && normalized.IndexOf("/lib/", StringComparison.OrdinalIgnoreCase) < 0;
    }

    private static JsFunction[] Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null || text.Length > MaxFileLength)
        {
            return Array.Empty<JsFunction>();
        }

        var content = text.ToString();
        if (content.IndexOf("Storage", StringComparison.Ordinal) < 0)
        {
            return Array.Empty<JsFunction>();
        }

        return new List<JsFunction>(JsFunctionReader.Read(JsTokens.Read(content), Path.GetFileName(file.Path))).ToArray();
    }

    /// <summary>Whether <paramref name="invocation"/> calls a JS function of the app that writes one of its arguments to <paramref name="storage"/>.</summary>
    public bool TryMatch(IInvocationOperation invocation, BrowserStorageSymbols symbols, BrowserStorage storage, out BrowserStorageWrite write)
    {
        write = null!;
        if (IsEmpty || !TryGetCall(invocation, symbols, out var identifier, out var arguments, out var member))
        {
            return false;
        }

        var path = BrowserStorageWrite.StripGlobalPrefixes(identifier);
        var name = path.Substring(path.LastIndexOf('.') + 1);
        if (!_byName.TryGetValue(name, out var functions))
        {
            return false;
        }

        foreach (var function in functions)
        {
            foreach (var jsWrite in function.Writes)
            {
                if (jsWrite.Storage != storage || jsWrite.ValueParameter >= arguments.Length)
                {
                    continue;
                }

                var key = jsWrite.KeyParameter >= 0 && jsWrite.KeyParameter < arguments.Length ? arguments[jsWrite.KeyParameter] : null;
                var keyText = jsWrite.KeyText ?? (key is null ? null : ValueFlow.StringOrNull(key));
                var area = storage == BrowserStorage.Local ? "localStorage" : "sessionStorage";
                var parameter = function.Parameters[jsWrite.ValueParameter];
                var fallback = TokenNames.IsTokenName(parameter) ? "JS parameter '" + parameter + "'"
                    : TokenNames.IsTokenName(function.Name) ? "JS function " + function.Name : null;
                write = BrowserStorageWrite.Indirect(invocation, storage, StorageSinkKind.JsFunction, key, keyText, arguments[jsWrite.ValueParameter],
                    member + " (" + function.Name + " in " + function.File + " calls " + area + ".setItem)", fallback);
                return true;
            }
        }

        return false;
    }

    /// <summary>The JS function a call names and the arguments it passes: a JS interop <c>Invoke*</c>, or a <c>[JSImport]</c> method.</summary>
    private static bool TryGetCall(IInvocationOperation invocation, BrowserStorageSymbols symbols, out string identifier, out ImmutableArray<IOperation> arguments, out string member)
    {
        identifier = string.Empty;
        arguments = ImmutableArray<IOperation>.Empty;
        member = string.Empty;
        var method = invocation.TargetMethod;
        if (method.Name is "InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke"
            && method.ContainingType?.OriginalDefinition is { } type && BrowserStorageWrite.IsJsInteropMethod(method, type, symbols))
        {
            if (invocation.GetArgument("identifier") is not { } identifierOperation || ValueFlow.StringOrNull(identifierOperation) is not { } text)
            {
                return false;
            }

            identifier = text;
            arguments = BrowserStorageWrite.JsArguments(invocation.GetArgument("args"));
            member = BrowserStorageWrite.InteropMember(invocation, text);
            return true;
        }

        if (symbols.JSImportAttribute is null || !method.IsStatic)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JSImportAttribute)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string functionName)
            {
                identifier = functionName;
                var builder = ImmutableArray.CreateBuilder<IOperation>(invocation.Arguments.Length);
                foreach (var argument in invocation.Arguments)
                {
                    builder.Add(argument.Value.WalkDownConversion());
                }

                arguments = builder.ToImmutable();
                member = method.Name + " ([JSImport(\"" + functionName + "\")])";
                return true;
            }
        }

        return false;
    }
}

/// <summary>A storage write in a JS function: the area, the parameter (or the text) that is its key, the parameter its value comes from.</summary>
internal sealed class JsStorageWrite
{
    public JsStorageWrite(BrowserStorage storage, int keyParameter, string? keyText, int valueParameter)
    {
        Storage = storage;
        KeyParameter = keyParameter;
        KeyText = keyText;
        ValueParameter = valueParameter;
    }

    public BrowserStorage Storage { get; }
    public int KeyParameter { get; }
    public string? KeyText { get; }
    public int ValueParameter { get; }
}

/// <summary>A function of the app's JavaScript that writes one of its parameters to browser storage.</summary>
internal sealed class JsFunction
{
    public JsFunction(string name, string file, ImmutableArray<string?> parameters, ImmutableArray<JsStorageWrite> writes)
    {
        Name = name;
        File = file;
        Parameters = parameters;
        Writes = writes;
    }

    public string Name { get; }

    /// <summary>The file name (without its folder), for the message.</summary>
    public string File { get; }

    public ImmutableArray<string?> Parameters { get; }
    public ImmutableArray<JsStorageWrite> Writes { get; }
}
