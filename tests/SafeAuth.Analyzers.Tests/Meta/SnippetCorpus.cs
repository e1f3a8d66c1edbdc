using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Every C# snippet the rule tests compile (string constants concatenated as the tests do, markup removed) plus every
/// sample source file: the corpus the robustness and fix-compilation harnesses run over.
/// </summary>
internal static class SnippetCorpus
{
    private static readonly Regex OpenMarkup = new(@"\{\|[^:{}|]+:", RegexOptions.Compiled);

    public static ImmutableArray<Snippet> Load()
    {
        var root = Catalog.RepositoryRoot;
        var testFiles = Catalog.SourceFiles(Path.Combine("tests", "SafeAuth.Analyzers.Tests"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
            .ToList();

        // String constants by simple name (Usings, TokenUsings, stubs): snippets are built as `Usings + """..."""`.
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in testFiles)
        {
            foreach (var field in tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)))
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer?.Value is LiteralExpressionSyntax literal && literal.Token.Value is string text)
                    {
                        constants[variable.Identifier.ValueText] = text;
                    }
                }
            }
        }

        // Constants built from other constants (`const string App = TokenUsings + """..."""`), a few levels deep.
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var variable in testFiles.SelectMany(t => t.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
                         .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword))
                         .SelectMany(f => f.Declaration.Variables))
            {
                if (variable.Initializer?.Value is BinaryExpressionSyntax composed && Evaluate(composed, constants) is { } value)
                {
                    constants[variable.Identifier.ValueText] = value;
                }
            }
        }

        var snippets = new List<Snippet>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in testFiles.Where(IsRuleTest))
        {
            foreach (var argument in tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>())
            {
                var text = Evaluate(argument.Expression, constants);
                if (text is null || !text.Contains("class ", StringComparison.Ordinal))
                {
                    continue;
                }

                var hasMarkup = text.Contains("[|", StringComparison.Ordinal) || OpenMarkup.IsMatch(text);
                var source = StripMarkup(text);
                if (seen.Add(source))
                {
                    snippets.Add(new Snippet(Path.GetFileName(tree.FilePath) + ":" + argument.GetLocation().GetLineSpan().StartLinePosition.Line, source, hasMarkup));
                }
            }
        }

        foreach (var file in Catalog.SourceFiles("samples"))
        {
            snippets.Add(new Snippet(Path.GetRelativePath(root, file), File.ReadAllText(file), HasMarkup: false));
        }

        return snippets.ToImmutableArray();
    }

    /// <summary>The rule tests and the context-model tests, which run rules on snippets of their own.</summary>
    private static bool IsRuleTest(SyntaxTree tree) =>
        tree.FilePath.Contains(Path.DirectorySeparatorChar + "Rules" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || tree.FilePath.Contains(Path.DirectorySeparatorChar + "Context" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public static string StripMarkup(string text) =>
        OpenMarkup.Replace(text, string.Empty).Replace("|}", string.Empty, StringComparison.Ordinal)
            .Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);

    /// <summary>The string an argument expression builds from literals, known constants and `+`; <c>null</c> otherwise.</summary>
    private static string? Evaluate(ExpressionSyntax expression, IReadOnlyDictionary<string, string> constants)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                return text;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = Evaluate(binary.Left, constants);
                var right = Evaluate(binary.Right, constants);
                return left is null || right is null ? null : left + right;
            case IdentifierNameSyntax identifier:
                return constants.TryGetValue(identifier.Identifier.ValueText, out var value) ? value : null;
            case MemberAccessExpressionSyntax member:
                return constants.TryGetValue(member.Name.Identifier.ValueText, out var memberValue) ? memberValue : null;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } replace } invocation
                when invocation.ArgumentList.Arguments.Count == 2:
                var receiver = Evaluate(replace.Expression, constants);
                var from = Evaluate(invocation.ArgumentList.Arguments[0].Expression, constants);
                var to = Evaluate(invocation.ArgumentList.Arguments[1].Expression, constants);
                return receiver is null || from is null || to is null || from.Length == 0 ? receiver : receiver.Replace(from, to, StringComparison.Ordinal);
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, constants);
            default:
                return null;
        }
    }
}

/// <summary>One source text, where it came from, and whether its test expects diagnostics.</summary>
internal sealed record Snippet(string Origin, string Source, bool HasMarkup);
