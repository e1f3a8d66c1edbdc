using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Options;

/// <summary>Reads <c>safeauth.*</c> keys and MSBuild properties from the analyzer configuration.</summary>
internal static class SafeAuthOptions
{
    public const string Prefix = "safeauth.";

    public static string? GetMSBuildProperty(AnalyzerOptions options, string property)
    {
        return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + property, out var value)
            && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
    }

    public static bool IsMSBuildPropertyTrue(AnalyzerOptions options, string property) =>
        string.Equals(GetMSBuildProperty(options, property), "true", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="key"/> for <paramref name="tree"/> (editorconfig) or globally (globalconfig).</summary>
    public static string? GetRaw(AnalyzerOptions options, SyntaxTree? tree, string key)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (tree is not null && provider.GetOptions(tree).TryGetValue(key, out var perTree) && !string.IsNullOrWhiteSpace(perTree))
        {
            return perTree.Trim();
        }

        return provider.GlobalOptions.TryGetValue(key, out var global) && !string.IsNullOrWhiteSpace(global)
            ? global.Trim()
            : null;
    }
}
