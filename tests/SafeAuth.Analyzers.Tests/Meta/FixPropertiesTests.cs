using System.Reflection;
using SafeAuth.Analyzers.Common;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>The analyzer → fix contract: every fact an analyzer records is read by a fix, and nothing bypasses it.</summary>
public class FixPropertiesTests
{
    private static IEnumerable<string> Keys() => typeof(FixProperties)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && !f.Name.EndsWith("Kind", StringComparison.Ordinal))
        .Select(f => f.Name);

    private static string Sources(string folder) =>
        string.Concat(Directory.EnumerateFiles(Path.Combine(Catalog.RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [Fact]
    public void EveryKey_IsWrittenByAnAnalyzer_AndReadByAFix()
    {
        var analyzers = Sources("src/SafeAuth.Analyzers/Rules");
        var fixes = Sources("src/SafeAuth.CodeFixes");
        foreach (var key in Keys())
        {
            Assert.True(analyzers.Contains($"With(FixProperties.{key},", StringComparison.Ordinal), $"no analyzer writes FixProperties.{key}");
            Assert.True(fixes.Contains($"FixProperties.{key}", StringComparison.Ordinal), $"no fix reads FixProperties.{key}");
        }
    }

    [Fact]
    public void Analyzers_WriteProperties_OnlyThroughTheContract()
    {
        var analyzers = Sources("src/SafeAuth.Analyzers/Rules");
        Assert.DoesNotContain(".Empty.Add(", analyzers, StringComparison.Ordinal);
        Assert.DoesNotContain("Property = \"", analyzers, StringComparison.Ordinal);
        Assert.DoesNotContain(".Properties.TryGetValue(", Sources("src/SafeAuth.CodeFixes"), StringComparison.Ordinal);
    }

    [Fact]
    public void Helpers_RoundTrip()
    {
        var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .With(FixProperties.HasExpectedValue, true)
            .With(FixProperties.MaxSeconds, 300L)
            .With(FixProperties.Shape, "Descriptor");
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(SafeAuth.Analyzers.Rules.Tokens.IssuerOrAudienceValidationDisabledAnalyzer.Rule, Microsoft.CodeAnalysis.Location.None, properties, "a", "b", "c");

        Assert.True(FixProperties.Flag(diagnostic, FixProperties.HasExpectedValue));
        Assert.False(FixProperties.Flag(diagnostic, FixProperties.ReplacesValue));
        Assert.True(FixProperties.Flag(diagnostic, FixProperties.ReplacesValue, fallback: true));
        Assert.Equal(300L, FixProperties.Number(diagnostic, FixProperties.MaxSeconds));
        Assert.Null(FixProperties.Number(diagnostic, FixProperties.LifetimeSeconds));
        Assert.Equal("Descriptor", FixProperties.Text(diagnostic, FixProperties.Shape));
        Assert.Null(FixProperties.Text(diagnostic, FixProperties.Kind));
    }
}
