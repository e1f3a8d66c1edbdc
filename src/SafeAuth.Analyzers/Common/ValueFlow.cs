using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Where a value comes from, followed a short way and the same way for every rule: through conversions and
/// parentheses, locals that hold one value (<see cref="LocalWrites"/>), and <c>static readonly</c> fields and static
/// get-only auto-properties with an initializer. <see cref="MaxDepth"/> bounds every walk.
/// </summary>
internal static class ValueFlow
{
    /// <summary>How many steps (locals, fields, properties) a value is followed.</summary>
    public const int MaxDepth = 6;

    /// <summary>The one value <paramref name="local"/> holds in the operation tree of <paramref name="inTree"/>.</summary>
    public static IOperation? SingleValue(ILocalSymbol local, IOperation inTree) => LocalWrites.Of(local, inTree).Single;

    /// <summary>
    /// One step back from a reference to the value it holds: a local's single value, or the initializer of a
    /// <c>static readonly</c> field or static get-only auto-property declared in the same tree. Null when there is none.
    /// </summary>
    public static IOperation? Step(IOperation operation) => operation.WalkDownConversion() switch
    {
        ILocalReferenceOperation local => SingleValue(local.Local, local),
        IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } reference => Initializer(field, reference),
        IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } property } reference => Initializer(property, reference),
        _ => null,
    };

    /// <summary>Follows <see cref="Step"/> up to <see cref="MaxDepth"/> times; the operation itself (conversions removed) when there is nothing to follow.</summary>
    public static IOperation Resolve(IOperation operation)
    {
        var current = operation.WalkDownConversion();
        for (var i = 0; i < MaxDepth && !current.ConstantValue.HasValue && Step(current) is { } next; i++)
        {
            current = next.WalkDownConversion();
        }

        return current;
    }

    /// <summary>
    /// The compile-time value of <paramref name="operation"/> after <see cref="Resolve"/>; for a read-only member declared
    /// in another tree, its literal initializer.
    /// </summary>
    public static bool TryGetConstant(IOperation operation, out object? value)
    {
        var resolved = Resolve(operation);
        if (resolved.ConstantValue.HasValue)
        {
            value = resolved.ConstantValue.Value;
            return true;
        }

        if (resolved.ReferencedSymbol() is { IsStatic: true } member && (member is IFieldSymbol { IsReadOnly: true } || member is IPropertySymbol { SetMethod: null })
            && InitializerSyntax(member) is LiteralExpressionSyntax literal)
        {
            value = literal.Token.Value;
            return true;
        }

        value = null;
        return false;
    }

    public static bool IsConstant(IOperation operation, bool expected) => TryGetConstant(operation, out var value) && value is bool b && b == expected;

    public static bool IsConstantFalse(IOperation operation) => IsConstant(operation, false);

    /// <summary>The constant <c>null</c>, also as <c>default</c>.</summary>
    public static bool IsConstantNull(IOperation operation) =>
        Resolve(operation) is IDefaultValueOperation || (TryGetConstant(operation, out var value) && value is null);

    /// <summary>A numeric constant as a double (constants are primitives, so the conversion cannot fail).</summary>
    public static bool TryGetNumber(IOperation operation, out double number)
    {
        var found = TryGetConstant(operation, out var value) && value is not (null or bool or string or char);
        number = found ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : 0;
        return found;
    }

    public static bool TryGetString(IOperation operation, out string text)
    {
        if (TryGetConstant(operation, out var value) && value is string s)
        {
            text = s;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The text of a string value, or null: <see cref="TryGetString"/> for callers that keep the text.</summary>
    public static string? StringOrNull(IOperation operation) => TryGetString(operation, out var text) ? text : null;

    /// <summary>The initializer of a member declared in the tree <paramref name="reference"/> comes from, as an operation.</summary>
    private static IOperation? Initializer(ISymbol member, IOperation reference)
    {
        var model = reference.SemanticModel;
        return InitializerSyntax(member) is { } syntax && model is not null && syntax.SyntaxTree == model.SyntaxTree ? model.GetOperation(syntax) : null;
    }

    /// <summary>The initializer expression of a field, or of a property that is an auto-property (no accessor body).</summary>
    private static ExpressionSyntax? InitializerSyntax(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return member.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
            PropertyDeclarationSyntax { Initializer.Value: { } value, AccessorList: { } accessors } when IsAutoGetter(accessors) => value,
            _ => null,
        };
    }

    private static bool IsAutoGetter(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }
}
