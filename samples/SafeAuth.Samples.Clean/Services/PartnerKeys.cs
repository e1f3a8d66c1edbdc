using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Samples.Clean.Services;

/// <summary>The partners that call the webhook with tokens they sign with their own RSA keys, by name.</summary>
public sealed class PartnerOptions
{
    public Dictionary<string, Partner> Partners { get; set; } = new(StringComparer.Ordinal);

    public sealed class Partner
    {
        /// <summary>The partner's issuer (<c>iss</c>).</summary>
        public string Issuer { get; set; } = string.Empty;

        /// <summary>The audience the partner puts in tokens meant for this API.</summary>
        public string Audience { get; set; } = string.Empty;

        /// <summary>A PEM file holding the partner's RSA public key.</summary>
        public string PublicKeyFile { get; set; } = string.Empty;
    }
}

/// <summary>Validation parameters per partner issuer, built once from configuration.</summary>
public sealed class PartnerKeys
{
    private readonly Dictionary<string, TokenValidationParameters> _byIssuer = new(StringComparer.Ordinal);

    public PartnerKeys(IOptions<PartnerOptions> options)
    {
        foreach (var partner in options.Value.Partners.Values)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(partner.PublicKeyFile));
            _byIssuer[partner.Issuer] = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = partner.Issuer,
                ValidateAudience = true,
                ValidAudience = partner.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                IssuerSigningKey = new RsaSecurityKey(rsa),
                ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256 },
            };
        }
    }

    public TokenValidationParameters? For(string? issuer) =>
        issuer is not null && _byIssuer.TryGetValue(issuer, out var parameters) ? parameters : null;
}
