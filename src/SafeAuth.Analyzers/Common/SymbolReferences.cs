using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Where a value goes, the other half of <see cref="ValueFlow"/>: every reference to a local, parameter, field or
/// property inside one member body (or initializer), in source order, assignment targets included. One walk per
/// operation tree, on first request, shared by every rule and kept while the tree lives.
/// </summary>
internal static class SymbolReferences
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ISymbol, List<IOperation>>> Cache = new();

    private static readonly IReadOnlyList<IOperation> None = new List<IOperation>();

    /// <summary>The references to <paramref name="symbol"/> in the operation tree that holds <paramref name="inTree"/>.</summary>
    public static IReadOnlyList<IOperation> In(ISymbol symbol, IOperation inTree) =>
        Cache.GetValue(inTree.GetRoot(), Collect).TryGetValue(symbol, out var references) ? references : None;

    /// <summary>Whether <paramref name="reference"/> is the target of an assignment (it is written, not read).</summary>
    public static bool IsAssignmentTarget(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    private static Dictionary<ISymbol, List<IOperation>> Collect(IOperation root)
    {
        var table = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation.ReferencedSymbol() is not { } symbol)
            {
                continue;
            }

            if (!table.TryGetValue(symbol, out var references))
            {
                table[symbol] = references = new List<IOperation>();
            }

            references.Add(operation);
        }

        return table;
    }
}
