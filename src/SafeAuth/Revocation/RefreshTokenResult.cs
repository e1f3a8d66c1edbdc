using System.Diagnostics.CodeAnalysis;

namespace SafeAuth.Revocation;

/// <summary>The outcome of a sign-in or a refresh: new tokens, or why there are none.</summary>
public sealed class RefreshTokenResult
{
    private RefreshTokenResult(RefreshTokenStatus status, string? accessToken, string? refreshToken, RefreshTokenRecord? record, string? failureMessage)
    {
        Status = status;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        Record = record;
        FailureMessage = failureMessage;
    }

    /// <summary>Whether new tokens were issued; then <see cref="AccessToken"/> and <see cref="RefreshToken"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(AccessToken), nameof(RefreshToken))]
    public bool Succeeded => Status == RefreshTokenStatus.Redeemed;

    /// <summary>The outcome.</summary>
    public RefreshTokenStatus Status { get; }

    /// <summary>The new access token, or <see langword="null"/>.</summary>
    public string? AccessToken { get; }

    /// <summary>The new refresh token (give it to the client; it is stored only as a hash), or <see langword="null"/>.</summary>
    public string? RefreshToken { get; }

    /// <summary>The stored record of the new token when issued, of the presented token when refused (when it exists).</summary>
    public RefreshTokenRecord? Record { get; }

    /// <summary>Why nothing was issued, or <see langword="null"/>.</summary>
    public string? FailureMessage { get; }

    internal static RefreshTokenResult Issued(string accessToken, string refreshToken, RefreshTokenRecord record)
        => new(RefreshTokenStatus.Redeemed, accessToken, refreshToken, record, null);

    internal static RefreshTokenResult Refused(RefreshTokenStatus status, string message, RefreshTokenRecord? record = null)
        => new(status, null, null, record, message);
}
