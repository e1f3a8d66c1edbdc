using System;
using System.Globalization;

namespace SafeAuth.Analyzers.Options;

/// <summary>
/// Parses the durations of <c>safeauth.*</c> options: a positive whole number followed by a unit
/// (<c>30s</c>, <c>15m</c>, <c>1h</c>, <c>1d</c>; units are case-insensitive), or a .NET constant time span
/// <c>[d.]hh:mm:ss</c> (<c>00:15:00</c>, <c>1.00:00:00</c>). Zero and negative durations are refused.
/// </summary>
internal static class DurationParser
{
    /// <summary>The accepted format, as the configuration diagnostic states it.</summary>
    public const string FormatDescription = "a positive whole number with a unit s, m, h or d (e.g. 15m, 1h, 1d) or [d.]hh:mm:ss (e.g. 00:15:00)";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length < 2)
        {
            return false;
        }

        if (trimmed.IndexOf(':') >= 0)
        {
            return TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
        }

        var unit = char.ToLowerInvariant(trimmed[trimmed.Length - 1]);
        var number = trimmed.Substring(0, trimmed.Length - 1);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        long seconds;
        switch (unit)
        {
            case 's':
                seconds = amount;
                break;
            case 'm':
                seconds = amount * 60;
                break;
            case 'h':
                seconds = amount * 3600;
                break;
            case 'd':
                seconds = amount * 86400;
                break;
            default:
                return false;
        }

        // TimeSpan.MaxValue is about 10.6 million days; anything near it is a typo.
        if (amount > 100_000_000L || seconds / 86400 > 3_650_000L)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>A short human form of <paramref name="value"/>: <c>15 minutes</c>, <c>1 day</c>, <c>90 seconds</c>.</summary>
    public static string Describe(TimeSpan value)
    {
        if (value == TimeSpan.MaxValue)
        {
            return "TimeSpan.MaxValue";
        }

        var seconds = (long)Math.Floor(value.TotalSeconds);
        if (seconds % 86400 == 0 && seconds != 0)
        {
            return Plural(seconds / 86400, "day");
        }

        if (seconds % 3600 == 0 && seconds != 0)
        {
            return Plural(seconds / 3600, "hour");
        }

        if (seconds % 60 == 0 && seconds != 0)
        {
            return Plural(seconds / 60, "minute");
        }

        return Plural(seconds, "second");
    }

    private static string Plural(long amount, string unit) =>
        amount.ToString(CultureInfo.InvariantCulture) + " " + unit + (amount == 1 ? string.Empty : "s");
}
