using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

internal static class OperationExtensions
{
    /// <summary>Skips implicit and explicit conversions (casts, <c>as</c>) and parentheses downwards.</summary>
    public static IOperation WalkDownConversion(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The nearest ancestor that is not a conversion or parentheses.</summary>
    public static IOperation? WalkUpConversion(this IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The outermost operation of the member body (or field initializer) that holds <paramref name="operation"/>.</summary>
    public static IOperation GetRoot(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    public static bool IsConstant(this IOperation operation, bool value) =>
        operation.WalkDownConversion().ConstantValue is { HasValue: true, Value: bool b } && b == value;

    /// <summary>The symbol a reference operation names: a local, parameter, field or property.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property when property.Arguments.Length == 0 => property.Property,
        _ => null,
    };

    /// <summary>Whether <paramref name="method"/> declares a parameter named <paramref name="name"/>.</summary>
    public static bool HasParameter(this IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For an argument, the argument operation's value; for an extension call, the receiver is argument 0.</summary>
    public static IOperation? GetArgument(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    /// <summary>The receiver of an instance call or of a reduced extension call.</summary>
    public static IOperation? GetReceiver(this IInvocationOperation invocation)
    {
        if (invocation.Instance is not null)
        {
            return invocation.Instance;
        }

        return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments[0].Value
            : null;
    }

    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ImplementsOrEquals(this ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }
}
