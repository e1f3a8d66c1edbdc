using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>Follows a value a short way: through conversions, <c>const</c>s, locals assigned once and <c>static readonly</c> fields.</summary>
internal static class ValueFlow
{
    /// <summary>The initializer of <paramref name="local"/> when it is never assigned again in <paramref name="root"/>.</summary>
    public static IOperation? SingleAssignmentValue(ILocalSymbol local, IOperation root)
    {
        IOperation? initializer = null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    break;
                case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target
                                                          && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    return null;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument
                    when argument.Value is ILocalReferenceOperation byRef && SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                    return null;
            }
        }

        return initializer;
    }

    /// <summary>
    /// Steps from a reference to the value it holds: a local's single initializer. Returns the operation unchanged
    /// (conversions removed) when there is nothing to follow.
    /// </summary>
    public static IOperation Resolve(IOperation operation, IOperation root, int maxSteps = 3)
    {
        var current = operation.WalkDownConversion();
        for (var i = 0; i < maxSteps && current is ILocalReferenceOperation local; i++)
        {
            var value = SingleAssignmentValue(local.Local, root);
            if (value is null)
            {
                break;
            }

            current = value.WalkDownConversion();
        }

        return current;
    }

    /// <summary>A compile-time constant, also through a local assigned once or a <c>static readonly</c> field with a literal initializer.</summary>
    public static bool TryGetConstant(IOperation operation, IOperation root, out object? value)
    {
        var resolved = Resolve(operation, root);
        if (resolved.ConstantValue.HasValue)
        {
            value = resolved.ConstantValue.Value;
            return true;
        }

        if (resolved is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field })
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal })
                {
                    value = literal.Token.Value;
                    return true;
                }
            }
        }

        value = null;
        return false;
    }

    public static bool IsConstantFalse(IOperation operation, IOperation root) =>
        TryGetConstant(operation, root, out var value) && value is false;

    public static bool IsConstantNull(IOperation operation, IOperation root)
    {
        var resolved = operation.WalkDownConversion();
        if (resolved is IDefaultValueOperation)
        {
            return true;
        }

        return TryGetConstant(operation, root, out var value) && value is null;
    }

    public static bool TryGetNumber(IOperation operation, IOperation root, out double number)
    {
        number = 0;
        if (!TryGetConstant(operation, root, out var value) || value is null or bool or string or char)
        {
            return false;
        }

        try
        {
            number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }

    public static bool TryGetString(IOperation operation, IOperation root, out string text)
    {
        if (TryGetConstant(operation, root, out var value) && value is string s)
        {
            text = s;
            return true;
        }

        text = string.Empty;
        return false;
    }
}
