using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Binds every configured key to the algorithms it may be used with (RFC 8725 §3.1): RSA keys to RS*/PS*, an EC key to
/// the one ES* algorithm of its curve, a symmetric key to HS* of at most its own length. Refuses weak keys.
/// </summary>
internal sealed class KeyAlgorithmPolicy
{
    internal static readonly string[] SupportedAlgorithms =
    {
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
    };

    internal const int MinimumRsaKeySizeInBits = 2048;

    private readonly Dictionary<SecurityKey, HashSet<string>> _algorithmsByKey;

    private KeyAlgorithmPolicy(IReadOnlyList<SecurityKey> keys, IReadOnlyList<string> algorithms, Dictionary<SecurityKey, HashSet<string>> algorithmsByKey)
    {
        Keys = keys;
        Algorithms = algorithms;
        _algorithmsByKey = algorithmsByKey;
    }

    /// <summary>The configured keys, in order.</summary>
    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>The effective algorithm allowlist.</summary>
    public IReadOnlyList<string> Algorithms { get; }

    /// <summary>Whether <paramref name="algorithm"/> may be verified with <paramref name="key"/> (reference identity of the key).</summary>
    public bool IsAllowed(SecurityKey key, string algorithm)
        => _algorithmsByKey.TryGetValue(key, out HashSet<string>? set) && set.Contains(algorithm);

    /// <summary>The algorithms <paramref name="key"/> may be used with, empty when the key is not configured.</summary>
    public IEnumerable<string> AlgorithmsFor(SecurityKey key)
        => _algorithmsByKey.TryGetValue(key, out HashSet<string>? set) ? set : Enumerable.Empty<string>();

    public static KeyAlgorithmPolicy Create(IList<SecurityKey>? keys, IList<string>? algorithms)
    {
        if (keys is null)
            throw new ArgumentException("SigningKeys must not be null.", nameof(StrictJwtValidationOptions.SigningKeys));
        if (algorithms is null)
            throw new ArgumentException("ValidAlgorithms must not be null; leave it empty to derive one algorithm per key.", nameof(StrictJwtValidationOptions.ValidAlgorithms));
        if (keys.Count == 0)
            throw new ArgumentException("At least one signing key is required in SigningKeys; a validator with no key would accept nothing or, worse, be bypassed.", nameof(StrictJwtValidationOptions.SigningKeys));

        var explicitAlgorithms = new List<string>();
        foreach (string? algorithm in algorithms)
        {
            if (string.IsNullOrWhiteSpace(algorithm))
                throw new ArgumentException("ValidAlgorithms must not contain a null or blank entry.", nameof(StrictJwtValidationOptions.ValidAlgorithms));
            if (algorithm.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("ValidAlgorithms must not contain 'none': unsigned tokens are never accepted (RFC 8725 §3.2).", nameof(StrictJwtValidationOptions.ValidAlgorithms));
            if (!SupportedAlgorithms.Contains(algorithm, StringComparer.Ordinal))
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "ValidAlgorithms contains '{0}', which is not a supported JWS algorithm; use one of {1} (exact case).", algorithm, string.Join(", ", SupportedAlgorithms)),
                    nameof(StrictJwtValidationOptions.ValidAlgorithms));
            if (!explicitAlgorithms.Contains(algorithm, StringComparer.Ordinal))
                explicitAlgorithms.Add(algorithm);
        }

        var byKey = new Dictionary<SecurityKey, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keyList = new List<SecurityKey>(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            SecurityKey? key = keys[i];
            if (key is null)
                throw new ArgumentException(Format("SigningKeys[{0}] is null.", i), nameof(StrictJwtValidationOptions.SigningKeys));
            if (byKey.ContainsKey(key))
                throw new ArgumentException(Format("SigningKeys[{0}] is listed twice.", i), nameof(StrictJwtValidationOptions.SigningKeys));

            KeyDescription description = Describe(key, i);
            HashSet<string> allowed = AllowedFor(description, explicitAlgorithms, i);
            byKey.Add(key, allowed);
            used.UnionWith(allowed);
            keyList.Add(key);
        }

        foreach (string algorithm in explicitAlgorithms)
        {
            if (!used.Contains(algorithm))
                throw new ArgumentException(
                    Format("ValidAlgorithms contains '{0}', which matches the type of no key in SigningKeys (RS*/PS* need an RSA key, ES256/ES384/ES512 an EC key on P-256/P-384/P-521, HS* a symmetric key).", algorithm),
                    nameof(StrictJwtValidationOptions.ValidAlgorithms));
        }

