using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Values that are one element of a hard-coded collection (a <c>foreach</c> variable or a <c>Select</c> lambda's
/// parameter over an array literal or a field holding one), and the parameter a value comes from, for the project's
/// helpers whose parameter reaches a sink.
/// </summary>
internal sealed partial class ConstantDataTracker
{
    /// <summary>
    /// The parameter <paramref name="value"/> is, through conversions, encodings (<c>GetBytes</c>,
    /// <c>FromBase64String</c>…) and locals that hold one value; null for anything else.
    /// </summary>
    public IParameterSymbol? FindParameter(IOperation value)
    {
        for (var depth = 0; depth <= MaxDepth; depth++)
        {
            value = value.WalkDownConversion();
            switch (value)
            {
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IInvocationOperation invocation when IsEncoding(invocation):
                    value = invocation.Arguments[0].Value;
                    break;
                case ILocalReferenceOperation local when ValueFlow.SingleValue(local.Local, local) is { } single:
                    value = single;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>Encoding.*.GetBytes</c>, <c>Convert.FromBase64String</c>/<c>FromHexString</c>, <c>Base64UrlEncoder.DecodeBytes</c> of one value.</summary>
    private bool IsEncoding(IInvocationOperation invocation)
    {
        var type = invocation.TargetMethod.ContainingType;
        return invocation.Arguments.Length == 1 && invocation.TargetMethod.Name switch
        {
            "GetBytes" => invocation.Instance is not null && type.InheritsFromOrEquals(_symbols.Encoding),
            "FromBase64String" or "FromHexString" => SymbolEqualityComparer.Default.Equals(type, _symbols.Convert),
            "DecodeBytes" => SymbolEqualityComparer.Default.Equals(type, _symbols.Base64UrlEncoder),
            _ => false,
        };
    }

    /// <summary><c>keys.Select(k => …k…)</c>: the lambda's parameter is an element of <c>keys</c>.</summary>
    private ConstantOrigin? FromLambdaParameter(IParameterReferenceOperation reference, int depth, HashSet<ISymbol> visited)
    {
        if (reference.Parameter is not { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda })
        {
            return null;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
            {
                var argument = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
                return argument is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select }
                       && select.TargetMethod.ContainingType is { Name: "Enumerable", ContainingNamespace.Name: "Linq" }
                       && select.Arguments[1] == argument
                    ? FromElements(select.Arguments[0].Value, depth + 1, visited)
                    : null;
            }
        }

        return null;
    }

    /// <summary><c>foreach (var key in keys)</c>: the loop variable is an element of <c>keys</c>.</summary>
    private ConstantOrigin? FromLoopVariable(ILocalReferenceOperation reference, int depth, HashSet<ISymbol> visited)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local, SymbolEqualityComparer.Default))
            {
                return FromElements(loop.Collection, depth + 1, visited);
            }
        }

        return null;
    }

    /// <summary>Every element of <paramref name="collection"/> is hard-coded: an array literal, or a field or property initialized with one.</summary>
    private ConstantOrigin? FromElements(IOperation collection, int depth, HashSet<ISymbol> visited)
    {
        collection = collection.WalkDownConversion();
        var named = collection.ReferencedSymbol();
        if (named is IFieldSymbol or IPropertySymbol)
        {
            if (depth > MaxDepth || !visited.Add(named) || named is IPropertySymbol { SetMethod: { IsInitOnly: false } }
                || InitializerOperation(named) is not { } initializer)
            {
                return null;
            }

            collection = initializer.WalkDownConversion();
        }
        else if (collection is ILocalReferenceOperation local && ValueFlow.SingleValue(local.Local, local) is { } single)
        {
            collection = single.WalkDownConversion();
        }

        var elements = collection switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IArrayInitializerOperation initializer => initializer.ElementValues, // a field's `= { … }`
            _ => default,
        };
        if (elements.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var element in elements)
        {
            if (Find(element, depth + 1, visited) is null)
            {
                return null;
            }
        }

        var kind = named is IFieldSymbol ? "field" : "property";
        return new ConstantOrigin(named is null ? "an array literal" : $"the {kind} '{Name(named)}'", isNamed: named is not null, isElement: true);
    }
}
