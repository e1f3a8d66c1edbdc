using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Reads OAuth protocol text assembled in code: <c>response_type</c> values, authorize URLs and form bodies built from
/// literals, concatenation and interpolation.
/// </summary>
internal static class OAuthText
{
    /// <summary>Stands for a value only known at run time (an interpolation hole or a non-constant operand).</summary>
    public const char Hole = '\u0001';

    /// <summary>
    /// Whether <paramref name="operation"/> (a literal, an interpolated string or a string concatenation) is the whole
    /// string expression, not a part of a larger one; only the whole expression is analyzed, so it is reported once.
    /// </summary>
    public static bool IsOutermostStringExpression(IOperation operation)
    {
        if (operation.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        if (operation is IBinaryOperation { OperatorKind: not BinaryOperatorKind.Add })
        {
            return false;
        }

        var parent = operation.WalkUpConversion(out _);
        return parent is not (IInterpolatedStringTextOperation or IInterpolationOperation)
            && !(parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String);
    }

    /// <summary>
    /// A cheap first filter for the per-node string callbacks: a plain literal must mention <c>_type=</c>
    /// (<c>response_type=</c>, <c>grant_type=</c>) to be worth reading.
    /// </summary>
    public static bool MayHoldProtocolText(IOperation operation) =>
        // Called for every literal, interpolation and binary operator: numbers and other non-strings leave at once.
        operation.Type?.SpecialType == SpecialType.System_String
        && (operation is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }
            || text.IndexOf("_type=", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The text of a string expression, with <see cref="Hole"/> for each part not known at compile time.</summary>
    public static string Text(IOperation operation, List<IOperation>? holes = null)
    {
        var builder = new StringBuilder();
        Append(builder, operation, holes, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, IOperation operation, List<IOperation>? holes, int depth)
    {
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            builder.Append(constant);
            return;
        }

        if (depth < 32)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    Append(builder, binary.LeftOperand, holes, depth + 1);
                    Append(builder, binary.RightOperand, holes, depth + 1);
                    return;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                Append(builder, text.Text, holes, depth + 1);
                                break;
                            case IInterpolationOperation hole:
                                Append(builder, hole.Expression, holes, depth + 1);
                                break;
                        }
                    }

                    return;
            }
        }

        holes?.Add(operation);
        builder.Append(Hole);
    }

    /// <summary>
    /// The value of the query or form parameter <paramref name="name"/> in <paramref name="text"/>, decoded
    /// (<c>%20</c> and <c>+</c> become spaces); null when the parameter is absent.
    /// </summary>
    public static string? ParameterValue(string text, string name)
    {
        var index = 0;
        while ((index = text.IndexOf(name + "=", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var atBoundary = index == 0 || text[index - 1] is '?' or '&' or Hole or '\n' or '"' or ' ';
            var start = index + name.Length + 1;
            index = start;
            if (!atBoundary)
            {
                continue;
            }

            var end = start;
            while (end < text.Length && text[end] is not ('&' or '#' or '"' or '\n' or ' ' or Hole))
            {
                end++;
            }

            return text.Substring(start, end - start).Replace("%20", " ").Replace("+", " ");
        }

        return null;
    }

    public static bool HasParameter(string text, string name) => ParameterValue(text, name) is not null;

    /// <summary>The space-separated values of a <c>response_type</c>.</summary>
    public static bool ResponseTypeHas(string? responseType, string value)
    {
        if (responseType is null)
        {
            return false;
        }

        foreach (var part in responseType.Split(' '))
        {
            if (string.Equals(part, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A response type that returns an access token from the authorization endpoint (implicit or hybrid).</summary>
    public static bool IsImplicit(string? responseType) => ResponseTypeHas(responseType, "token");

    /// <summary>The constant string value of <paramref name="operation"/>, if any.</summary>
    public static string? ConstantString(IOperation? operation) =>
        operation?.WalkDownConversion().ConstantValue is { HasValue: true, Value: string value } ? value : null;

    /// <summary>Whether <paramref name="operation"/> is absent or the constant null.</summary>
    public static bool IsMissingOrNull(IOperation? operation) =>
        operation is null || operation.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };

    /// <summary>The member name of a call and its arguments: <c>Name(...)</c> in <c>x.Name(...)</c>.</summary>
    public static Location InvocationLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }

    /// <summary><c>new T(...)</c> without its object initializer.</summary>
    public static Location CreationLocation(IObjectCreationOperation creation)
    {
        switch (creation.Syntax)
        {
            case ObjectCreationExpressionSyntax { Initializer: { } } explicitNew:
                var end = explicitNew.ArgumentList?.Span.End ?? explicitNew.Type.Span.End;
                return Location.Create(explicitNew.SyntaxTree, TextSpan.FromBounds(explicitNew.SpanStart, end));
            case ImplicitObjectCreationExpressionSyntax { Initializer: { } } implicitNew:
                return Location.Create(implicitNew.SyntaxTree, TextSpan.FromBounds(implicitNew.SpanStart, implicitNew.ArgumentList.Span.End));
            default:
                return creation.Syntax.GetLocation();
        }
    }

    /// <summary>Whether a property named <paramref name="name"/> is assigned in the initializer of <paramref name="creation"/>.</summary>
    public static ISimpleAssignmentOperation? InitializerAssignment(IObjectCreationOperation creation, string name)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                && property.Property.Name == name)
            {
                return assignment;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the object <paramref name="creation"/> makes is stored in a local that later gets
    /// <paramref name="propertyName"/> assigned, in the same member body.
    /// </summary>
    public static bool LocalGetsPropertyLater(IObjectCreationOperation creation, string propertyName)
    {
        var parent = creation.WalkUpConversion(out _);
        if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return false;
        }

        foreach (var operation in creation.GetRoot().DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                && property.Property.Name == propertyName
                && property.Instance?.WalkDownConversion() is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                && !IsMissingOrNull(assignment.Value))
            {
                return true;
            }
        }

        return false;
    }
}
