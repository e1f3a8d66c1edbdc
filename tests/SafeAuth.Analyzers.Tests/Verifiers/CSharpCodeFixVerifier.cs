using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafeAuth.Analyzers.Tests.Verifiers;

public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, References.Server, null, expected);

    public static async Task VerifyAnalyzerAsync(string source, References references, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test(references, globalConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix (and Fix All in document, project and solution scope) and compares the result.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        VerifyCodeFixAsync(source, fixedSource, References.Server, equivalenceKey);

    public static async Task VerifyCodeFixAsync(string source, string fixedSource, References references, string? equivalenceKey = null)
    {
        var test = new Test(references, null)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
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
