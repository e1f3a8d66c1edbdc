namespace SafeAuth.Analyzers.Options;

/// <summary>Every <c>safeauth.*</c> option key, with its default; each appears on a doc page (meta-tested).</summary>
internal static class SafeAuthOptionKeys
{
    /// <summary><c>true</c> to analyze projects that reference xunit, NUnit or MSTest. Default <c>false</c>.</summary>
    public const string AnalyzeTestProjects = "safeauth.analyze_test_projects";

    /// <summary>AUTH304: extra setting paths holding secrets, comma separated, <c>*</c> as a wildcard. Default none.</summary>
    public const string AppSettingsKeyPatterns = "safeauth.AUTH304.additional_key_patterns";

    public static readonly string[] All = { AnalyzeTestProjects, AppSettingsKeyPatterns };

    public static bool AnalyzeTestProjectsEnabled(Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options) =>
        string.Equals(SafeAuthOptions.GetRaw(options, null, AnalyzeTestProjects), "true", System.StringComparison.OrdinalIgnoreCase);
}
