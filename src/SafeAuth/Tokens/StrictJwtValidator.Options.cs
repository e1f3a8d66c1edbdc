using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeAuth.Tokens;

/// <summary>The checks of <see cref="StrictJwtValidationOptions"/> made when a validator is built.</summary>
public sealed partial class StrictJwtValidator
{
    private static string[] Audiences(StrictJwtValidationOptions options)
    {
        var audiences = CopyNonBlank(options.ValidAudiences, nameof(options.ValidAudiences)).ToList();
        if (options.ValidAudience is { Length: > 0 } single)
        {
            audiences.Insert(0, string.IsNullOrWhiteSpace(single) ? throw new ArgumentException("ValidAudience must not be blank.", nameof(options)) : single);
        }

        return audiences.Count > 0
            ? audiences.Distinct(StringComparer.Ordinal).ToArray()
            : throw new ArgumentException("An audience is required: set ValidAudience or ValidAudiences (RFC 8725 §3.9).", nameof(options));
    }

    private static void CheckTypesAgainstKind(string[] validTypes, bool acceptOnlyAccessTokens)
    {
        foreach (var type in validTypes)
        {
            if (acceptOnlyAccessTokens && TokenKinds.OtherKind(type) is { } kind)
            {
                throw new ArgumentException(
                    "ValidTypes contains '" + type + "', which marks " + kind + "; set AcceptOnlyAccessTokens = false where such tokens are validated on purpose.",
                    nameof(StrictJwtValidationOptions.ValidTypes));
            }
        }
    }

    private static TimeSpan CheckClockSkew(TimeSpan clockSkew)
    {
        if (clockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("ClockSkew must not be negative.", nameof(StrictJwtValidationOptions.ClockSkew));
        }

        return clockSkew <= StrictJwtValidationOptions.MaxClockSkew
            ? clockSkew
            : throw new ArgumentException("ClockSkew must not exceed 5 minutes; 30 seconds is the default.", nameof(StrictJwtValidationOptions.ClockSkew));
    }

    private static string[] CopyNonBlank(IList<string>? values, string name)
    {
        if (values is null)
        {
            throw new ArgumentException(name + " must not be null.", name);
        }

        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException(name + " must not contain a null or blank entry.", name);
            }
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static DateTimeOffset FromNumericDate(double seconds)
        => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
