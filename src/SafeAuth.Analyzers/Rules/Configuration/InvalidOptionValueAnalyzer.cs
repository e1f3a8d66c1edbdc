using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Configuration;

/// <summary>
/// AUTH901: a <c>safeauth.*</c> option in <c>.editorconfig</c> or <c>.globalconfig</c> has a value that cannot be
/// parsed. The rules then use the option's default; this reports each bad value once per compilation, at the start of
/// the first file it applies to.
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

    // Each bad value is reported once, at the start of the first file it applies to: editors and build logs show a
    // finding with a file, where one without a location is dropped by some editors. A value from .globalconfig applies
    // to every file, so it is shown at the first of the project's own (not generated) files.
    private static void Report(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var reported = new HashSet<(string Key, string Value)>();
        var trees = OwnTreesFirst(context.Compilation);
        foreach (var option in SafeAuthOptionDefinitions.Durations)
        {
            foreach (var tree in trees)
            {
                Check(context, option, provider.GetOptions(tree).TryGetValue(option.Key, out var perTree) ? perTree : null, StartOf(tree), reported);
            }

            Check(context, option, provider.GlobalOptions.TryGetValue(option.Key, out var global) ? global : null, trees.Count > 0 ? StartOf(trees[0]) : Location.None, reported);
        }
    }

    private static List<SyntaxTree> OwnTreesFirst(Compilation compilation)
    {
        var trees = new List<SyntaxTree>(compilation.SyntaxTrees);
        trees.Sort((a, b) => (IsGenerated(a), a.FilePath).CompareTo((IsGenerated(b), b.FilePath)));
        return trees;
    }

    private static bool IsGenerated(SyntaxTree tree) =>
        tree.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase)
        || tree.FilePath.Replace('\\', '/').Contains("/obj/");

    private static Location StartOf(SyntaxTree tree) => Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0));

    private static void Check<T>(CompilationAnalysisContext context, SafeAuthOption<T> option, string? raw, Location location, HashSet<(string, string)> reported)
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
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, option.Key, value, option.Format, defaultText));
    }
}
