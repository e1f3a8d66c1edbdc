using SafeAuth.Analyzers.Options;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SafeAuth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SafeAuth.Analyzers.Rules.Configuration.InvalidOptionValueAnalyzer>;

namespace SafeAuth.Analyzers.Tests.Rules.Configuration;

public class InvalidOptionValueAnalyzerTests
{
    private const string Source = "public class C { }";

    // AUTH901 sits at the very start of a file, so a '#pragma warning disable' the test framework puts on the first line
    // cannot cover it (a configuration error is not a line of code to suppress): that framework check is skipped.
    private static async Task VerifyAsync(string globalConfig, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(References.None, globalConfig) { TestCode = Source, TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_UnparsableGlobalValue_OnceWithKeyValueAndDefault()
    {
        await VerifyAsync("safeauth.max_token_lifetime = a week",
            VerifyCS.Diagnostic().WithLocation("/0/Test0.cs", 1, 1).WithArguments("safeauth.max_token_lifetime", "a week", DurationParser.FormatDescription, "1 day"));
    }

    [Fact]
    public async Task Reports_EachBadKey_ZeroAndNegativeIncluded()
    {
        await VerifyAsync(
            "safeauth.max_clock_skew = 0m\nsafeauth.default_token_lifetime = -5m\nsafeauth.max_token_lifetime = 1w",
            VerifyCS.Diagnostic().WithLocation("/0/Test0.cs", 1, 1).WithArguments("safeauth.max_clock_skew", "0m", DurationParser.FormatDescription, "5 minutes"),
            VerifyCS.Diagnostic().WithLocation("/0/Test0.cs", 1, 1).WithArguments("safeauth.default_token_lifetime", "-5m", DurationParser.FormatDescription, "15 minutes"),
            VerifyCS.Diagnostic().WithLocation("/0/Test0.cs", 1, 1).WithArguments("safeauth.max_token_lifetime", "1w", DurationParser.FormatDescription, "1 day"));
    }

    [Fact]
    public async Task Reports_UnparsablePerFileValue_OncePerCompilation()
    {
        var test = new VerifyCS.Test(References.None, null) { TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        test.TestState.Sources.Add(("/src/A.cs", "public class A { }"));
        test.TestState.Sources.Add(("/src/B.cs", "public class B { }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nsafeauth.max_clock_skew = five minutes\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation("/src/A.cs", 1, 1).WithArguments("safeauth.max_clock_skew", "five minutes", DurationParser.FormatDescription, "5 minutes"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_AtTheFirstFileTheBadValueAppliesTo_NotAtGeneratedCode()
    {
        var test = new VerifyCS.Test(References.None, null) { TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        test.TestState.Sources.Add(("/src/A.cs", "public class A { }"));
        test.TestState.Sources.Add(("/src/Devices/B.cs", "public class B { }"));
        test.TestState.Sources.Add(("/src/obj/Debug/Generated.g.cs", "public class G { }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[src/Devices/**.cs]\nsafeauth.max_token_lifetime = a month\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation("/src/Devices/B.cs", 1, 1).WithArguments("safeauth.max_token_lifetime", "a month", DurationParser.FormatDescription, "1 day"));
        await test.RunAsync();

        var global = new VerifyCS.Test(References.None, "safeauth.max_clock_skew = 1w\n") { TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        global.TestState.Sources.Add(("/src/obj/Debug/Generated.g.cs", "public class G { }"));
        global.TestState.Sources.Add(("/src/Z.cs", "public class Z { }"));
        global.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation("/src/Z.cs", 1, 1).WithArguments("safeauth.max_clock_skew", "1w", DurationParser.FormatDescription, "5 minutes"));
        await global.RunAsync();
    }

    [Fact]
    public async Task NoDiagnostic_ValidValues_AndNoConfiguration()
    {
        await VerifyCS.VerifyAnalyzerAsync(Source, References.None,
            "safeauth.max_clock_skew = 30S\nsafeauth.default_token_lifetime = 00:15:00\nsafeauth.max_token_lifetime = 1.00:00:00\nsafeauth.analyze_test_projects = maybe");
        await VerifyCS.VerifyAnalyzerAsync(Source, References.None, null);
    }

    [Theory]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    [InlineData("90s", 90)]
    [InlineData(" 2H ", 7200)]
    [InlineData("00:15:00", 900)]
    [InlineData("1.00:00:00", 86400)]
    public void DurationParser_Accepts(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("0m")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("1h30m")]
    [InlineData("00:00:00")]
    [InlineData("-00:10:00")]
    [InlineData("99999999999d")]
    [InlineData("fifteen minutes")]
    public void DurationParser_Refuses(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }

    [Fact]
    public void DurationParser_Describes()
    {
        Assert.Equal("15 minutes", DurationParser.Describe(TimeSpan.FromMinutes(15)));
        Assert.Equal("1 day", DurationParser.Describe(TimeSpan.FromDays(1)));
        Assert.Equal("1 hour", DurationParser.Describe(TimeSpan.FromHours(1)));
        Assert.Equal("90 seconds", DurationParser.Describe(TimeSpan.FromSeconds(90)));
    }
}
