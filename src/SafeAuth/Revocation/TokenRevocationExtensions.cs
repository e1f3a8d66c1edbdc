using System;
using System.IdentityModel.Tokens.Jwt;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Revocation;

/// <summary>The revocation check <see cref="Tokens.StrictJwtValidator"/> makes, for tokens other code has validated (JwtBearer's <c>OnTokenValidated</c>).</summary>
public static class TokenRevocationExtensions
{
    /// <summary>
    /// Whether <paramref name="token"/> is revoked: its <c>jti</c>, or its subject's tokens up to its <c>iat</c> (whole
    /// seconds, so a token issued in the second of a sign-out everywhere is revoked too). One store round trip.
    /// </summary>
    /// <param name="store">The revocation store.</param>
    /// <param name="token">A validated <see cref="JsonWebToken"/> or <see cref="JwtSecurityToken"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the token must be refused.</returns>
    /// <exception cref="ArgumentException">The token is of another type.</exception>
    /// <exception cref="RevocationStoreUnavailableException">The store cannot be reached: refuse the token (fail closed).</exception>
    public static Task<bool> IsRevokedAsync(this ITokenRevocationStore store, SecurityToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return token switch
        {
            JsonWebToken jwt => IsRevokedAsync(store, jwt.Id, jwt.Subject, IssuedAt(jwt.IssuedAt), cancellationToken),
            JwtSecurityToken jwt => IsRevokedAsync(store, jwt.Id, jwt.Subject, IssuedAt(jwt.IssuedAt), cancellationToken),
            null => throw new ArgumentNullException(nameof(token)),
            _ => throw new ArgumentException("Only JsonWebToken and JwtSecurityToken carry the jti, sub and iat the check needs.", nameof(token)),
        };
    }

    internal static async Task<bool> IsRevokedAsync(ITokenRevocationStore store, string? tokenId, string? subject, long? issuedAt, CancellationToken cancellationToken)
    {
        var state = await store.CheckAsync(string.IsNullOrEmpty(tokenId) ? null : tokenId, string.IsNullOrEmpty(subject) ? null : subject, cancellationToken).ConfigureAwait(false);
        if (state.TokenRevoked)
        {
            return true;
        }

        // A subject revocation covers tokens issued up to it; a token without iat cannot show it came later.
        return state.SubjectRevokedUpTo is DateTimeOffset upTo && (issuedAt is not long iat || iat <= upTo.ToUnixTimeSeconds());
    }

    private static long? IssuedAt(DateTime issuedAt)
        => issuedAt == DateTime.MinValue ? null : new DateTimeOffset(DateTime.SpecifyKind(issuedAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
