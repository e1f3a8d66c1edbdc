using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.Analyzers.Context;

/// <summary>What a piece of code is for, as far as a finding in it goes.</summary>
internal enum CodeRegion
{
    /// <summary>Code that runs in production.</summary>
    Production,
    /// <summary>A test method or fixture, or a test host (<c>WebApplicationFactory</c>) in a project that is not a test project.</summary>
    TestCode,
    /// <summary>Code that only runs in development: an <c>IsDevelopment()</c> branch, <c>#if DEBUG</c>, <c>[Conditional("DEBUG")]</c>.</summary>
    DevelopmentOnly,
}

/// <summary>
/// Classifies a location by the syntax around it. Syntax only, so it is cheap enough to run for every finding; it runs
/// for findings only, never for every node.
/// </summary>
internal static class CodeRegions
{
    public static CodeRegion Classify(SyntaxTree tree, TextSpan span)
    {
        if (!tree.TryGetRoot(out var root))
        {
            root = tree.GetRoot();
        }

        if (span.End > root.FullSpan.End)
        {
            return CodeRegion.Production;
        }

        if (DebugRegions.Contains(root, span.Start))
        {
            return CodeRegion.DevelopmentOnly;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return Classify(node);
    }

    public static CodeRegion Classify(SyntaxNode node)
    {
        SyntaxNode? child = null;
        for (var current = node; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IfStatementSyntax ifStatement when child is not null && IsDevelopmentBranch(ifStatement, child):
                case ConditionalExpressionSyntax conditional when child is not null && IsDevelopmentBranch(conditional, child):
                case BlockSyntax block when child is StatementSyntax statement && FollowsProductionExit(block.Statements, statement):
                case SwitchSectionSyntax section when child is StatementSyntax inSection && FollowsProductionExit(section.Statements, inSection):
                    return CodeRegion.DevelopmentOnly;
                case BaseMethodDeclarationSyntax method:
                    if (TestNames.HasTestAttribute(method.AttributeLists))
                    {
                        return CodeRegion.TestCode;
                    }

                    if (HasDebugConditional(method.AttributeLists))
                    {
                        return CodeRegion.DevelopmentOnly;
                    }

                    break;
                case LocalFunctionStatementSyntax localFunction when HasDebugConditional(localFunction.AttributeLists):
                    return CodeRegion.DevelopmentOnly;
                case TypeDeclarationSyntax type when TestNames.IsTestType(type):
                    return CodeRegion.TestCode;
            }
        }

        return CodeRegion.Production;
    }

    private static bool IsDevelopmentBranch(IfStatementSyntax ifStatement, SyntaxNode child)
    {
        if (child == ifStatement.Statement)
        {
            return DevelopmentChecks.Implies(ifStatement.Condition) == true;
        }

        return child == ifStatement.Else && DevelopmentChecks.Implies(ifStatement.Condition) == false;
    }

    private static bool IsDevelopmentBranch(ConditionalExpressionSyntax conditional, SyntaxNode child)
    {
        if (child == conditional.WhenTrue)
        {
            return DevelopmentChecks.Implies(conditional.Condition) == true;
        }

        return child == conditional.WhenFalse && DevelopmentChecks.Implies(conditional.Condition) == false;
    }

    /// <summary>
    /// <c>if (!env.IsDevelopment()) return;</c> (or <c>throw</c>) earlier in the same block: what follows runs in
    /// development only.
    /// </summary>
    private static bool FollowsProductionExit(SyntaxList<StatementSyntax> statements, StatementSyntax statement)
    {
        foreach (var earlier in statements)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IfStatementSyntax { Else: null } guard
                && DevelopmentChecks.Implies(guard.Condition) == false
                && Exits(guard.Statement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
        BlockSyntax { Statements: { Count: > 0 } inner } => Exits(inner[inner.Count - 1]),
        _ => false,
    };

    private static bool HasDebugConditional(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (TestNames.SimpleName(attribute.Name) is "Conditional" or "ConditionalAttribute"
                    && attribute.ArgumentList is { Arguments.Count: > 0 } arguments
                    && arguments.Arguments[0].Expression is LiteralExpressionSyntax literal
                    && literal.Token.ValueText == "DEBUG")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
