using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Options;

/// <summary>
/// Every <c>safeauth.*</c> option key and how it is documented. The catalog generator (<c>src/SafeAuth.Catalog</c>)
/// writes the options table of <c>docs/configuration.md</c> and each rule page's option rows from <see cref="All"/>.
/// </summary>
internal static class SafeAuthOptionKeys
{
    /// <summary><c>true</c> to analyze projects that reference xunit, NUnit or MSTest. Default <c>false</c>.</summary>
    public const string AnalyzeTestProjects = "safeauth.analyze_test_projects";

    /// <summary><c>true</c> to analyze development-only code (<c>IsDevelopment()</c> branches, <c>#if DEBUG</c>). Default <c>false</c>.</summary>
    public const string AnalyzeDevelopmentCode = "safeauth.analyze_development_code";

    /// <summary>The lifetime the AUTH201 fix gives a token (a duration, see <see cref="DurationParser"/>). Default <c>15m</c>.</summary>
    public const string DefaultTokenLifetime = "safeauth.default_token_lifetime";

    /// <summary>The longest token lifetime AUTH203 accepts (a duration). Default <c>1d</c>.</summary>
    public const string MaxTokenLifetime = "safeauth.max_token_lifetime";

    /// <summary>The longest refresh-token lifetime AUTH203 accepts (a duration). Default <c>30d</c>.</summary>
    public const string MaxRefreshTokenLifetime = "safeauth.max_refresh_token_lifetime";

    /// <summary>The largest <c>ClockSkew</c> AUTH203 accepts (a duration). Default <c>5m</c>.</summary>
    public const string MaxClockSkew = "safeauth.max_clock_skew";

    /// <summary>AUTH304: extra setting paths holding secrets, comma separated, <c>*</c> as a wildcard. Default none.</summary>
    public const string AppSettingsKeyPatterns = "safeauth.AUTH304.additional_key_patterns";

    /// <summary>Every rule that analyses code (all but AUTH901, which checks the options themselves).</summary>
    private static readonly string[] AllAnalyzingRules =
    {
        RuleIds.JwtReadWithoutValidation, RuleIds.SignatureValidationDisabled, RuleIds.IssuerOrAudienceValidationDisabled,
        RuleIds.TokenValidationResultIgnored, RuleIds.TokenIssuedWithoutSignature, RuleIds.TokenWithoutExpiry,
        RuleIds.LifetimeValidationDisabled, RuleIds.ExcessiveTokenLifetime, RuleIds.HardCodedSigningKey,
        RuleIds.HardCodedClientSecret, RuleIds.SecretLiteralInSource, RuleIds.SecretInAppSettings,
        RuleIds.TokenWrittenToLocalStorage, RuleIds.TokenWrittenToSessionStorage, RuleIds.ClientSecretInNativeApp,
        RuleIds.AuthorizationCodeWithoutPkce, RuleIds.ImplicitOrPasswordGrant,
    };

    private const string DurationValues = "a duration: `90s`, `15m`, `1h`, `1d`, `00:15:00`";

    /// <summary>Every option, sorted by key, with the rules that read it.</summary>
    public static readonly ImmutableArray<OptionDocumentation> All = ImmutableArray.Create(
        new OptionDocumentation(
            AnalyzeDevelopmentCode,
            "`true`, `false`",
            "`false`",
            "analyze code that only runs in development: `if (env.IsDevelopment())` branches (and the code after `if (!env.IsDevelopment()) return;`), `IsEnvironment(\"Development\")`, `Debugger.IsAttached`, `#if DEBUG` and `[Conditional(\"DEBUG\")]`",
            AllAnalyzingRules),
        new OptionDocumentation(
            AnalyzeTestProjects,
            "`true`, `false`",
            "`false`",
            "analyze test projects (they reference xunit, NUnit or MSTest, or set `IsTestProject`) and test code elsewhere (test methods and fixtures, `WebApplicationFactory` hosts); tests read, forge and print tokens, switch validation off and hold sample keys and secrets on purpose",
            AllAnalyzingRules),
        new OptionDocumentation(
            DefaultTokenLifetime,
            DurationValues,
            "`15m`",
            "the expiry the code fix gives a token",
            RuleIds.TokenWithoutExpiry),
        new OptionDocumentation(
            MaxClockSkew,
            DurationValues,
            "`5m`",
            "the largest `TokenValidationParameters.ClockSkew` accepted; the fix clamps to it",
            RuleIds.ExcessiveTokenLifetime),
        new OptionDocumentation(
            MaxRefreshTokenLifetime,
            DurationValues,
            "`30d`",
            "the longest lifetime accepted for a refresh token (a token the code names or marks as one: `refreshToken`, `CreateRefreshToken`, a `refresh` audience, `token_use` or `typ`); the fix clamps to it",
            RuleIds.ExcessiveTokenLifetime),
        new OptionDocumentation(
            MaxTokenLifetime,
            DurationValues,
            "`1d`",
            "the longest token lifetime (now + constant span) accepted; the fix clamps to it",
            RuleIds.ExcessiveTokenLifetime),
        new OptionDocumentation(
            AppSettingsKeyPatterns,
            "comma-separated setting paths, `*` as wildcard",
            "none",
            "extra `appsettings*.json` settings that hold secrets, added to the built-in list (`Jwt:Key`, `*:SigningKey`, `*:ClientSecret`, …), e.g. `*:HmacSalt, Partner:*:Token`",
            RuleIds.SecretInAppSettings));

    /// <summary>Whether the global option <paramref name="key"/> is <c>true</c>.</summary>
    public static bool IsTrue(AnalyzerOptions options, string key) =>
        string.Equals(SafeAuthOptions.GetRaw(options, null, key), "true", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>One option as the docs describe it: its accepted values, default, effect and the rules that read it.</summary>
internal sealed class OptionDocumentation
{
    public OptionDocumentation(string key, string values, string defaultValue, string effect, params string[] ruleIds)
    {
        Key = key;
        Values = values;
        DefaultValue = defaultValue;
        Effect = effect;
        RuleIds = ImmutableArray.Create(ruleIds);
    }

    public string Key { get; }

    /// <summary>The accepted values, as Markdown.</summary>
    public string Values { get; }

    /// <summary>The default, as Markdown.</summary>
    public string DefaultValue { get; }

    /// <summary>What the option changes, as Markdown, starting in lower case.</summary>
    public string Effect { get; }

    /// <summary>The IDs of the rules that read the option.</summary>
    public ImmutableArray<string> RuleIds { get; }
}
