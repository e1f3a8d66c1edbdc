using System;

namespace SafeAuth.Revocation;

/// <summary>Lifetimes of rotating refresh tokens (<see cref="RefreshTokenRotation"/>).</summary>
public sealed class RefreshTokenOptions
{
    /// <summary>The longest absolute lifetime accepted: 400 days.</summary>
    public static readonly TimeSpan MaxAbsoluteLifetime = TimeSpan.FromDays(400);

    /// <summary>How long an unused refresh token stays redeemable after it was issued. Default 14 days.</summary>
    public TimeSpan SlidingLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a family lives from sign-in, however often it is refreshed. Default 30 days, at most 400.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a subject's access-token revocation is kept: at least the longest access-token lifetime. Default 1 day.</summary>
    public TimeSpan AccessTokenRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What is wrong with these settings, or <see langword="null"/>.</summary>
    internal string? Problem()
    {
        if (SlidingLifetime <= TimeSpan.Zero || AbsoluteLifetime <= TimeSpan.Zero || AccessTokenRetention <= TimeSpan.Zero)
        {
            return "SlidingLifetime, AbsoluteLifetime and AccessTokenRetention must be positive.";
        }

        if (AbsoluteLifetime < SlidingLifetime)
        {
            return "AbsoluteLifetime must not be shorter than SlidingLifetime.";
        }

        if (AbsoluteLifetime > MaxAbsoluteLifetime)
        {
            return "AbsoluteLifetime must not exceed 400 days.";
        }

        return TimeProvider is null ? "TimeProvider must not be null." : null;
    }
}
