using Microsoft.CodeAnalysis;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Rules.Secrets;

/// <summary>A secret fix moves the value, it cannot unleak it: the title says the leaked secret must be replaced.</summary>
public class SecretFixTitleTests
{
    [Fact]
    public async Task SigningKeyFix_Title_NamesTheSetting_AndSaysToReplaceTheLeakedKey()
    {
        var titles = await CodeFixTitles.ForAsync(
            new Analyzers.Rules.Secrets.HardCodedSigningKeyAnalyzer(),
            new CodeFixes.Rules.Secrets.HardCodedSigningKeyCodeFixProvider(),
            new[]
            {
                ("/TokenIssuer.cs", """
                    using System.Text;
                    using Microsoft.IdentityModel.Tokens;

                    public sealed class TokenIssuer
                    {
                        private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("kQ9vX2wT7yR5mN1qL6sD4fG8hJ0kBzc3pA7eW1uY"));
                        public SecurityKey Current => Key;
                    }
                    """),
            },
            References.IdentityModel | References.SafeAuthRuntime,
            OutputKind.DynamicallyLinkedLibrary);

        var title = Assert.Single(titles);
        Assert.Matches("^Load the signing key from the environment variable '[A-Z_]+' with SafeAuth ", title);
        Assert.EndsWith("(set it, and replace the leaked one: it stays in the history)", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FallbackFix_Title_NamesTheSettingThatStays_AndSaysAMissingSettingThrows()
    {
        var titles = await CodeFixTitles.ForAsync(
            new Analyzers.Rules.Secrets.HardCodedSigningKeyAnalyzer(),
            new CodeFixes.Rules.Secrets.HardCodedSigningKeyCodeFixProvider(),
            new[]
            {
                ("/TokenIssuer.cs", """
                    using System.Text;
                    using Microsoft.Extensions.Configuration;
                    using Microsoft.IdentityModel.Tokens;

                    public sealed class TokenIssuer(IConfiguration configuration)
                    {
                        public SecurityKey Current => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"] ?? "kQ9vX2wT7yR5mN1qL6sD4fG8hJ0kBzc3pA7eW1uY"));
                    }
                    """),
            },
            References.Server,
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            "Remove the hard-coded fallback of 'Jwt:Key' (where the setting is missing the app then throws; replace the leaked signing key: it stays in the history)",
            Assert.Single(titles));
    }
}
