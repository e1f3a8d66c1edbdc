using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Common;

/// <summary>
/// The shared value-flow layer on its own, independent of any rule: each row is one source kind. The value asked
/// about is the argument of <c>Q(…)</c> in the snippet's method <c>M</c>.
/// </summary>
public class ValueFlowTests
{
    private const string NotResolved = "<none>";

    public static TheoryData<string, string, string, string> Sources() => new()
    {
        // Constants.
        { "literal", "", "Q(\"a\");", "a" },
        { "parenthesized and cast", "", "Q((object)(\"a\"));", "a" },
        { "const local", "", "const string v = \"a\"; Q(v);", "a" },
        { "const field", "const string F = \"a\";", "Q(F);", "a" },
        { "constant interpolation", "const string F = \"a\";", "Q($\"{F}b\");", "ab" },
        { "constant concatenation", "const string F = \"a\";", "Q(F + \"b\");", "ab" },

        // Locals.
        { "local with an initializer", "", "var v = \"a\"; Q(v);", "a" },
        { "local assigned once after its declaration", "", "string v; v = \"a\"; Q(v);", "a" },
        { "bool local assigned once", "", "bool v; v = false; Q(v);", "False" },
        { "local through a local", "", "var w = \"a\"; var v = w; Q(v);", "a" },
        { "local read in a tuple is not written", "", "var v = \"a\"; var t = (v, 1); Q(v);", "a" },
        { "local reassigned", "", "var v = \"a\"; v = \"b\"; Q(v);", NotResolved },
        { "local assigned in two branches", "", "string v; if (Flag) v = \"a\"; else v = \"a\"; Q(v);", NotResolved },
        { "local assigned in a lambda", "", "var v = \"a\"; System.Action f = () => v = \"b\"; Q(v);", NotResolved },
        { "local passed by ref", "", "var v = \"a\"; R(ref v); Q(v);", NotResolved },
        { "local passed out", "", "string v = \"a\"; O(out v); Q(v);", NotResolved },
        { "out var local", "", "O(out var v); Q(v);", NotResolved },
        { "compound assignment", "", "var v = \"a\"; v += \"b\"; Q(v);", NotResolved },
        { "coalesce assignment", "", "string? v = null; v ??= \"b\"; Q(v);", NotResolved },
        { "increment", "", "var v = 1; v++; Q(v);", NotResolved },
        { "deconstruction", "", "var v = \"a\"; (v, _) = (\"b\", 1); Q(v);", NotResolved },
        { "deconstruction declaration", "", "var (v, w) = (\"b\", 1); Q(v);", NotResolved },
        { "foreach variable", "", "foreach (var v in new[] { \"a\" }) { Q(v); }", NotResolved },
        { "pattern variable", "", "object o = \"a\"; if (o is string v) { Q(v); }", NotResolved },

        // Members.
        { "static readonly field", "static readonly string F = \"a\";", "Q(F);", "a" },
        { "static readonly field through another", "static readonly string G = \"a\"; static readonly string F = G;", "Q(F);", "a" },
        { "static readonly field from a constant expression", "const string G = \"a\"; static readonly string F = G + \"b\";", "Q(F);", "ab" },
        { "static readonly field in another file", "", "Q(Other.F);", "other" },
        { "static readonly field in another file, not a literal", "", "Q(Other.G);", NotResolved },
        { "static readonly field without an initializer", "static readonly string F;", "Q(F);", NotResolved },
        { "static readonly field from metadata", "", "Q(string.Empty);", NotResolved },
        { "static mutable field", "static string F = \"a\";", "Q(F);", NotResolved },
        { "instance readonly field", "readonly string F = \"a\";", "Q(F);", NotResolved },
        { "static get-only auto-property", "static string P { get; } = \"a\";", "Q(P);", "a" },
        { "static get-only auto-property in another file", "", "Q(Other.P);", "other" },
        { "static property with a setter", "static string P { get; set; } = \"a\";", "Q(P);", NotResolved },
        { "static property with a getter body", "static string P { get { return \"a\"; } }", "Q(P);", NotResolved },
        { "instance get-only auto-property", "string P { get; } = \"a\";", "Q(P);", NotResolved },
        { "local holding a static readonly field", "static readonly string F = \"a\";", "var v = F; Q(v);", "a" },

        // Values not known at compile time.
        { "parameter", "", "Q(p);", NotResolved },
        { "method call", "", "Q(Make());", NotResolved },
        { "local holding a call", "", "var v = Make(); Q(v);", NotResolved },
        { "interpolation with a call", "", "Q($\"{Make()}b\");", NotResolved },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void TryGetConstant_FollowsEachSourceKind(string kind, string members, string body, string expected)
    {
        var value = Value(members, body);
        var found = ValueFlow.TryGetConstant(value, out var constant);
        Assert.True(found == (expected != NotResolved), kind);
        if (found)
        {
            Assert.Equal(expected, Convert.ToString(constant, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void TheDepthBudgetBoundsAChainOfLocals(int locals, bool resolved)
    {
        // v0 = "a"; v1 = v0; … Q(vN): N + 1 steps back to the literal.
        var body = "var v0 = \"a\"; " + string.Concat(Enumerable.Range(1, locals).Select(i => $"var v{i} = v{i - 1}; ")) + $"Q(v{locals});";
        Assert.Equal(locals + 1 <= ValueFlow.MaxDepth, resolved);
        Assert.Equal(resolved, ValueFlow.TryGetString(Value("", body), out _));
    }

    [Fact]
    public void Resolve_StopsAtTheFirstValueItCannotFollow_AndKeepsIt()
    {
        var value = Value("", "var w = Make(); var v = w; Q(v);");
        var resolved = ValueFlow.Resolve(value);
        Assert.IsAssignableFrom<IInvocationOperation>(resolved);
        Assert.Equal("Make", ((IInvocationOperation)resolved).TargetMethod.Name);
    }

    [Fact]
    public void Resolve_ReturnsAParameterUnchanged()
    {
        Assert.IsAssignableFrom<IParameterReferenceOperation>(ValueFlow.Resolve(Value("", "Q(p);")));
    }

    [Fact]
    public void Resolve_StopsAtAConstantItCouldFollowFurther()
    {
        // A const local is a reference with a constant value: the constant is the answer, not its declaration.
        Assert.IsAssignableFrom<ILocalReferenceOperation>(ValueFlow.Resolve(Value("", "const bool v = false; Q(v);")));
    }

    [Fact]
    public void Step_TakesOneStep()
    {
        var step = ValueFlow.Step(Value("", "var w = \"a\"; var v = w; Q(v);"));
        Assert.Equal("w", Assert.IsAssignableFrom<ILocalReferenceOperation>(step).Local.Name);
        Assert.Null(ValueFlow.Step(Value("", "Q(\"a\");")));
    }

    [Theory]
    [InlineData("Q(null);", true)]
    [InlineData("Q(default(string));", true)]
    [InlineData("Q(default(System.TimeSpan));", true)]
    [InlineData("string? v = null; Q(v);", true)]
    [InlineData("string? v; v = null; Q(v);", true)]
    [InlineData("Q(Empty);", true)]
    [InlineData("Q(\"\");", false)]
    [InlineData("Q(Make());", false)]
    [InlineData("string? v = null; v ??= Make(); Q(v);", false)]
    public void IsConstantNull(string body, bool expected) =>
        Assert.Equal(expected, ValueFlow.IsConstantNull(Value("static readonly string? Empty = null;", body)));

    [Theory]
    [InlineData("Q(false);", false, true)]
    [InlineData("Q(true);", true, true)]
    [InlineData("Q(true);", false, false)]
    [InlineData("bool v; v = false; Q(v);", false, true)]
    [InlineData("Q(Off);", false, true)]
    [InlineData("Q(\"false\");", false, false)]
    [InlineData("Q(0);", false, false)]
    [InlineData("Q(Flag);", false, false)]
    public void IsConstant(string body, bool expected, bool result)
    {
        var value = Value("static readonly bool Off = false;", body);
        Assert.Equal(result, ValueFlow.IsConstant(value, expected));
        Assert.Equal(result && !expected, ValueFlow.IsConstantFalse(value));
    }

    [Theory]
    [InlineData("Q(5);", 5.0)]
    [InlineData("Q(2.5);", 2.5)]
    [InlineData("Q(3L);", 3.0)]
    [InlineData("Q(-7);", -7.0)]
    [InlineData("int v; v = 60 * 24; Q(v);", 1440.0)]
    [InlineData("Q(Days);", 30.0)]
    [InlineData("Q(ulong.MaxValue);", 18446744073709551615.0)]
    [InlineData("Q(1.5m);", 1.5)]
    [InlineData("Q(System.DayOfWeek.Friday);", 5.0)]
    [InlineData("Q(\"5\");", null)]
    [InlineData("Q(true);", null)]
    [InlineData("Q('5');", null)]
    [InlineData("Q(null);", null)]
    [InlineData("Q(Make());", null)]
    public void TryGetNumber(string body, double? expected)
    {
        var found = ValueFlow.TryGetNumber(Value("static readonly int Days = 30;", body), out var number);
        Assert.Equal(expected is not null, found);
        Assert.Equal(expected ?? 0, number);
    }

    [Theory]
    [InlineData("Q(\"a\");", "a")]
    [InlineData("Q(1);", null)]
    [InlineData("Q(null);", null)]
    [InlineData("Q(Make());", null)]
    public void TryGetString_AndStringOrNull(string body, string? expected)
    {
        var value = Value("", body);
        Assert.Equal(expected is not null, ValueFlow.TryGetString(value, out var text));
        Assert.Equal(expected ?? string.Empty, text);
        Assert.Equal(expected, ValueFlow.StringOrNull(value));
    }

    [Fact]
    public void LocalWrites_ListsEveryValueInSourceOrder_AndMarksOtherWrites()
    {
        var value = Value("", "var v = \"a\"; if (Flag) { v = \"b\"; } v += \"c\"; Q(v);");
        var writes = LocalWrites.Of(((ILocalReferenceOperation)value.WalkDownConversion()).Local, value);
        Assert.Equal(new[] { "a", "b" }, writes.Values.Select(v => (string?)v.ConstantValue.Value));
        Assert.True(writes.HasOtherWrites);
        Assert.Null(writes.Single);
    }

    [Fact]
    public void LocalWrites_OfALocalNeverWritten_IsEmpty()
    {
        var value = Value("", "foreach (var v in new[] { \"a\" }) { Q(v); }");
        var writes = LocalWrites.Of(((ILocalReferenceOperation)value.WalkDownConversion()).Local, value);
        Assert.Empty(writes.Values);
        Assert.False(writes.HasOtherWrites);
        Assert.Null(writes.Single);
    }

    [Fact]
    public void SingleValue_IsTheSameAnswerFromAnyOperationOfTheTree()
    {
        var value = Value("", "var v = \"a\"; Q(v); Q(v);");
        var local = ((ILocalReferenceOperation)value.WalkDownConversion()).Local;
        var held = ValueFlow.SingleValue(local, value);
        Assert.NotNull(held);
        Assert.Same(held, ValueFlow.SingleValue(local, value.GetRoot()));
    }

    [Fact]
    public void SymbolReferences_ListWhereAValueGoes_InSourceOrder_WithAssignmentTargetsMarked()
    {
        var value = Value("static string F = \"\";", "var v = p; F = v; v = Make(); Q(v); System.Func<string> f = () => v + p;");
        var local = ((ILocalReferenceOperation)value.WalkDownConversion()).Local;
        var references = SymbolReferences.In(local, value);
        Assert.Equal(4, references.Count);
        Assert.Equal(new[] { false, true, false, false }, references.Select(SymbolReferences.IsAssignmentTarget));
        Assert.Contains(value.WalkDownConversion(), references);
        var parameter = SymbolReferences.In(((IMethodSymbol)local.ContainingSymbol).Parameters[0], value);
        Assert.Equal(2, parameter.Count);
        Assert.Same(references, SymbolReferences.In(local, value.GetRoot()));
        Assert.Empty(SymbolReferences.In(local.ContainingSymbol, value));
    }

    private static IOperation Value(string members, string body)
    {
        var source = $$"""
            #nullable enable
            using System;
            using System.Linq;
            class C
            {
                static bool Flag = true;
                {{members}}
                static void Q(object? value) { }
                static void R(ref string value) { }
                static void O(out string value) => value = "";
                static string Make() => "";
                void M(string p) { {{body}} }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "C.cs");
        var other = CSharpSyntaxTree.ParseText("""
            static class Other
            {
                public static readonly string F = "other";
                public static readonly string G = string.Concat("o", "ther");
                public static string P { get; } = "other";
            }
            """, path: "Other.cs");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ValueFlowSnippet", new[] { tree, other }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Q" });
        var operation = (IInvocationOperation)model.GetOperation(call)!;
        return operation.Arguments[0].Value;
    }
}
