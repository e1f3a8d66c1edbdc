using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// AUTH401: a token is written to <c>localStorage</c> (JS interop, Blazored.LocalStorage or <c>[JSImport]</c>), where
/// every script of the origin can read it, in every tab, until it is removed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenWrittenToLocalStorageAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenWrittenToLocalStorage,
        title: "Token written to localStorage",
        messageFormat: "'{0}' writes a token to localStorage ({1}), where any script of the page can read it; keep it in memory (SafeAuth ITokenStore) or in an HttpOnly cookie",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Anything in localStorage can be read by any script running on the origin, survives the browser session and is shared by every tab, so one cross-site scripting flaw leaks the token. Keep tokens in memory or behind a backend-for-frontend with HttpOnly cookies.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(c => BrowserStorageAnalysis.OnCompilationStart(c, BrowserStorage.Local, Rule));
    }
}
