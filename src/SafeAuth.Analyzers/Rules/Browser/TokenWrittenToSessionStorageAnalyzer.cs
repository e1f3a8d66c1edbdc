using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// AUTH402: a token is written to <c>sessionStorage</c> (JS interop, Blazored.SessionStorage or <c>[JSImport]</c>),
/// where every script of the origin running in that tab can read it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenWrittenToSessionStorageAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenWrittenToSessionStorage,
        title: "Token written to sessionStorage",
        messageFormat: "'{0}' writes a token to sessionStorage ({1}), where any script of the page can read it; keep it in memory (SafeAuth ITokenStore) or in an HttpOnly cookie",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Anything in sessionStorage can be read by any script running on the origin in that tab, so one cross-site scripting flaw leaks the token. Keep tokens in memory or behind a backend-for-frontend with HttpOnly cookies.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(c => BrowserStorageAnalysis.OnCompilationStart(c, BrowserStorage.Session, Rule));
    }
}
