using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        => _algorithmsByKey.TryGetValue(key, out var set) && set.Contains(algorithm);

    /// <summary>The algorithms <paramref name="key"/> may be used with, empty when the key is not configured.</summary>
    public IEnumerable<string> AlgorithmsFor(SecurityKey key)
        => _algorithmsByKey.TryGetValue(key, out var set) ? set : Enumerable.Empty<string>();

    /// <summary>Checks every key and binds it to its algorithms; <paramref name="label"/> names key <c>i</c> in messages.</summary>
    public static KeyAlgorithmPolicy Create(IList<SecurityKey> keys, IList<string> algorithms, Func<int, string> label)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one signing key is required; a validator with no key would accept nothing or, worse, be bypassed.", nameof(StrictJwtValidationOptions.IssuerSigningKeys));
        }

        var explicitAlgorithms = ExplicitAlgorithms(algorithms);

        var byKey = new Dictionary<SecurityKey, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keyList = new List<SecurityKey>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key is null)
            {
                throw new ArgumentException(label(i) + " is null.", nameof(StrictJwtValidationOptions.IssuerSigningKeys));
            }

            if (byKey.ContainsKey(key))
            {
                throw new ArgumentException(label(i) + " is listed twice.", nameof(StrictJwtValidationOptions.IssuerSigningKeys));
            }

            var description = KeyStrength.Describe(key, label(i));
            var allowed = AllowedFor(description, explicitAlgorithms, label(i));
            byKey.Add(key, allowed);
            used.UnionWith(allowed);
            keyList.Add(key);
        }

        foreach (var algorithm in explicitAlgorithms)
        {
            if (!used.Contains(algorithm))
            {
                throw new ArgumentException(
                    Format("ValidAlgorithms contains '{0}', which matches the type of no signing key (RS*/PS* need an RSA key, ES256/ES384/ES512 an EC key on P-256/P-384/P-521, HS* a symmetric key).", algorithm),
                    nameof(StrictJwtValidationOptions.ValidAlgorithms));
            }
        }

        // Keep the supported-algorithm order so the allowlist is deterministic.
        var effective = SupportedAlgorithms.Where(used.Contains).ToArray();
        return new KeyAlgorithmPolicy(keyList, effective, byKey);
    }

    /// <summary>The configured allowlist, each entry checked: no blank, no <c>none</c>, only supported names in exact case.</summary>
    private static List<string> ExplicitAlgorithms(IList<string> algorithms)
    {
        var explicitAlgorithms = new List<string>();
        foreach (var algorithm in algorithms)
        {
            if (string.IsNullOrWhiteSpace(algorithm))
            {
                throw new ArgumentException("ValidAlgorithms must not contain a null or blank entry.", nameof(StrictJwtValidationOptions.ValidAlgorithms));
            }

            if (algorithm.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("ValidAlgorithms must not contain 'none': unsigned tokens are never accepted (RFC 8725 §3.2).", nameof(StrictJwtValidationOptions.ValidAlgorithms));
            }

            if (!SupportedAlgorithms.Contains(algorithm, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "ValidAlgorithms contains '{0}', which is not a supported JWS algorithm; use one of {1} (exact case).", algorithm, string.Join(", ", SupportedAlgorithms)),
                    nameof(StrictJwtValidationOptions.ValidAlgorithms));
            }

            if (!explicitAlgorithms.Contains(algorithm, StringComparer.Ordinal))
            {
                explicitAlgorithms.Add(algorithm);
            }
        }

        return explicitAlgorithms;
    }

    private static HashSet<string> AllowedFor(KeyDescription key, List<string> explicitAlgorithms, string name)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (explicitAlgorithms.Count == 0 && key.DeclaredAlgorithm is not null)
        {
            // A JSON Web Key that names its algorithm is used with that algorithm only.
            if (Fits(key, key.DeclaredAlgorithm))
            {
                allowed.Add(key.DeclaredAlgorithm);
            }
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
            foreach (var algorithm in explicitAlgorithms)
            {
                if (Fits(key, algorithm))
                {
                    allowed.Add(algorithm);
                }
            }
        }

        if (key.DeclaredAlgorithm is not null)
        {
            allowed.IntersectWith(new[] { key.DeclaredAlgorithm });
        }

        if (allowed.Count == 0)
        {
            var reason = explicitAlgorithms.Count == 0
                ? Format("its declared \"alg\" {0} does not fit its key type", key.DeclaredAlgorithm ?? string.Empty)
                : Format("it can be used with none of the algorithms in ValidAlgorithms ({0})", string.Join(", ", explicitAlgorithms));
            throw new ArgumentException(
                Format("{0} ({1}) has no usable algorithm: {2}.", name, key.Label, reason),
                nameof(StrictJwtValidationOptions.ValidAlgorithms));
        }

        CheckHmacKeyLength(key, allowed, name);
        return allowed;
    }

    /// <summary>A symmetric key must be at least the hash size of every HMAC algorithm it is allowed (RFC 7518 §3.2).</summary>
    private static void CheckHmacKeyLength(KeyDescription key, HashSet<string> allowed, string name)
    {
        if (key.Kind != KeyKind.Symmetric)
        {
            return;
        }

        foreach (var algorithm in allowed)
        {
            var requiredBytes = HashSizeInBytes(algorithm);
            if (key.SizeInBits / 8 < requiredBytes)
            {
                throw new ArgumentException(
                    Format("{0} is a {1}-byte symmetric key; {2} needs at least {3} bytes (the hash size, RFC 7518 §3.2). Use a random key of that length, never a password.", name, key.SizeInBits / 8, algorithm, requiredBytes),
                    nameof(StrictJwtValidationOptions.IssuerSigningKeys));
            }
        }
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

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
