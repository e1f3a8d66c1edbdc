using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>Whether a browser-storage write stores a token: the key's text or name, or where the value comes from.</summary>
internal static class TokenEvidence
{
    /// <summary>Why this write stores a token, or null when nothing says it does.</summary>
    public static string? Find(BrowserStorageWrite write, BrowserStorageSymbols symbols)
    {
        if (write.KeyText is not null && TokenNames.IsTokenName(write.KeyText))
        {
            return "key '" + write.KeyText + "'";
        }

        if (write.Key is not null && write.Key.WalkDownConversion().ReferencedSymbol() is { } keySymbol && TokenNames.IsTokenKeySymbolName(keySymbol.Name))
        {
            return "key " + keySymbol.Name;
        }

        if (write.Value is not null && ValueEvidence(write.Value, symbols, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } evidence)
        {
            return "value " + evidence;
        }

        return write.FallbackEvidence;
    }

    private static string? ValueEvidence(IOperation operation, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        operation = operation.WalkDownConversion();
        if (depth > ValueFlow.MaxDepth || IsCancellationToken(operation.Type, symbols))
        {
            return null;
        }

        switch (operation)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } }:
                return LooksLikeJwt(literal) ? "a JWT literal" : null;

            case ILocalReferenceOperation local:
                return SymbolEvidence(local.Local, operation, symbols, depth, visited);

            case IParameterReferenceOperation parameter:
                return TokenNames.IsTokenName(parameter.Parameter.Name) ? "'" + parameter.Parameter.Name + "'" : TypeEvidence(operation.Type);

            case IFieldReferenceOperation field:
                return SymbolEvidence(field.Field, operation, symbols, depth, visited);

            case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                return TokenNames.IsTokenName(property.Property.Name)
                    ? "'" + Display(property) + "'"
                    : SymbolEvidence(property.Property, operation, symbols, depth, visited);

            case IInvocationOperation invocation:
                return InvocationEvidence(invocation, symbols, depth, visited);

            case IAwaitOperation await:
                return ValueEvidence(await.Operation, symbols, depth + 1, visited);

            case IInterpolatedStringOperation interpolated:
                return InterpolationEvidence(interpolated, symbols, depth, visited);

            case IBinaryOperation binary:
                return ValueEvidence(binary.LeftOperand, symbols, depth + 1, visited)
                       ?? ValueEvidence(binary.RightOperand, symbols, depth + 1, visited);

            case IConditionalOperation conditional:
                return ValueEvidence(conditional.WhenTrue, symbols, depth + 1, visited)
                       ?? (conditional.WhenFalse is null ? null : ValueEvidence(conditional.WhenFalse, symbols, depth + 1, visited));

            case ICoalesceOperation coalesce:
                return ValueEvidence(coalesce.Value, symbols, depth + 1, visited)
                       ?? ValueEvidence(coalesce.WhenNull, symbols, depth + 1, visited);

            case IObjectCreationOperation creation:
                return CreationEvidence(creation, symbols, depth, visited);

            case IAnonymousObjectCreationOperation anonymous:
                return AnonymousObjectEvidence(anonymous, symbols, depth, visited);

            default:
                return null;
        }
    }

    private static string? InterpolationEvidence(IInterpolatedStringOperation interpolated, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation
                && ValueEvidence(interpolation.Expression, symbols, depth + 1, visited) is { } partEvidence)
            {
                return partEvidence;
            }
        }

        return null;
    }

    /// <summary>An object built with a token: a token-named constructor parameter, an argument or initializer holding one, or a token type.</summary>
    private static string? CreationEvidence(IObjectCreationOperation creation, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        foreach (var argument in creation.Arguments)
        {
            if ((argument.Parameter is { } parameter && TokenNames.IsTokenName(parameter.Name) && !IsCancellationToken(parameter.Type, symbols))
                || ValueEvidence(argument.Value, symbols, depth + 1, visited) is not null)
            {
                return "a " + creation.Type?.Name + " holding a token";
            }
        }

        return InitializerEvidence(creation.Initializer, symbols, depth, visited) is not null
            ? "a " + creation.Type?.Name + " holding a token"
            : TypeEvidence(creation.Type);
    }

    private static string? AnonymousObjectEvidence(IAnonymousObjectCreationOperation anonymous, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation assignment
                && ((assignment.Target is IPropertyReferenceOperation target && TokenNames.IsTokenName(target.Property.Name))
                    || ValueEvidence(assignment.Value, symbols, depth + 1, visited) is not null))
            {
                return "an object holding a token";
            }
        }

        return null;
    }

    private static string? InitializerEvidence(IObjectOrCollectionInitializerOperation? initializer, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        if (initializer is null)
        {
            return null;
        }

        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation assignment
                && ((assignment.Target.ReferencedSymbol() is { } target && TokenNames.IsTokenName(target.Name))
                    || ValueEvidence(assignment.Value, symbols, depth + 1, visited) is not null))
            {
                return "initializer";
            }
        }

        return null;
    }

    private static string? InvocationEvidence(IInvocationOperation invocation, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        var method = invocation.TargetMethod;
        if (TokenNames.IsTokenName(method.Name) && !IsCancellationToken(method.ReturnType, symbols) && method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return "from " + method.Name + "()";
        }

        switch (method.Name)
        {
            // A token turned into text: jwt.ToString(), token.Trim(), JsonSerializer.Serialize(authResult).
            case "ToString" or "Trim" or "TrimEnd" or "TrimStart" or "ToLowerInvariant" or "ToUpperInvariant" or "Substring"
                when invocation.Instance is not null:
                return ValueEvidence(invocation.Instance, symbols, depth + 1, visited);
            case "Serialize" or "SerializeObject" or "Encode" or "Concat" or "Format" or "Join":
                foreach (var argument in invocation.Arguments)
                {
                    if (ValueEvidence(argument.Value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A local, field or property: its name, then (for locals and same-tree fields) the values assigned to it.</summary>
    private static string? SymbolEvidence(ISymbol symbol, IOperation reference, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        if (TokenNames.IsTokenName(symbol.Name))
        {
            return "'" + symbol.Name + "'";
        }

        if (!visited.Add(symbol))
        {
            return null;
        }

        switch (symbol)
        {
            case ILocalSymbol local:
                foreach (var value in LocalWrites.Of(local, reference).Values)
                {
                    if (ValueEvidence(value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                break;

            case IFieldSymbol or IPropertySymbol:
                foreach (var value in MemberAssignedValues(symbol, reference))
                {
                    if (ValueEvidence(value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                break;
        }

        return TypeEvidence(reference.Type);
    }

    /// <summary>
    /// Values assigned to a field or property of a type declared in the same tree as <paramref name="reference"/>:
    /// its initializer and the assignments inside that type.
    /// </summary>
    private static IEnumerable<IOperation> MemberAssignedValues(ISymbol member, IOperation reference)
    {
        var model = reference.SemanticModel;
        if (model is null)
        {
            yield break;
        }

        foreach (var syntaxReference in member.DeclaringSyntaxReferences)
        {
            if (syntaxReference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = syntaxReference.GetSyntax();
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer) is { } initialValue)
            {
                yield return initialValue;
            }

            if (declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
            {
                continue;
            }

            foreach (var assignment in type.DescendantNodes())
            {
                if (assignment is AssignmentExpressionSyntax { Left: var left, Right: var right }
                    && NameOf(left) == member.Name
                    && model.GetOperation(assignment) is IAssignmentOperation operation
                    && SymbolEqualityComparer.Default.Equals(operation.Target.ReferencedSymbol(), member))
                {
                    yield return operation.Value;
                }
            }
        }
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A non-string object whose public string properties include a token (an MSAL AuthenticationResult, a record).</summary>
    private static string? TypeEvidence(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        foreach (var member in named.GetMembers())
        {
            if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property
                && property.Type.SpecialType == SpecialType.System_String
                && TokenNames.IsTokenName(property.Name))
            {
                return "a " + named.Name + " (its " + property.Name + ")";
            }
        }

        return null;
    }

    private static bool IsCancellationToken(ITypeSymbol? type, BrowserStorageSymbols symbols) =>
        type is not null && symbols.CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, symbols.CancellationToken);

    private static string Display(IPropertyReferenceOperation property)
    {
        var instance = property.Instance?.WalkDownConversion();
        var prefix = instance?.ReferencedSymbol()?.Name ?? property.Property.ContainingType.Name;
        return prefix + "." + property.Property.Name;
    }

    /// <summary><c>eyJ…</c> with three dot-separated segments: the shape of a JWS compact serialization.</summary>
    private static bool LooksLikeJwt(string text)
    {
        if (!text.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return dots is 2 or 4;
    }
}
