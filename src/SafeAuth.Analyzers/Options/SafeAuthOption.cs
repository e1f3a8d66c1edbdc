using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Options;

/// <summary>A typed <c>safeauth.*</c> option: its key, its default, how its value is parsed and described.</summary>
internal sealed class SafeAuthOption<T>
{
    private readonly TryParser _tryParse;

    public SafeAuthOption(string key, T defaultValue, TryParser tryParse, string format)
    {
        Key = key;
        DefaultValue = defaultValue;
        _tryParse = tryParse;
        Format = format;
    }

    public delegate bool TryParser(string text, out T value);

    public string Key { get; }

    public T DefaultValue { get; }

    /// <summary>The accepted values, in words, for the configuration diagnostic and the docs.</summary>
    public string Format { get; }

    /// <summary>
    /// The value for <paramref name="tree"/>: the file's <c>.editorconfig</c> section first, then <c>.globalconfig</c>.
    /// A value that does not parse gives the default (AUTH901 reports it once per compilation).
    /// </summary>
    public T Get(AnalyzerOptions options, SyntaxTree? tree)
    {
        var raw = SafeAuthOptions.GetRaw(options, tree, Key);
        return raw is not null && _tryParse(raw, out var value) ? value : DefaultValue;
    }

    /// <summary>Whether <paramref name="raw"/> is a valid value of this option.</summary>
    public bool IsValid(string raw) => _tryParse(raw, out _);
}

/// <summary>The typed definitions of the <c>safeauth.*</c> options that carry values.</summary>
internal static class SafeAuthOptionDefinitions
{
    /// <summary>The lifetime the AUTH201 fix gives a token. Default 15 minutes.</summary>
    public static readonly SafeAuthOption<TimeSpan> DefaultTokenLifetime = Duration(SafeAuthOptionKeys.DefaultTokenLifetime, TimeSpan.FromMinutes(15));

    /// <summary>The longest token lifetime AUTH203 accepts. Default 1 day.</summary>
    public static readonly SafeAuthOption<TimeSpan> MaxTokenLifetime = Duration(SafeAuthOptionKeys.MaxTokenLifetime, TimeSpan.FromDays(1));

    /// <summary>The longest refresh-token lifetime AUTH203 accepts. Default 30 days.</summary>
    public static readonly SafeAuthOption<TimeSpan> MaxRefreshTokenLifetime = Duration(SafeAuthOptionKeys.MaxRefreshTokenLifetime, TimeSpan.FromDays(30));

    /// <summary>The largest clock skew AUTH203 accepts. Default 5 minutes.</summary>
    public static readonly SafeAuthOption<TimeSpan> MaxClockSkew = Duration(SafeAuthOptionKeys.MaxClockSkew, TimeSpan.FromMinutes(5));

    /// <summary>Every option whose value AUTH901 checks.</summary>
    public static readonly SafeAuthOption<TimeSpan>[] Durations = { DefaultTokenLifetime, MaxTokenLifetime, MaxRefreshTokenLifetime, MaxClockSkew };

    private static SafeAuthOption<TimeSpan> Duration(string key, TimeSpan defaultValue) =>
        new(key, defaultValue, DurationParser.TryParse, DurationParser.FormatDescription);
}
