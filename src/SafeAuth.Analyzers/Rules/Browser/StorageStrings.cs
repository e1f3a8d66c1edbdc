using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>The text of storage keys and JS identifiers, and the values assigned to a local or member, followed a short way.</summary>
internal static class StorageStrings
{
    /// <summary>How many steps (fields, locals, interpolations) a value is followed.</summary>
    internal const int MaxDepth = 6;

    /// <summary>
    /// The text of a string: a constant (literal, <c>const</c>, constant interpolation), a <c>static readonly</c>
    /// field initialized with one, or a local assigned once.
    /// </summary>
    internal static string? ResolveString(IOperation operation, int depth)
    {
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field }:
                return ReadOnlyFieldInitializer(field, operation) is { } initializer ? ResolveString(initializer, depth + 1) : LiteralInitializer(field);
            case ILocalReferenceOperation local:
                return SingleAssignedValue(local.Local, operation) is { } value ? ResolveString(value, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The initializer of a read-only field declared in the tree <paramref name="context"/> comes from.</summary>
    private static IOperation? ReadOnlyFieldInitializer(IFieldSymbol field, IOperation context)
    {
        var model = context.SemanticModel;
        if (model is null)
        {
            return null;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree
                && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }

    /// <summary>A string literal initializer of a field declared in another tree (read from syntax only).</summary>
    private static string? LiteralInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                && literal.Token.Value is string text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The value a local holds when it is assigned exactly once (its declaration) in the enclosing body.</summary>
    internal static IOperation? SingleAssignedValue(ILocalSymbol local, IOperation reference)
    {
        IOperation? found = null;
        var count = 0;
        foreach (var value in AssignedValues(local, reference.GetRoot()))
        {
            found = value;
            count++;
        }

        return count == 1 ? found : null;
    }

    /// <summary>Every value assigned to <paramref name="symbol"/> inside <paramref name="root"/>.</summary>
    internal static IEnumerable<IOperation> AssignedValues(ISymbol symbol, IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && declarator.GetVariableInitializer() is { } initializer:
                    yield return initializer.Value;
                    break;
                case IAssignmentOperation assignment
                    when SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), symbol):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
