namespace SafeAuth.Analyzers.Options;

/// <summary>Every <c>safeauth.*</c> option key, with its default; each appears on a doc page (meta-tested).</summary>
internal static class SafeAuthOptionKeys
{
    /// <summary><c>true</c> to analyze projects that reference xunit, NUnit or MSTest. Default <c>false</c>.</summary>
    public const string AnalyzeTestProjects = "safeauth.analyze_test_projects";

    /// <summary>The lifetime the AUTH201 fix gives a token (a duration, see <see cref="DurationParser"/>). Default <c>15m</c>.</summary>
    public const string DefaultTokenLifetime = "safeauth.default_token_lifetime";

    /// <summary>The longest token lifetime AUTH203 accepts (a duration). Default <c>1d</c>.</summary>
    public const string MaxTokenLifetime = "safeauth.max_token_lifetime";

    /// <summary>The largest <c>ClockSkew</c> AUTH203 accepts (a duration). Default <c>5m</c>.</summary>
    public const string MaxClockSkew = "safeauth.max_clock_skew";

    /// <summary>AUTH304: extra setting paths holding secrets, comma separated, <c>*</c> as a wildcard. Default none.</summary>
    public const string AppSettingsKeyPatterns = "safeauth.AUTH304.additional_key_patterns";

    public static readonly string[] All = { AnalyzeTestProjects, DefaultTokenLifetime, MaxClockSkew, MaxTokenLifetime, AppSettingsKeyPatterns };

    public static bool AnalyzeTestProjectsEnabled(Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options) =>
        string.Equals(SafeAuthOptions.GetRaw(options, null, AnalyzeTestProjects), "true", System.StringComparison.OrdinalIgnoreCase);
}
