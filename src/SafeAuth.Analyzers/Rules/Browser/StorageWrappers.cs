using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// The project's own storage wrappers, one level deep: a method of the project (or an interface method the project implements once) whose parameter is the value of a browser-storage write in its body, such as <c>SetAsync(string key, string value)</c>
/// over <c>localStorage.setItem</c>. Each call to it is then a write, judged with the arguments it is given, and the
/// finding names the wrapper. A write in the wrapper that is a token write by itself (a token key, a parameter named
/// <c>token</c>) is reported there, once, and does not make the wrapper a sink.
/// </summary>
internal sealed class StorageWrappers
{
    /// <summary>Text a file holding a wrapper contains: the storage name in a JS identifier, or a Blazored call.</summary>
    private static readonly ImmutableArray<string> Words = ImmutableArray.Create("localStorage", "sessionStorage", "SetItem");

    private readonly BrowserStorageSymbols _symbols;
    private readonly ProjectMethods.SummaryTable<ImmutableArray<Sink>> _summaries;

    private static readonly ConditionalWeakTable<Compilation, StorageWrappers> Cache = new();

    private StorageWrappers(Compilation compilation, BrowserStorageSymbols symbols)
    {
        _symbols = symbols;
        _summaries = ProjectMethods.For(compilation).Summaries(Words, MayWrite, Summarize, ImmutableArray<Sink>.Empty);
    }

    /// <summary>The compilation's wrappers, one table that AUTH401 and AUTH402 share, so a wrapper body is bound once.</summary>
    public static StorageWrappers For(Compilation compilation, BrowserStorageSymbols symbols) =>
        Cache.GetValue(compilation, c => new StorageWrappers(c, symbols));

    /// <summary>Whether <paramref name="invocation"/> calls a wrapper of the project that writes one of its arguments to browser storage.</summary>
    public bool TryMatch(IInvocationOperation invocation, BrowserStorage storage, out BrowserStorageWrite write)
    {
        write = null!;
        var method = invocation.TargetMethod;
        // A call through an interface is followed to the one class of the project that implements it.
        if (method.Parameters.Length == 0 && method.ReducedFrom is null)
        {
            return false;
        }

        foreach (var sink in _summaries.Get(method))
        {
            if (sink.Storage != storage || BrowserStorageWrite.ArgumentAt(invocation, sink.ValueOrdinal) is not { } value)
            {
                continue;
            }

            var key = sink.KeyOrdinal >= 0 ? BrowserStorageWrite.ArgumentAt(invocation, sink.KeyOrdinal) : null;
            var keyText = sink.KeyText ?? (key is null ? null : ValueFlow.StringOrNull(key));
            var wrapper = (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name;
            write = BrowserStorageWrite.Indirect(invocation, storage, StorageSinkKind.Wrapper, key, keyText, value.WalkDownConversion(), wrapper + " (which calls " + sink.Inner + ")");
            return true;
        }

        return false;
    }

    /// <summary>
    /// Before a method is bound: it has a parameter, and its body names the storage in a string
    /// (<c>"localStorage.setItem"</c>) or a Blazored write or a constant holding the identifier (<c>SetItem…</c>, <c>…Storage…</c>).
    /// </summary>
    private static bool MayWrite(SyntaxNode syntax)
    {
        if (syntax is not BaseMethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 } declaration)
        {
            return false;
        }

        foreach (var token in declaration.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.IdentifierToken))
                && (token.ValueText.IndexOf("Storage", System.StringComparison.Ordinal) >= 0 || token.ValueText.StartsWith("SetItem", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<Sink> Summarize(IOperation body)
    {
        var sinks = ImmutableArray.CreateBuilder<Sink>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not IInvocationOperation invocation || !BrowserStorageWrite.TryMatch(invocation, _symbols, out var write)
                || write.Value is null || ParameterOf(write.Value, body) is not { } value
                || TokenEvidence.Find(write, _symbols) is not null)
            {
                continue;
            }

            var key = write.Key is null ? null : ParameterOf(write.Key, body);
            sinks.Add(new Sink(write.Storage, key?.Ordinal ?? -1, key is null ? write.KeyText : null, value.Ordinal, write.Member));
        }

        return sinks.ToImmutable();
    }

    /// <summary>
    /// The wrapper's own parameter <paramref name="operation"/> is, through locals, <c>ToString()</c> and a JSON
    /// serialization of it (<c>JsonSerializer.Serialize(value)</c>); null for anything else.
    /// </summary>
    private static IParameterSymbol? ParameterOf(IOperation operation, IOperation body)
    {
        var current = operation;
        for (var depth = 0; depth < ValueFlow.MaxDepth; depth++)
        {
            current = ValueFlow.Resolve(current);
            switch (current)
            {
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter }
                    when method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction)
                         && method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].GetSyntax() == body.Syntax:
                    return parameter;
                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                    current = instance;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Serialize" or "SerializeObject", Arguments.Length: > 0 } serialize:
                    current = serialize.Arguments[0].Value;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A write in a wrapper: its storage area, the parameters that are its key (or the key's text) and value, what it calls.</summary>
    internal sealed class Sink
    {
        public Sink(BrowserStorage storage, int keyOrdinal, string? keyText, int valueOrdinal, string inner)
        {
            Storage = storage;
            KeyOrdinal = keyOrdinal;
            KeyText = keyText;
            ValueOrdinal = valueOrdinal;
            Inner = inner;
        }

        public BrowserStorage Storage { get; }
        public int KeyOrdinal { get; }
        public string? KeyText { get; }
        public int ValueOrdinal { get; }
        public string Inner { get; }
    }
}
