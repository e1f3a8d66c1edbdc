using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SafeAuth.Analyzers.Tests.Verifiers;
using SafeAuth.CodeFixes.Rules.Browser;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>Runs AUTH401/AUTH402 tests with the Blazored stubs added to the compilation (before and after the fix).</summary>
internal static class BrowserStorageVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>JS interop, MSAL, Duende and IdentityModel: the token sources and sinks of a client.</summary>
    public const References Client = References.JsInterop | References.Msal | References.Duende | References.IdentityModel;

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, Client, null, expected);

    public static async Task VerifyAsync(string source, References references, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TokenWrittenToBrowserStorageCodeFixProvider>.Test(references, globalConfig) { TestCode = source };
        test.TestState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs with the app's script files (path, text) handed to the analyzer as additional files, as the package does.</summary>
    public static async Task VerifyWithScriptsAsync(string source, (string Path, string Text)[] scripts, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TokenWrittenToBrowserStorageCodeFixProvider>.Test(Client, null) { TestCode = source };
        test.TestState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        foreach (var script in scripts)
        {
            test.TestState.AdditionalFiles.Add((script.Path, script.Text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix, and Fix All in document, project and solution scope, and compares the result.</summary>
    public static async Task VerifyFixAsync(string source, string fixedSource, References references, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TokenWrittenToBrowserStorageCodeFixProvider>.Test(references, null)
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        test.FixedState.Sources.Add((BlazoredStorageStubs.FileName, BlazoredStorageStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
