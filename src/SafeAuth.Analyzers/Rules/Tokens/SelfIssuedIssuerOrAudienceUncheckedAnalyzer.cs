using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH108: issuer or audience validation switched off where the app validates only tokens signed with its own key.
/// The analysis is AUTH103's (<see cref="IssuerOrAudienceValidationDisabledAnalyzer"/>); the two rules split its
/// findings by who holds the keys, so each can have its own severity.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SelfIssuedIssuerOrAudienceUncheckedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// AUTH108: the same opt-out where the app validates tokens only it can sign (its own signing key, no shared provider):
    /// another issuer cannot mint a token these keys accept, so the risk is tokens of the app's other purposes.
    /// </summary>
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.SelfIssuedIssuerOrAudienceUnchecked,
        title: "Issuer or audience not checked on self-issued tokens",
        messageFormat: "{0} turns {1} validation off for tokens signed with the app's own key: {2}",
        RuleCategories.Security,
        DiagnosticSeverity.Info,
        description: "Where an app validates only tokens it signs itself, with a key no one else holds, a token from another issuer cannot pass the signature check, so turning the issuer or audience check off is a lower risk than with a shared identity provider. It still lets a token the app minted for one purpose (another API, a refresh or e-mail token signed with the same key) pass as an access token, and it stops protecting the app the day a second issuer or a shared key is added. Keep the checks on with ValidIssuer and ValidAudience.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => IssuerOrAudienceValidationDisabledAnalyzer.Register(start, Rule));
    }
}
