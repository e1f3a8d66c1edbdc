using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Context;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Context;

/// <summary>
/// How the context model classifies the code around a finding. Each row places the marker <c>HERE</c> (an identifier
/// the classifier sees as a finding's location) in one shape of production, test or development-only code.
/// </summary>
public class CodeRegionsTests
{
    public static TheoryData<string, string, string> Shapes() => new()
    {
        // Production: the look-alikes of each shape.
        { "plain method", "void M() { HERE(); }", nameof(CodeRegion.Production) },
        { "IsProduction branch", "void M(Env env) { if (env.IsProduction()) { HERE(); } }", nameof(CodeRegion.Production) },
        { "else of IsDevelopment", "void M(Env env) { if (env.IsDevelopment()) { } else { HERE(); } }", nameof(CodeRegion.Production) },
        { "then of !IsDevelopment", "void M(Env env) { if (!env.IsDevelopment()) { HERE(); } }", nameof(CodeRegion.Production) },
        { "IsDevelopment or other", "void M(Env env, bool b) { if (env.IsDevelopment() || b) { HERE(); } }", nameof(CodeRegion.Production) },
        { "after a development exit", "void M(Env env) { if (env.IsDevelopment()) return; HERE(); }", nameof(CodeRegion.Production) },
        { "before a production exit", "void M(Env env) { HERE(); if (!env.IsDevelopment()) return; }", nameof(CodeRegion.Production) },
        { "guard that does not exit", "void M(Env env) { if (!env.IsDevelopment()) Log(); HERE(); }", nameof(CodeRegion.Production) },
        { "IsEnvironment Staging", "void M(Env env) { if (env.IsEnvironment(\"Staging\")) { HERE(); } }", nameof(CodeRegion.Production) },
        { "Conditional TRACE", "[System.Diagnostics.Conditional(\"TRACE\")] void M() { HERE(); }", nameof(CodeRegion.Production) },
        { "not a test attribute", "[Obsolete] void M() { HERE(); }", nameof(CodeRegion.Production) },
        { "a factory that is not a test host", "class F : ServiceFactory<Program> { void M() { HERE(); } }", nameof(CodeRegion.Production) },
        { "when-false of a development ternary", "int M(Env env) => env.IsDevelopment() ? 1 : HERE;", nameof(CodeRegion.Production) },

        // Development-only code.
        { "IsDevelopment branch", "void M(Env env) { if (env.IsDevelopment()) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "IsDevelopment statement", "void M(Env env) { if (env.IsDevelopment()) HERE(); }", nameof(CodeRegion.DevelopmentOnly) },
        { "nested in a lambda", "void M(Env env) { Run(() => { if (app.Environment.IsDevelopment()) { Run(() => HERE()); } }); }", nameof(CodeRegion.DevelopmentOnly) },
        { "else of !IsDevelopment", "void M(Env env) { if (!env.IsDevelopment()) { } else { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "IsDevelopment and more", "void M(Env env, bool b) { if (b && (env.IsDevelopment())) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "after a production exit", "void M(Env env) { if (!env.IsDevelopment()) { return; } HERE(); }", nameof(CodeRegion.DevelopmentOnly) },
        { "after a production throw", "void M(Env env) { if (!env.IsDevelopment()) throw new Exception(); HERE(); }", nameof(CodeRegion.DevelopmentOnly) },
        { "after a production exit with or", "void M(Env env, bool b) { if (b || !env.IsDevelopment()) return; HERE(); }", nameof(CodeRegion.DevelopmentOnly) },
        { "IsEnvironment Development", "void M(Env env) { if (env.IsEnvironment(\"Development\")) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "EnvironmentName equals", "void M(Env env) { if (env.EnvironmentName == Environments.Development) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "EnvironmentName not equal, else", "void M(Env env) { if (env.EnvironmentName != \"Development\") { } else { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "debugger attached", "void M() { if (System.Diagnostics.Debugger.IsAttached) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "a development flag", "void M(bool isDevelopment) { if (isDevelopment) { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },
        { "development ternary", "int M(Env env) => env.IsDevelopment() ? HERE : 1;", nameof(CodeRegion.DevelopmentOnly) },
        { "switch section after exit", "void M(Env env, int i) { switch (i) { case 1: if (!env.IsDevelopment()) break; HERE(); break; } }", nameof(CodeRegion.Production) },
        { "Conditional DEBUG", "[System.Diagnostics.Conditional(\"DEBUG\")] void M() { HERE(); }", nameof(CodeRegion.DevelopmentOnly) },
        { "local function Conditional DEBUG", "void M() { [System.Diagnostics.Conditional(\"DEBUG\")] static void L() { HERE(); } }", nameof(CodeRegion.DevelopmentOnly) },

        // Test code outside a test project.
        { "xunit fact", "[Fact] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "qualified theory attribute", "[Xunit.TheoryAttribute] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "xunit extension", "[SkippableFact] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "nunit test", "[Test] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "nunit set-up", "[SetUp] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "mstest method", "[TestMethod] public void M() { HERE(); }", nameof(CodeRegion.TestCode) },
        { "web application factory", "class F : WebApplicationFactory<Program> { void M() { HERE(); } }", nameof(CodeRegion.TestCode) },
        { "qualified factory", "class F : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> { void M() { HERE(); } }", nameof(CodeRegion.TestCode) },
        { "class fixture", "class F : IClassFixture<Db> { void M() { HERE(); } }", nameof(CodeRegion.TestCode) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Classifies(string shape, string member, string expected)
    {
        var source = "using System; class C { " + member + " }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var position = source.IndexOf("HERE", StringComparison.Ordinal);
        Assert.True(position > 0, shape);
        Assert.Equal(Enum.Parse<CodeRegion>(expected), CodeRegions.Classify(tree, new TextSpan(position, 4)));
    }

    [Theory]
    [InlineData("#if DEBUG\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if DEBUG && LOCAL\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if (DEBUG)\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if !DEBUG\nx\n#else\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if !DEBUG\nx\n#elif LOCAL\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if RELEASE\nx\n#elif DEBUG\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#if DEBUG\nx\n#else\nHERE\n#endif", nameof(CodeRegion.Production))]
    [InlineData("#if !DEBUG\nHERE\n#endif", nameof(CodeRegion.Production))]
    [InlineData("#if DEBUG || LOCAL\nHERE\n#endif", nameof(CodeRegion.Production))]
    [InlineData("#if DEBUG\nx\n#endif\nHERE", nameof(CodeRegion.Production))]
    [InlineData("#if TRACE\n#if DEBUG\nx\n#endif\nHERE\n#endif", nameof(CodeRegion.Production))]
    [InlineData("#if DEBUG\n#if TRACE\nx\n#endif\nHERE\n#endif", nameof(CodeRegion.DevelopmentOnly))]
    [InlineData("#region r\nHERE\n#endregion", nameof(CodeRegion.Production))]
    public void ClassifiesPreprocessorRegions(string body, string expected)
    {
        var source = "class C {\nvoid M() {\n" + body.Replace("HERE", "HERE();").Replace("\nx\n", "\nx();\n") + "\n}\n}";
        var options = new CSharpParseOptions(preprocessorSymbols: new[] { "DEBUG", "LOCAL", "TRACE" });
        var tree = CSharpSyntaxTree.ParseText(source, options);
        var position = source.IndexOf("HERE", StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<CodeRegion>(expected), CodeRegions.Classify(tree, new TextSpan(position, 4)));
    }

    [Fact]
    public void SpanBeyondTheTree_IsProduction()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        Assert.Equal(CodeRegion.Production, CodeRegions.Classify(tree, new TextSpan(5, 100)));
    }
}
