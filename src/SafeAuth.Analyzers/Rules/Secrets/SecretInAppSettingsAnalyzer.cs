using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// AUTH304: an <c>appsettings*.json</c> file (an AdditionalFile, added by the package's build props) holds a
/// non-placeholder value under a signing-key or client-secret setting.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInAppSettingsAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.SecretInAppSettings,
        title: "Secret in appsettings",
        messageFormat: "'{0}' holds a secret in {1}; keep it in user secrets, the environment or a key vault",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Application settings files are committed and copied with every deployment, so a signing key or client secret in them is readable by anyone with the code. Keep secrets in user secrets during development and in the environment or a key vault in production.");

    /// <summary>Setting paths that hold secrets; <c>*</c> matches any text, and <c>*:X</c> also matches a top-level <c>X</c>.</summary>
    internal static readonly ImmutableArray<string> DefaultKeyPatterns = ImmutableArray.Create(
        "Jwt:Key", "Jwt:Secret", "*SecretKey", "*SigningKey", "*JwtKey", "*JwtSecret", "*:TokenKey",
        "*ClientSecret", "*:AppSecret", "*:ConsumerSecret", "*:Secret", "*:ApiKey", "*:PrivateKey",
        // The tutorial shapes: a key under a settings section named for auth or JWT, and AppSettings:Token.
        "AppSettings:Token", "Jwt*:Key", "*AuthSettings:Key", "*JwtSettings:Key", "*JwtConfig:Key", "*JwtOptions:Key", "*TokenSettings:Key");

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

            start.RegisterAdditionalFileAction(c => AnalyzeFile(c, scope));
        });
    }

    internal static bool IsAppSettingsFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
               && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, AnalysisScope scope)
    {
        var file = context.AdditionalFile;
        if (!IsAppSettingsFile(file.Path))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null || !TolerantJsonReader.TryRead(text.ToString(), out var values))
        {
            // Malformed JSON: the configuration provider reports it at startup; no finding here.
            return;
        }

        var patterns = Patterns(context.Options, file);
        var fileName = Path.GetFileName(file.Path);
        foreach (var value in values)
        {
            // A key named for a secret, or a value with a credential's shape under any name ("Stripe": "sk_live_…").
            if ((!Matches(value.Path, patterns) && SecretLiteralDetector.Detect(value.Value) is null) || IsNotASecret(value.Value))
            {
                continue;
            }

            var location = Location.Create(file.Path, value.Span, text.Lines.GetLinePositionSpan(value.Span));
            scope.Report(context, Diagnostic.Create(Rule, location, value.Path, fileName));
        }
    }

    private static bool IsNotASecret(string value) =>
        SecretText.IsPlaceholder(value)
        // Azure App Service Key Vault references resolve at run time.
        || value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    private static List<string> Patterns(AnalyzerOptions options, AdditionalText file)
    {
        var patterns = new List<string>(DefaultKeyPatterns);
        string? extra = null;
        if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(SafeAuthOptionKeys.AppSettingsKeyPatterns, out var perFile))
        {
            extra = perFile;
        }
        else if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(SafeAuthOptionKeys.AppSettingsKeyPatterns, out var global))
        {
            extra = global;
        }

        if (extra is not null)
        {
            foreach (var pattern in extra.Split(','))
            {
                var trimmed = pattern.Trim();
                if (trimmed.Length > 0)
                {
                    patterns.Add(trimmed);
                }
            }
        }

        return patterns;
    }

    internal static bool Matches(string path, IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (Glob(pattern, 0, path, 0)
                || (pattern.StartsWith("*:", StringComparison.Ordinal) && Glob(pattern, 2, path, 0)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Case-insensitive match where <c>*</c> stands for any text, <c>:</c> included.</summary>
    private static bool Glob(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var skip = t; skip <= text.Length; skip++)
                {
                    if (Glob(pattern, p + 1, text, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || char.ToUpperInvariant(pattern[p]) != char.ToUpperInvariant(text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
