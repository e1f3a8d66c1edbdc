using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Common;

/// <summary>The project's own methods followed one level, on their own: which calls have a body to summarize, and the summary cache.</summary>
public class ProjectMethodsTests
{
    private const string Source = """
        using System;
        public interface IOne { string Get(string s); }
        public sealed class One : IOne { public string Get(string s) => s.Trim(); }
        public interface ITwo { string Get(string s); }
        public sealed class TwoA : ITwo { public string Get(string s) => s; }
        public sealed class TwoB : ITwo { public string Get(string s) => s; }
        public abstract class AbstractOnly : IOne { public abstract string Get(string s); }
        public interface INone { string Get(string s); }
        public class Base { public virtual string V(string s) => s; public string Plain(string s) => s.ToUpperInvariant(); }
        public static class Ext { public static string Twice(this string s) => s + s; }
        public partial class Split { partial void Hook(); }
        public static class Calls
        {
            public static void Run(IOne one, ITwo two, INone none, Base b)
            {
                one.Get("a"); two.Get("a"); none.Get("a"); b.V("a"); b.Plain("a"); "a".Twice(); "a".Trim();
            }
        }
        """;

    private static (Compilation Compilation, ImmutableArray<IInvocationOperation> Calls) Compile()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("P", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var run = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Run");
        var body = model.GetOperation(run)!;
        return (compilation, body.DescendantsAndSelf().OfType<IInvocationOperation>().ToImmutableArray());
    }

    [Theory]
    [InlineData(0, "One.Get")]
    [InlineData(1, null)] // two implementations: which one runs is unknown
    [InlineData(2, null)] // no implementation in the compilation
    [InlineData(3, null)] // virtual: an override may run
    [InlineData(4, "Base.Plain")]
    [InlineData(5, "Ext.Twice")]
    [InlineData(6, null)] // metadata
    public void Target_IsTheMethodACallRuns_WhenTheProjectHasExactlyOne(int call, string? expected)
    {
        var (compilation, calls) = Compile();
        var target = ProjectMethods.For(compilation).Target(calls[call].TargetMethod);
        Assert.Equal(expected, target is null ? null : target.ContainingType.Name + "." + target.Name);
    }

    [Fact]
    public void Summaries_AreComputedOncePerMethod_AndNotForFilteredOrMetadataMethods()
    {
        var (compilation, calls) = Compile();
        var methods = ProjectMethods.For(compilation);
        var computed = 0;
        int Count(IOperation body)
        {
            computed++;
            return body.DescendantsAndSelf().OfType<IInvocationOperation>().Count();
        }

        var all = methods.Summaries(ImmutableArray.Create("Get"), _ => true, Count, -1);
        Assert.Equal(1, all.Get(calls[4].TargetMethod));
        Assert.Equal(1, all.Get(calls[4].TargetMethod));
        Assert.Equal(1, computed);
        Assert.Equal(-1, all.Get(calls[6].TargetMethod));
        Assert.Equal(1, all.Get(calls[0].TargetMethod)); // IOne.Get runs One.Get: s.Trim()
        Assert.Equal(2, computed);

        Assert.Equal(-1, methods.Summaries(ImmutableArray.Create("Get"), syntax => ProjectMethods.MentionsAny(syntax, ImmutableHashSet.Create("Nothing")), Count, -1).Get(calls[0].TargetMethod));
        Assert.Equal(1, methods.Summaries(ImmutableArray.Create("Get"), syntax => ProjectMethods.MentionsAny(syntax, ImmutableHashSet.Create("Trim")), Count, -1).Get(calls[0].TargetMethod));
        Assert.Equal(-1, methods.Summaries(ImmutableArray.Create("Get"), syntax => ProjectMethods.MentionsAny(syntax, ImmutableHashSet<string>.Empty), Count, -1).Get(calls[0].TargetMethod));
        Assert.Equal(3, computed);
        Assert.Same(methods, ProjectMethods.For(compilation));
    }

    [Fact]
    public void Summaries_FollowAnInterfaceCall_OnlyWhenItsImplementationIsInAFileNamingAWord()
    {
        var callers = CSharpSyntaxTree.ParseText("""
            public interface IStore { string Save(string value); }
            public interface IOther { string Save(string value); }
            public static class Calls { public static void Run(IStore store, IOther other) { store.Save("a"); other.Save("a"); } }
            """);
        var store = CSharpSyntaxTree.ParseText("public sealed class Store : IStore { public string Save(string value) => \"localStorage\" + value.Trim(); }");
        var other = CSharpSyntaxTree.ParseText("public sealed class Other : IOther { public string Save(string value) => value.Trim(); }");
        var compilation = CSharpCompilation.Create("P", new[] { callers, store, other }, Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = callers.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Run");
        var calls = compilation.GetSemanticModel(callers).GetOperation(run)!.DescendantsAndSelf().OfType<IInvocationOperation>().ToArray();
        var computed = 0;
        var table = ProjectMethods.For(compilation).Summaries(ImmutableArray.Create("localStorage"), _ => true, _ => ++computed, 0);

        Assert.Equal(1, table.Get(calls[0].TargetMethod)); // IStore.Save runs Store.Save, whose file names the word
        Assert.Equal(0, table.Get(calls[1].TargetMethod)); // IOther's one class is in a file that does not
        Assert.Equal(1, computed);
        Assert.Equal("Other.Save", ProjectMethods.For(compilation).Target(calls[1].TargetMethod) is { } target ? target.ContainingType.Name + "." + target.Name : null);
    }

    [Theory]
    [InlineData("ReadJwtToken", true)]
    [InlineData("Calls", true)]
    [InlineData("ReadJwtTokens", true)]
    [InlineData("Nowhere", false)]
    public void TextContainsAny_SearchesTheWholeFile_AcrossChunkBoundaries(string word, bool expected)
    {
        // The word sits across the 8,192-character chunk boundary, and at the very end.
        var padding = new string(' ', 8188); // "ReadJwtTokens" starts at 8,191
        var tree = CSharpSyntaxTree.ParseText(padding + "// ReadJwtTokens\nclass Calls { }");
        Assert.Equal(expected, ProjectMethods.TextContainsAny(tree, ImmutableArray.Create("zzz", word)));
        Assert.False(ProjectMethods.TextContainsAny(tree, ImmutableArray<string>.Empty));
    }
}
