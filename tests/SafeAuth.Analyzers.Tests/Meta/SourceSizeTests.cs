using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Keeps the shipped and measuring code readable: no source file under <c>src/</c> or <c>benchmarks/</c> over
/// <see cref="MaxFileLines"/> lines and no method, constructor, accessor or local function over
/// <see cref="MaxMemberLines"/>, unless a comment starting with <c>// Size:</c> says why (in the file's header for a
/// file, in the member's leading comments for a member).
/// </summary>
public class SourceSizeTests
{
    public const int MaxFileLines = 400;
    public const int MaxMemberLines = 60;
    private const string Reason = "// Size:";

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "src", "benchmarks" })
        {
            foreach (var file in Catalog.SourceFiles(folder))
            {
                data.Add(Path.GetRelativePath(Catalog.RepositoryRoot, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void SourceFile_AndItsMembers_StayWithinTheSizeLimits(string path)
    {
        var text = File.ReadAllText(Path.Combine(Catalog.RepositoryRoot, path));
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var lines = root.GetText().Lines.Count;
        var header = root.GetLeadingTrivia().Concat(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.GetLeadingTrivia()));
        Assert.True(lines <= MaxFileLines || HasReason(header), $"{path} has {lines} lines (limit {MaxFileLines}); split it by responsibility, or say why in a '{Reason}' header comment");

        var tooLong = root.DescendantNodes()
            .Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
            .Select(n => (Node: n, Lines: LineCount(n)))
            .Where(m => m.Lines > MaxMemberLines && !HasReason(m.Node.GetLeadingTrivia()))
            .Select(m => $"{Name(m.Node)} at line {m.Node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {m.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"{path}: members over {MaxMemberLines} lines (split them, or say why in a '{Reason}' comment above):\n  " + string.Join("\n  ", tooLong));
    }

    private static int LineCount(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static bool HasReason(IEnumerable<SyntaxTrivia> trivia) =>
        trivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith(Reason, StringComparison.Ordinal));

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText + " (constructor)",
        LocalFunctionStatementSyntax local => local.Identifier.ValueText + " (local function)",
        AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText + " accessor",
        _ => node.Kind().ToString(),
    };
}
