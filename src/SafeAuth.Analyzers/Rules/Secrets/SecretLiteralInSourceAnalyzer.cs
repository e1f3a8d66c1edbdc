using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// AUTH303: a string literal anywhere in the source holds a JWT, a PEM private key, a Microsoft Entra client
/// secret, or a provider credential with a fixed shape (Stripe, AWS, GitHub, Slack, Google, SendGrid, Azure keys).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralInSourceAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.SecretLiteralInSource,
        title: "Token or private key in source",
        messageFormat: "This string literal holds {0}; move it to configuration, the environment or a key vault, and revoke it",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A bearer token, private key, client secret or API key written in the source is a working credential for anyone who reads the code or its history. Move it out of the source and revoke or rotate the exposed value.");

    private static readonly ImmutableArray<SyntaxKind> LiteralKinds = ImmutableArray.Create(
        SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var scope = AnalysisScope.For(start);
            if (scope.IsSilent)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, scope), LiteralKinds);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, AnalysisScope scope)
    {
        var token = context.Node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax interpolatedText => interpolatedText.TextToken,
            _ => default,
        };

        // The cheap checks (length, a marker substring) run on the text before anything is decoded.
        var text = token.ValueText;
        if (text is null || SecretLiteralDetector.Detect(text) is not { } kind)
        {
            return;
        }

        // A signed licence key (Duende, Syncfusion, a vendor's own) is a JWT that ships with the app by design.
        if (kind == SecretLiteralKind.Jwt && TokenPurposes.Of(context.Node) == TokenPurpose.Other)
        {
            return;
        }

        scope.Report(context, Diagnostic.Create(Rule, context.Node.GetLocation(), Describe(kind)));
    }

    /// <summary>The message's name for what the literal holds.</summary>
    internal static string Describe(SecretLiteralKind kind) => kind switch
    {
        SecretLiteralKind.Jwt => "a JWT",
        SecretLiteralKind.PrivateKey => "a PEM private key",
        SecretLiteralKind.EntraClientSecret => "a Microsoft Entra client secret",
        SecretLiteralKind.StripeSecretKey => "a Stripe live secret key",
        SecretLiteralKind.StripeWebhookSecret => "a Stripe webhook signing secret",
        SecretLiteralKind.AwsAccessKey => "an AWS access key ID",
        SecretLiteralKind.GitHubToken => "a GitHub token",
        SecretLiteralKind.SlackToken => "a Slack token or webhook URL",
        SecretLiteralKind.GoogleApiKey => "a Google API key",
        SecretLiteralKind.SendGridKey => "a SendGrid API key",
        _ => "an Azure account key or shared access signature",
    };
}