        // Keep the supported-algorithm order so the allowlist is deterministic.
        string[] effective = SupportedAlgorithms.Where(used.Contains).ToArray();
        return new KeyAlgorithmPolicy(keyList, effective, byKey);
    }

    private static HashSet<string> AllowedFor(KeyDescription key, List<string> explicitAlgorithms, int index)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (explicitAlgorithms.Count == 0 && key.DeclaredAlgorithm is not null)
        {
            // A JSON Web Key that names its algorithm is used with that algorithm only.
            if (Fits(key, key.DeclaredAlgorithm))
                allowed.Add(key.DeclaredAlgorithm);
        }
        else if (explicitAlgorithms.Count == 0)
        {
            allowed.Add(key.Kind switch
            {
                KeyKind.Rsa => SecurityAlgorithms.RsaSha256,
                KeyKind.Ec => key.EcAlgorithm!,
                _ => SecurityAlgorithms.HmacSha256,
            });
        }
        else
        {
            foreach (string algorithm in explicitAlgorithms)
            {
                if (Fits(key, algorithm))
                    allowed.Add(algorithm);
            }
        }

        if (key.DeclaredAlgorithm is not null)
            allowed.IntersectWith(new[] { key.DeclaredAlgorithm });

        if (allowed.Count == 0)
        {
            string reason = explicitAlgorithms.Count == 0
                ? Format("its declared \"alg\" {0} does not fit its key type", key.DeclaredAlgorithm ?? string.Empty)
                : Format("it can be used with none of the algorithms in ValidAlgorithms ({0})", string.Join(", ", explicitAlgorithms));
            throw new ArgumentException(
                Format("SigningKeys[{0}] ({1}) has no usable algorithm: {2}.", index, key.Label, reason),
                nameof(StrictJwtValidationOptions.ValidAlgorithms));
        }

        if (key.Kind == KeyKind.Symmetric)
        {
            foreach (string algorithm in allowed)
            {
                int requiredBytes = HashSizeInBytes(algorithm);
                if (key.SizeInBits / 8 < requiredBytes)
                {
                    throw new ArgumentException(
                        Format("SigningKeys[{0}] is a {1}-byte symmetric key; {2} needs at least {3} bytes (the hash size, RFC 7518 §3.2). Use a random key of that length, never a password.", index, key.SizeInBits / 8, algorithm, requiredBytes),
                        nameof(StrictJwtValidationOptions.SigningKeys));
                }
            }
        }

        return allowed;
    }

    private static bool Fits(KeyDescription key, string algorithm) => key.Kind switch
    {
        KeyKind.Rsa => algorithm.StartsWith("RS", StringComparison.Ordinal) || algorithm.StartsWith("PS", StringComparison.Ordinal),
        KeyKind.Ec => string.Equals(algorithm, key.EcAlgorithm, StringComparison.Ordinal),
        _ => algorithm.StartsWith("HS", StringComparison.Ordinal),
    };

    private static int HashSizeInBytes(string hmacAlgorithm) => hmacAlgorithm switch
    {
        SecurityAlgorithms.HmacSha384 => 48,
        SecurityAlgorithms.HmacSha512 => 64,
        _ => 32,
    };

    private static KeyDescription Describe(SecurityKey key, int index)
    {
        switch (key)
        {
            case SymmetricSecurityKey symmetric:
                return Symmetric(symmetric.Key?.Length ?? 0, null, index);
            case RsaSecurityKey rsa:
                return Rsa(rsa.KeySize, null, index);
            case ECDsaSecurityKey ec:
                return Ec(ec.ECDsa?.KeySize ?? 0, null, index);
            case X509SecurityKey x509:
                return x509.PublicKey switch
                {
                    RSA rsa => Rsa(rsa.KeySize, null, index),
                    ECDsa ec => Ec(ec.KeySize, null, index),
                    _ => throw new ArgumentException(Format("SigningKeys[{0}] is a certificate whose public key is neither RSA nor EC.", index), nameof(StrictJwtValidationOptions.SigningKeys)),
                };
            case JsonWebKey jwk:
                return DescribeJsonWebKey(jwk, index);
            default:
                throw new ArgumentException(
                    Format("SigningKeys[{0}] is a {1}; use a SymmetricSecurityKey, RsaSecurityKey, ECDsaSecurityKey, X509SecurityKey or JsonWebKey.", index, key.GetType().Name),
                    nameof(StrictJwtValidationOptions.SigningKeys));
        }
    }

    private static KeyDescription DescribeJsonWebKey(JsonWebKey jwk, int index)
    {
        if (string.Equals(jwk.Use, JsonWebKeyUseNames.Enc, StringComparison.Ordinal))
            throw new ArgumentException(Format("SigningKeys[{0}] is a JSON Web Key with \"use\":\"enc\"; it is not a signing key.", index), nameof(StrictJwtValidationOptions.SigningKeys));

        string? declared = string.IsNullOrEmpty(jwk.Alg) ? null : jwk.Alg;
        if (declared is not null && !SupportedAlgorithms.Contains(declared, StringComparer.Ordinal))
            throw new ArgumentException(Format("SigningKeys[{0}] is a JSON Web Key whose \"alg\" is not a supported JWS algorithm.", index), nameof(StrictJwtValidationOptions.SigningKeys));

        switch (jwk.Kty)
        {
            case JsonWebAlgorithmsKeyTypes.RSA:
                if (string.IsNullOrEmpty(jwk.N) || string.IsNullOrEmpty(jwk.E))
                    throw new ArgumentException(Format("SigningKeys[{0}] is an RSA JSON Web Key without \"n\" and \"e\".", index), nameof(StrictJwtValidationOptions.SigningKeys));
                return Rsa(Base64UrlEncoder.DecodeBytes(jwk.N).Length * 8, declared, index);
            case JsonWebAlgorithmsKeyTypes.EllipticCurve:
                int size = jwk.Crv switch
                {
                    JsonWebKeyECTypes.P256 => 256,
                    JsonWebKeyECTypes.P384 => 384,
                    JsonWebKeyECTypes.P521 => 521,
                    _ => 0,
                };
                return Ec(size, declared, index);
            case JsonWebAlgorithmsKeyTypes.Octet:
                return Symmetric(string.IsNullOrEmpty(jwk.K) ? 0 : Base64UrlEncoder.DecodeBytes(jwk.K).Length, declared, index);
            default:
                throw new ArgumentException(Format("SigningKeys[{0}] is a JSON Web Key of an unsupported \"kty\".", index), nameof(StrictJwtValidationOptions.SigningKeys));
        }
    }

    private static KeyDescription Symmetric(int lengthInBytes, string? declared, int index)
    {
        if (lengthInBytes == 0)
            throw new ArgumentException(Format("SigningKeys[{0}] is an empty symmetric key.", index), nameof(StrictJwtValidationOptions.SigningKeys));
        return new KeyDescription(KeyKind.Symmetric, lengthInBytes * 8, null, declared, "symmetric");
    }

    private static KeyDescription Rsa(int sizeInBits, string? declared, int index)
    {
        if (sizeInBits < MinimumRsaKeySizeInBits)
        {
            throw new ArgumentException(
                Format("SigningKeys[{0}] is a {1}-bit RSA key; at least {2} bits are required (RFC 7518 §3.3).", index, sizeInBits, MinimumRsaKeySizeInBits),
                nameof(StrictJwtValidationOptions.SigningKeys));
        }

        return new KeyDescription(KeyKind.Rsa, sizeInBits, null, declared, "RSA");
    }

    private static KeyDescription Ec(int sizeInBits, string? declared, int index)
    {
        string algorithm = sizeInBits switch
        {
            256 => SecurityAlgorithms.EcdsaSha256,
            384 => SecurityAlgorithms.EcdsaSha384,
            521 => SecurityAlgorithms.EcdsaSha512,
            _ => throw new ArgumentException(Format("SigningKeys[{0}] is an EC key on an unsupported curve; use P-256, P-384 or P-521.", index), nameof(StrictJwtValidationOptions.SigningKeys)),
        };
        return new KeyDescription(KeyKind.Ec, sizeInBits, algorithm, declared, "EC P-" + sizeInBits.ToString(CultureInfo.InvariantCulture));
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    private enum KeyKind
    {
        Rsa,
        Ec,
        Symmetric,
    }

    private sealed record KeyDescription(KeyKind Kind, int SizeInBits, string? EcAlgorithm, string? DeclaredAlgorithm, string Label);
}
