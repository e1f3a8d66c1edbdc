using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Context;

/// <summary>Test methods, fixtures and test hosts recognised by their attributes and base types.</summary>
internal static class TestNames
{
    /// <summary>xunit, NUnit and MSTest attributes that mark a test, a test's set-up or a fixture.</summary>
    private static readonly string[] TestAttributes =
    {
        "Fact", "Theory", "Test", "TestCase", "TestCaseSource", "SetUp", "OneTimeSetUp", "TearDown", "OneTimeTearDown",
        "TestFixture", "TestFixtureSetUp", "TestMethod", "DataTestMethod", "TestClass", "TestInitialize", "ClassInitialize",
        "AssemblyInitialize", "TestCleanup",
    };

    /// <summary>In-memory test servers: what they configure is the test's server, not the app's.</summary>
    private static readonly string[] TestHostBaseTypes = { "WebApplicationFactory", "IClassFixture", "ICollectionFixture" };

    public static bool HasTestAttribute(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (IsTestAttribute(SimpleName(attribute.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsTestType(TypeDeclarationSyntax type)
    {
        if (HasTestAttribute(type.AttributeLists))
        {
            return true;
        }

        if (type.BaseList is null)
        {
            return false;
        }

        foreach (var baseType in type.BaseList.Types)
        {
            if (System.Array.IndexOf(TestHostBaseTypes, SimpleName(baseType.Type)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rightmost identifier of a (qualified, generic, aliased) name, or null.</summary>
    public static string? SimpleName(SyntaxNode name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => SimpleName(qualified.Right),
        AliasQualifiedNameSyntax alias => SimpleName(alias.Name),
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsTestAttribute(string? name)
    {
        if (name is null)
        {
            return false;
        }

        if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        // xunit extensions follow one naming pattern: SkippableFact, RetryFact, AutoDataTheory, …
        return System.Array.IndexOf(TestAttributes, name) >= 0
            || name.EndsWith("Fact", System.StringComparison.Ordinal)
            || name.EndsWith("Theory", System.StringComparison.Ordinal);
    }
}
