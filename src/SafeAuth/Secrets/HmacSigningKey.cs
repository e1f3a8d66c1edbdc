using System;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Secrets;

/// <summary>
/// A symmetric key that <see cref="SigningKeyLoader"/> checked for one HMAC algorithm: long enough for its hash, random
/// rather than text, not a known sample. <see cref="Tokens.StrictJwtValidator"/> and <see cref="Tokens.StrictJwtIssuer"/>
/// use it with <see cref="Algorithm"/> only; anywhere else it is an ordinary <see cref="SymmetricSecurityKey"/>.
/// </summary>
public sealed class HmacSigningKey : SymmetricSecurityKey
{
    internal HmacSigningKey(byte[] key, string algorithm)
        : base(key)
    {
        Algorithm = algorithm ?? throw new ArgumentNullException(nameof(algorithm));
    }

    /// <summary>The JWS algorithm the key was checked for: <c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</summary>
    public string Algorithm { get; }
}
