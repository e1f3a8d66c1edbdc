using System;
using System.Collections.Generic;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>An issuer and the keys it signs with (RFC 8725 §3.8): a token naming this issuer is verified with these keys only.</summary>
public sealed class TrustedIssuer
{
    /// <summary>Creates a trusted issuer.</summary>
    /// <param name="issuer">The exact <c>iss</c> value, compared ordinally.</param>
    /// <param name="signingKeys">The issuer's signing keys; more can be added to <see cref="IssuerSigningKeys"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> is null or blank.</exception>
    public TrustedIssuer(string issuer, params SecurityKey[] signingKeys)
    {
        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new ArgumentException("A trusted issuer needs its exact 'iss' value.", nameof(issuer));
        }

        Issuer = issuer;
        foreach (var key in signingKeys ?? Array.Empty<SecurityKey>())
        {
            IssuerSigningKeys.Add(key);
        }
    }

    /// <summary>The exact <c>iss</c> value.</summary>
    public string Issuer { get; }

    /// <summary>The keys this issuer signs with.</summary>
    public IList<SecurityKey> IssuerSigningKeys { get; } = new List<SecurityKey>();
}
