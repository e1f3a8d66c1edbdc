using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// The analyzer → code fix contract: the facts an analyzer records on a diagnostic so that its fix does not recognise
/// the shape again by name. One key per fact, written and read through these helpers only; a meta test keeps every
/// key both written by an analyzer and read by a fix.
/// </summary>
internal static class FixProperties
{
    /// <summary>Which API shape was reported (AUTH102: the opt-out; AUTH201: where the expiry goes), an enum name.</summary>
    public const string Shape = "Shape";

    /// <summary>AUTH201: the reported node is an explicit <c>null</c> expiry the fix replaces.</summary>
    public const string ReplacesValue = "ReplacesValue";

    /// <summary>AUTH201: the lifetime the fix gives the token, in whole seconds.</summary>
    public const string LifetimeSeconds = "LifetimeSeconds";

    /// <summary>AUTH203: <see cref="ExpiryKind"/> or <see cref="ClockSkewKind"/>.</summary>
    public const string Kind = "Kind";

    /// <summary>AUTH203: the configured maximum, in whole seconds.</summary>
    public const string MaxSeconds = "MaxSeconds";

    /// <summary>
    /// AUTH103/AUTH108: the check the opt-out switched off has a value to compare with (ValidIssuer(s)/ValidAudience(s),
    /// an Authority or MetadataAddress whose metadata names the issuer, JwtBearer's Audience). Without one, removing
    /// the opt-out fails every token.
    /// </summary>
    public const string HasExpectedValue = "HasExpectedValue";

    /// <summary>AUTH203 <see cref="Kind"/>: a token lifetime.</summary>
    public const string ExpiryKind = "Expiry";

    /// <summary>AUTH203 <see cref="Kind"/>: a clock skew.</summary>
    public const string ClockSkewKind = "ClockSkew";

    public static ImmutableDictionary<string, string?> With(this ImmutableDictionary<string, string?> properties, string key, bool value) =>
        properties.SetItem(key, value ? "true" : "false");

    public static ImmutableDictionary<string, string?> With(this ImmutableDictionary<string, string?> properties, string key, long value) =>
        properties.SetItem(key, value.ToString(CultureInfo.InvariantCulture));

    public static ImmutableDictionary<string, string?> With(this ImmutableDictionary<string, string?> properties, string key, string value) =>
        properties.SetItem(key, value);

    /// <summary>The flag <paramref name="key"/>; <paramref name="fallback"/> when the diagnostic does not carry it.</summary>
    public static bool Flag(Diagnostic diagnostic, string key, bool fallback = false) =>
        diagnostic.Properties.TryGetValue(key, out var text) ? text == "true" : fallback;

    /// <summary>The text of <paramref name="key"/>, or null.</summary>
    public static string? Text(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var text) ? text : null;

    /// <summary>The positive whole number of <paramref name="key"/>, or null.</summary>
    public static long? Number(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
