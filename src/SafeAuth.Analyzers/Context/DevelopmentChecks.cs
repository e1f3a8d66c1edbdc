using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Context;

/// <summary>Reads a condition for what it says about the hosting environment.</summary>
internal static class DevelopmentChecks
{
    private const string Development = "Development";

    /// <summary>
    /// <c>true</c> when the condition holding means the app runs in development (<c>env.IsDevelopment()</c>,
    /// <c>IsEnvironment("Development")</c>, <c>EnvironmentName == Environments.Development</c>, <c>Debugger.IsAttached</c>,
    /// a local named <c>isDevelopment</c>); <c>false</c> when the condition failing means that (<c>!env.IsDevelopment()</c>);
    /// <c>null</c> when it says nothing (<c>IsProduction()</c> failing still leaves staging).
    /// </summary>
    public static bool? Implies(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Implies(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                return Implies(prefix.Operand) is { } inner ? !inner : null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                // Both sides hold: either one saying "development" is enough.
                return Implies(binary.Left) == true || Implies(binary.Right) == true ? true : null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                // Both sides fail: either one whose failure says "development" is enough.
                return Implies(binary.Left) == false || Implies(binary.Right) == false ? false : null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                return NamesDevelopment(binary.Left) || NamesDevelopment(binary.Right) ? true : null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.NotEqualsExpression):
                return NamesDevelopment(binary.Left) || NamesDevelopment(binary.Right) ? false : null;
            case InvocationExpressionSyntax invocation:
                return IsDevelopmentCall(invocation) ? true : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsAttached", Expression: var target }
                when TestNames.SimpleName(target) == "Debugger":
                return true;
            case IdentifierNameSyntax identifier when IsDevelopmentFlag(identifier.Identifier.ValueText):
                return true;
            case MemberAccessExpressionSyntax member when IsDevelopmentFlag(member.Name.Identifier.ValueText):
                return true;
            default:
                return null;
        }
    }

    private static bool IsDevelopmentCall(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        return name switch
        {
            "IsDevelopment" => true,
            "IsEnvironment" => invocation.ArgumentList.Arguments.Count == 1 && NamesDevelopment(invocation.ArgumentList.Arguments[0].Expression),
            _ => false,
        };
    }

    /// <summary><c>"Development"</c> or <c>Environments.Development</c>.</summary>
    private static bool NamesDevelopment(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => string.Equals(literal.Token.ValueText, Development, System.StringComparison.OrdinalIgnoreCase),
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == Development,
        _ => false,
    };

    private static bool IsDevelopmentFlag(string name) =>
        string.Equals(name, "isDevelopment", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "isDev", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "isDevelopmentEnvironment", System.StringComparison.OrdinalIgnoreCase);
}
