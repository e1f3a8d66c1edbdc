using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Rules.NativeClients;

/// <summary>Project-kind detection on its own: each signal, precedence, and the per-compilation cache.</summary>
public class ProjectKindTests
{
    private static CSharpCompilation Compilation(References references, params MetadataReference[] extra) =>
        CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("class C { }") },
            TestReferences.For(references).AddRange(extra), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ProjectKind Detect(Compilation compilation, params (string Key, string Value)[] properties) =>
        ProjectKindDetector.Detect(WellKnownTypes.GetOrCreate(compilation), Options(properties));

    private static AnalyzerOptions Options(params (string Key, string Value)[] properties) =>
        new(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value)));

    [Theory]
    [InlineData("UseMaui")]
    [InlineData("UseWPF")]
    [InlineData("UseWindowsForms")]
    [InlineData("UseWinUI")]
    public void NativeApp_FromProperty(string property)
    {
        Assert.Equal(ProjectKind.NativeApp, Detect(Compilation(References.None), (property, "true")));
    }

    [Fact]
    public void NativeApp_FromEachUIFrameworkReference()
    {
        foreach (var reference in new[] { StubAssemblies.Wpf, StubAssemblies.WinForms, StubAssemblies.Maui, StubAssemblies.WinUI, StubAssemblies.XamarinForms, StubAssemblies.Uno })
        {
            Assert.Equal(ProjectKind.NativeApp, Detect(Compilation(References.None, reference)));
        }

        Assert.Equal(ProjectKind.NativeApp, Detect(Compilation(References.Avalonia)));
    }

    [Fact]
    public void BrowserApp_FromBlazorWebAssembly()
    {
        Assert.Equal(ProjectKind.BrowserApp, Detect(Compilation(References.BlazorWebAssembly)));
        Assert.Equal(ProjectKind.BrowserApp, Detect(Compilation(References.None), ("UsingMicrosoftNETSdkBlazorWebAssembly", "true")));
    }

    [Fact]
    public void NotAnApp_ConsoleDaemonLibraryAndServer()
    {
        Assert.Equal(ProjectKind.Unknown, Detect(Compilation(References.Msal), ("OutputType", "Exe")));
        Assert.Equal(ProjectKind.Unknown, Detect(Compilation(References.Msal | References.Duende)));
        Assert.Equal(ProjectKind.Server, Detect(Compilation(References.AspNetCore)));
        Assert.Equal(ProjectKind.Server, Detect(Compilation(References.None), ("UsingMicrosoftNETSdkWeb", "true")));
        Assert.False((ProjectKind.NativeApp | ProjectKind.Server).IsClient());
    }

    [Theory]
    [InlineData("native", (int)ProjectKind.NativeApp)]
    [InlineData("Browser", (int)ProjectKind.BrowserApp)]
    [InlineData("server", (int)ProjectKind.Server)]
    public void SafeAuthProjectKind_OverridesInferredSignals(string value, int expected)
    {
        Assert.Equal((ProjectKind)expected, Detect(Compilation(References.AspNetCore, StubAssemblies.Wpf), ("SafeAuthProjectKind", value)));
    }

    [Fact]
    public void SafeAuthProjectKind_UnknownValue_FallsBackToSignals()
    {
        Assert.Equal(ProjectKind.NativeApp, Detect(Compilation(References.None), ("SafeAuthProjectKind", "desktop"), ("UseWPF", "true")));
    }

    [Fact]
    public void TestProjectFlag_AddsToTheKind()
    {
        Assert.Equal(ProjectKind.NativeApp | ProjectKind.TestProject, Detect(Compilation(References.None), ("UseWPF", "true"), ("IsTestProject", "true")));
    }

    [Fact]
    public void DecidedOncePerCompilation()
    {
        var compilation = Compilation(References.None);
        Assert.Equal(ProjectKind.NativeApp, Detect(compilation, ("UseWPF", "true")));

        // Later requests for the same compilation get the cached answer.
        Assert.Equal(ProjectKind.NativeApp, Detect(compilation));
        Assert.Equal(ProjectKind.Unknown, Detect(Compilation(References.None)));
    }
}
