using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafeAuth.Analyzers.Tests.Verifiers;

public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, References.Server, null, expected);

    public static async Task VerifyAnalyzerAsync(string source, References references, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test(references, globalConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
            : this(References.Server, null)
        {
        }

        public Test(References references, string? globalConfig)
        {
            ReferenceAssemblies = SafeAuthTestDefaults.NoPackage;
            SafeAuthTestDefaults.Apply(TestState, references, globalConfig);
            SolutionTransforms.Add(SafeAuthTestDefaults.WithLatestLanguage);
        }
    }
}
