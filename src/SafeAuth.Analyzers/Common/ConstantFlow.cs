using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>Finds the compile-time value of an operand, also through locals that only ever hold one constant.</summary>
internal static class ConstantFlow
{
    public static bool TryGetConstant(IOperation value, out object? constant)
    {
        value = value.WalkDownConversion();
        if (value.ConstantValue.HasValue)
        {
            constant = value.ConstantValue.Value;
            return true;
        }

        if (value is ILocalReferenceOperation local && TryGetSingleValue(local, out var assigned))
        {
            return TryGetConstant(assigned, out constant);
        }

        constant = null;
        return false;
    }

    public static bool IsConstant(IOperation value, bool expected) =>
        TryGetConstant(value, out var constant) && constant is bool b && b == expected;

    /// <summary>
    /// The one value a local holds: its initializer when it is never assigned again in the member body, or the single
    /// assignment of a local declared without one.
    /// </summary>
    public static bool TryGetSingleValue(ILocalReferenceOperation local, out IOperation value)
    {
        value = null!;
        IOperation? found = null;
        var count = 0;
        foreach (var operation in local.GetRoot().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) && declarator.Initializer is { } initializer:
                    found = initializer.Value;
                    count++;
                    break;
                case IAssignmentOperation assignment
                    when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    found = assignment.Value;
                    count++;
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument
                    when argument.Value is ILocalReferenceOperation byRef && SymbolEqualityComparer.Default.Equals(byRef.Local, local.Local):
                    return false;
            }
        }

        if (count != 1 || found is null)
        {
            return false;
        }

        value = found;
        return true;
    }
}
