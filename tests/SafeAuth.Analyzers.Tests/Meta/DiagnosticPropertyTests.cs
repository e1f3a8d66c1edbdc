using System.Text.RegularExpressions;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Diagnostic properties are the analyzer → fix contract: every <c>const string …Property</c> an analyzer declares must be
/// read by a code fix, so no rule computes a property that nobody reads.
/// </summary>
public class DiagnosticPropertyTests
{
    private static readonly Regex Declaration = new(@"const string (?<name>[A-Za-z]+Property) = ", RegexOptions.Compiled);

    [Fact]
    public void EveryDeclaredDiagnosticProperty_IsReadByACodeFix()
    {
        var analyzers = Catalog.SourceFiles("src/SafeAuth.Analyzers");
        var fixes = string.Join("\n", Catalog.SourceFiles("src/SafeAuth.CodeFixes").Select(File.ReadAllText));
        var declared = analyzers
            .SelectMany(file => Declaration.Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Name: m.Groups["name"].Value)))
            .ToList();
        Assert.NotEmpty(declared);

        var unread = declared.Where(p => !Regex.IsMatch(fixes, $@"\b{p.Name}\b")).Select(p => $"{p.File}: {p.Name}").ToList();
        Assert.True(unread.Count == 0, "Diagnostic properties no code fix reads (remove them, or read them in the fix):\n  " + string.Join("\n  ", unread));
    }
}
