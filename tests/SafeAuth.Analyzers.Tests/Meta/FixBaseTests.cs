using Microsoft.CodeAnalysis.CodeFixes;
using SafeAuth.CodeFixes.Common;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>All fixes share one base and one Fix All strategy, so every rule's Fix All converges the same way.</summary>
public class FixBaseTests
{
    [Fact]
    public void EveryFixProvider_DerivesFromTheCandidateBase_AndUsesTheSequentialFixAll()
    {
        var providers = typeof(CandidateCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(providers);
        foreach (var type in providers)
        {
            Assert.True(typeof(CandidateCodeFixProvider).IsAssignableFrom(type), $"{type.Name} must derive from CandidateCodeFixProvider");
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.Equal("SequentialFixAllProvider", provider.GetFixAllProvider()?.GetType().Name);
            Assert.Equal(
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
                provider.GetFixAllProvider()!.GetSupportedFixAllScopes());
        }
    }
}
