using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Every write to a local inside one member body (or initializer): the values it is given by its declaration and by
/// simple assignments, and whether anything else writes it (<c>ref</c>/<c>out</c>, compound assignment, <c>??=</c>,
/// <c>++</c>, deconstruction). One walk per operation tree, shared by every rule and kept while the tree lives.
/// </summary>
internal sealed class LocalWrites
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, LocalWrites>> Cache = new();

    private static readonly LocalWrites None = new();

    private readonly List<IOperation> _values = new();

    private LocalWrites()
    {
    }

    /// <summary>The values written by the declaration and by simple assignments, in source order.</summary>
    public IReadOnlyList<IOperation> Values => _values;

    /// <summary>Whether a write other than the declaration or a simple assignment exists.</summary>
    public bool HasOtherWrites { get; private set; }

    /// <summary>The one value the local holds, when exactly one write gives it one and nothing else writes it.</summary>
    public IOperation? Single => _values.Count == 1 && !HasOtherWrites ? _values[0] : null;

    /// <summary>The writes to <paramref name="local"/> in the operation tree that holds <paramref name="inTree"/>.</summary>
    public static LocalWrites Of(ILocalSymbol local, IOperation inTree) =>
        Cache.GetValue(inTree.GetRoot(), Collect).TryGetValue(local, out var writes) ? writes : None;

    private static Dictionary<ILocalSymbol, LocalWrites> Collect(IOperation root)
    {
        var table = new Dictionary<ILocalSymbol, LocalWrites>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                    For(table, declarator.Symbol)._values.Add(initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    For(table, target.Local)._values.Add(assignment.Value);
                    break;
                case ILocalReferenceOperation reference when IsOtherWrite(reference):
                    For(table, reference.Local).HasOtherWrites = true;
                    break;
            }
        }

        return table;
    }

    private static LocalWrites For(Dictionary<ILocalSymbol, LocalWrites> table, ILocalSymbol local)
    {
        if (!table.TryGetValue(local, out var writes))
        {
            writes = new LocalWrites();
            table.Add(local, writes);
        }

        return writes;
    }

    /// <summary>A write that is neither the declaration nor a simple assignment.</summary>
    private static bool IsOtherWrite(ILocalReferenceOperation reference)
    {
        IOperation child = reference;
        var parent = reference.Parent;
        while (parent is ITupleOperation or IDeclarationExpressionOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IDeconstructionAssignmentOperation deconstruction => deconstruction.Target == child,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            ICompoundAssignmentOperation compound => compound.Target == child,
            ICoalesceAssignmentOperation coalesce => coalesce.Target == child,
            IIncrementOrDecrementOperation => true,
            _ => false,
        };
    }
}
