using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Context;

/// <summary>
/// <c>#if DEBUG</c> regions (and <c>#else</c> of <c>#if !DEBUG</c>): code compiled into debug builds only. Only active
/// branches hold findings, so a position inside such a branch is debug-only code in the build being analysed.
/// </summary>
internal static class DebugRegions
{
    public static bool Contains(SyntaxNode root, int position)
    {
        if (!root.ContainsDirectives)
        {
            return false;
        }

        // One entry per open #if: whether an earlier branch failing already means a debug build, and whether the branch
        // that is current at the position is debug-only.
        var open = new List<(bool EarlierFailed, bool DebugOnly)>();
        for (var directive = ((CSharpSyntaxNode)root).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive.SpanStart >= position)
            {
                break;
            }

            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    var condition = Implies(ifDirective.Condition);
                    open.Add((condition == false, condition == true));
                    break;
                case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                    var earlier = open[open.Count - 1].EarlierFailed;
                    var elifCondition = Implies(elif.Condition);
                    open[open.Count - 1] = (earlier || elifCondition == false, earlier || elifCondition == true);
                    break;
                case ElseDirectiveTriviaSyntax when open.Count > 0:
                    open[open.Count - 1] = (false, open[open.Count - 1].EarlierFailed);
                    break;
                case EndIfDirectiveTriviaSyntax when open.Count > 0:
                    open.RemoveAt(open.Count - 1);
                    break;
            }
        }

        foreach (var entry in open)
        {
            if (entry.DebugOnly)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>true</c>: the condition holds only in debug builds; <c>false</c>: it fails only in debug builds.</summary>
    private static bool? Implies(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => Implies(parenthesized.Expression),
        PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression) => Implies(prefix.Operand) is { } inner ? !inner : null,
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) =>
            Implies(binary.Left) == true || Implies(binary.Right) == true ? true : null,
        IdentifierNameSyntax { Identifier.ValueText: "DEBUG" } => true,
        _ => null,
    };
}
