using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.CodeFixes.Common;

internal static class ScopeLookup
{
    /// <summary>
    /// A local (declared before <paramref name="position"/>), parameter, field or property usable at
    /// <paramref name="position"/> that satisfies <paramref name="match"/>; locals and parameters first.
    /// </summary>
    public static ISymbol? Find(SemanticModel model, int position, Func<ISymbol, ITypeSymbol, bool> match)
    {
        var enclosing = model.GetEnclosingSymbol(position);
        var isStatic = enclosing?.IsStatic == true
            || (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }
                && enclosing.ContainingSymbol?.IsStatic == true);

        ISymbol? member = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            switch (symbol)
            {
                case ILocalSymbol local when match(local, local.Type) && DeclaredBefore(local, model.SyntaxTree, position):
                    return local;
                case IParameterSymbol parameter when match(parameter, parameter.Type):
                    return parameter;
                case IFieldSymbol field when member is null && (field.IsStatic || !isStatic) && match(field, field.Type):
                    member = field;
                    break;
                case IPropertySymbol property when member is null && !property.IsIndexer && property.GetMethod is not null
                                                   && (property.IsStatic || !isStatic) && match(property, property.Type):
                    member = property;
                    break;
            }
        }

        return member;
    }

    /// <summary>
    /// Declared earlier in the same file: a top-level statement's local (<c>var app = builder.Build();</c> in
    /// Program.cs) is in scope in every file by lookup, and using it anywhere else is an error (CS8801).
    /// </summary>
    private static bool DeclaredBefore(ILocalSymbol local, SyntaxTree tree, int position) =>
        local.DeclaringSyntaxReferences.Length > 0
        && local.DeclaringSyntaxReferences.All(r => r.SyntaxTree == tree && r.Span.End <= position);

    /// <summary>A name not declared anywhere in the member holding <paramref name="node"/>, nor visible there.</summary>
    public static string UniqueName(SemanticModel model, SyntaxNode node, string baseName)
    {
        var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
        var declared = member.DescendantTokens()
            .Where(t => t.Parent is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ParameterSyntax or ForEachStatementSyntax)
            .Select(t => t.ValueText)
            .ToImmutableHashSetOrdinal();

        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? baseName : baseName + i;
            if (!declared.Contains(candidate) && model.LookupSymbols(node.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }
    }

    private static System.Collections.Immutable.ImmutableHashSet<string> ToImmutableHashSetOrdinal(this System.Collections.Generic.IEnumerable<string> values) =>
        System.Collections.Immutable.ImmutableHashSet.CreateRange(StringComparer.Ordinal, values);

    /// <summary>Whether <paramref name="node"/> runs inside an async method, local function or lambda.</summary>
    public static bool IsInAsyncContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsyncKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The statement holding <paramref name="node"/>, when it sits directly in a block or switch section.</summary>
    public static StatementSyntax? EnclosingBlockStatement(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is StatementSyntax statement)
            {
                return statement.Parent is BlockSyntax or SwitchSectionSyntax ? statement : null;
            }

            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }
}
