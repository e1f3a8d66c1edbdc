using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Configuration;

/// <summary>
/// AUTH901: a <c>safeauth.*</c> option in <c>.editorconfig</c> or <c>.globalconfig</c> has a value that cannot be
/// parsed. The rules then use the option's default; this reports each bad value once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidOptionValueAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.InvalidOptionValue,
        title: "SafeAuth option value cannot be parsed",
        messageFormat: "The value '{1}' of '{0}' cannot be parsed, so the default of {3} is used; expected {2}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A safeauth.* option in .editorconfig or .globalconfig has a value SafeAuth cannot read, so the rules that use it fall back to their default. Correct the value so the analysis runs with the limits you chose.",
        isEnabledByDefault: true,
        WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(static compilation => Report(compilation));
    }

    private static void Report(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var reported = new HashSet<(string Key, string Value)>();
        foreach (var option in SafeAuthOptionDefinitions.Durations)
        {
            Check(context, option, provider.GlobalOptions.TryGetValue(option.Key, out var global) ? global : null, reported);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                Check(context, option, provider.GetOptions(tree).TryGetValue(option.Key, out var perTree) ? perTree : null, reported);
            }
        }
    }

    private static void Check<T>(CompilationAnalysisContext context, SafeAuthOption<T> option, string? raw, HashSet<(string, string)> reported)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }

        var value = raw!.Trim();
        if (option.IsValid(value) || !reported.Add((option.Key, value)))
        {
            return;
        }

        var defaultText = option.DefaultValue is System.TimeSpan span ? DurationParser.Describe(span) : option.DefaultValue?.ToString() ?? "null";
        context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, option.Key, value, option.Format, defaultText));
    }
}
