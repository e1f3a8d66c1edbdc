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
}
