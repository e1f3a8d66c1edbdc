using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Rules.Tokens;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>A metadata name that two assemblies define still resolves, so no rule stops silently.</summary>
public class WellKnownTypesTests
{
    private const string Handler = "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler";

    [Fact]
    public void InternalCopyInAnotherAssembly_TheRealPublicTypeIsChosen()
    {
        var compilation = Compile("", References.IdentityModel, Library("Polyfills", "1.0.0.0", "internal"));

        var type = WellKnownTypes.GetOrCreate(compilation).Get(Handler);

        Assert.NotNull(type);
        Assert.Equal("System.IdentityModel.Tokens.Jwt", type!.ContainingAssembly.Name);
    }

    [Fact]
    public void InternalCopyVisibleThroughInternalsVisibleTo_CountsAsACandidate()
    {
        var compilation = Compile("", References.None, Library("Friend", "1.0.0.0", "internal", friend: "Snippet"));

        Assert.Equal("Friend", WellKnownTypes.GetOrCreate(compilation).Get(Handler)?.ContainingAssembly.Name);
    }

    [Fact]
    public void TwoPublicCopies_TheHigherAssemblyVersionWins()
    {
        var compilation = Compile("", References.None, Library("Old", "1.0.0.0", "public"), Library("New", "9.0.0.0", "public"));

        Assert.Equal("New", WellKnownTypes.GetOrCreate(compilation).Get(Handler)?.ContainingAssembly.Name);
    }

    [Fact]
    public void TwoPublicCopiesOfOneVersion_TheChoiceIsStable()
    {
        var compilation = Compile("", References.None, Library("Zeta", "1.0.0.0", "public"), Library("Alpha", "1.0.0.0", "public"));

        Assert.Equal("Alpha", WellKnownTypes.GetOrCreate(compilation).Get(Handler)?.ContainingAssembly.Name);
    }

    [Fact]
    public void TheCompilationsOwnType_WinsOverReferences()
    {
        var compilation = Compile("namespace System.IdentityModel.Tokens.Jwt { public class JwtSecurityTokenHandler { } }", References.IdentityModel);

        Assert.Equal("Snippet", WellKnownTypes.GetOrCreate(compilation).Get(Handler)?.ContainingAssembly.Name);
    }

    [Fact]
    public void OnlyInaccessibleCopies_ResolveToNothing()
    {
        var compilation = Compile("", References.None, Library("Polyfills", "1.0.0.0", "internal"));

        Assert.Null(WellKnownTypes.GetOrCreate(compilation).Get(Handler));
    }

    [Fact]
    public async Task Rule_StillReports_WhenAnInternalCopyOfItsTypeIsReferenced()
    {
        const string source = """
            using System.IdentityModel.Tokens.Jwt;

            public class Issuer
            {
                public string Issue() => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("me", "you"));
            }
            """;
        var compilation = Compile(source, References.IdentityModel, Library("Polyfills", "1.0.0.0", "internal", typeName: "JwtSecurityToken"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TokenWithoutExpiryAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(RuleIds.TokenWithoutExpiry, Assert.Single(diagnostics).Id);
    }

    private static CSharpCompilation Compile(string source, References references, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            "Snippet",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.For(references).AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static MetadataReference Library(string name, string version, string accessibility, string? friend = null, string typeName = "JwtSecurityTokenHandler")
    {
        var source = $$"""
            [assembly: System.Reflection.AssemblyVersion("{{version}}")]
            {{(friend is null ? "" : $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{friend}\")]")}}
            namespace System.IdentityModel.Tokens.Jwt { {{accessibility}} class {{typeName}} { } }
            """;
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
