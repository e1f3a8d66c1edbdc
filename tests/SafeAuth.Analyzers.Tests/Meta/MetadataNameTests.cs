using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Tests.Rules.Browser;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Every metadata name the rules and fixes watch resolves to exactly one type in a compilation over the real assemblies
/// the tests reference (stubs only for the UI frameworks and Blazored storage, which the registry does not serve, and for
/// Jwt.Net 8's <c>NoneAlgorithm</c>, absent from the 7.3.1 the registry serves), so a
/// typo in <see cref="MetadataNames"/> fails here instead of silently switching a rule off.
/// </summary>
public class MetadataNameTests
{
    private static readonly Lazy<Compilation> Everything = new(() => CSharpCompilation.Create(
        "Everything",
        new[]
        {
            CSharpSyntaxTree.ParseText(BlazoredStorageStubs.Source),
            CSharpSyntaxTree.ParseText(Rules.Tokens.TokenIssuedWithoutSignatureAnalyzerTests.NoneAlgorithmOfJwtNet8),
        },
        TestReferences.For((References)(-1))
            .Add(StubAssemblies.Wpf).Add(StubAssemblies.WinForms).Add(StubAssemblies.Maui).Add(StubAssemblies.WinUI)
            .Add(StubAssemblies.XamarinForms).Add(StubAssemblies.Uno)
            .Add(MetadataReference.CreateFromFile(typeof(Xunit.FactAttribute).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(NUnit.Framework.TestAttribute).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

    public static IReadOnlyList<(string Constant, string Name)> AllNames() => typeof(MetadataNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToList();

    public static TheoryData<string> Constants()
    {
        var data = new TheoryData<string>();
        foreach (var (constant, _) in AllNames())
        {
            data.Add(constant);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Constants))]
    public void MetadataName_ResolvesToOneRealType(string constant)
    {
        var name = AllNames().Single(n => n.Constant == constant).Name;
        var types = Everything.Value.GetTypesByMetadataName(name);
        Assert.True(types.Length == 1, $"MetadataNames.{constant} = \"{name}\" resolves to {types.Length} types in the test references");
    }

    private static readonly Lazy<Compilation> LegacyIdentityModel = new(() => CSharpCompilation.Create(
        "Legacy",
        Array.Empty<SyntaxTree>(),
        TestReferences.For(References.LegacyIdentityModel),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

    public static TheoryData<string> DuendeConstants()
    {
        var data = new TheoryData<string>();
        foreach (var (constant, name) in AllNames())
        {
            if (name.StartsWith("Duende.", StringComparison.Ordinal))
            {
                data.Add(constant);
            }
        }

        return data;
    }

    /// <summary>Each Duende type is found in a project on IdentityModel 6 / IdentityModel.OidcClient 5 under its old name.</summary>
    [Theory]
    [MemberData(nameof(DuendeConstants))]
    public void DuendeName_ResolvesInIdentityModelBeforeTheRename(string constant)
    {
        var name = AllNames().Single(n => n.Constant == constant).Name;
        var legacy = WellKnownTypes.LegacyIdentityModelName(name);
        Assert.NotNull(legacy);
        var type = WellKnownTypes.GetOrCreate(LegacyIdentityModel.Value).GetIdentityModelClient(name);
        Assert.NotNull(type);
        Assert.Equal(legacy, type!.ToDisplayString());
    }

    /// <summary>A Duende name looked up with plain <c>Get</c> would miss apps on the library's old namespaces.</summary>
    [Fact]
    public void DuendeNames_AreLookedUpWithTheirOldNamespace()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Catalog.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(".Get(MetadataNames.Duende", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Catalog.RepositoryRoot, file))
            .ToList();
        Assert.Empty(offenders);
    }
}
