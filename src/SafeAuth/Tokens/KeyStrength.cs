using System;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Describes a signing key by what it really is, and refuses a weak one when the validator or issuer is built, never per
/// token: symmetric keys that are text or show too little variety, RSA keys whose modulus (leading zeros not counted)
/// is under 2048 bits or whose exponent is even or below 3, EC keys off the NIST curves P-256, P-384 and P-521 (matched by
/// name or OID, never by size).
/// </summary>
internal static class KeyStrength
{
    /// <summary>The named curves by OID and the one ES* algorithm each is used with (RFC 7518 §3.4).</summary>
    private static readonly (string Oid, string[] Names, string Algorithm, int Bits)[] Curves =
    {
        ("1.2.840.10045.3.1.7", new[] { "nistP256", "ECDSA_P256", "secp256r1", "prime256v1", "P-256" }, SecurityAlgorithms.EcdsaSha256, 256),
        ("1.3.132.0.34", new[] { "nistP384", "ECDSA_P384", "secp384r1", "P-384" }, SecurityAlgorithms.EcdsaSha384, 384),
        ("1.3.132.0.35", new[] { "nistP521", "ECDSA_P521", "secp521r1", "P-521" }, SecurityAlgorithms.EcdsaSha512, 521),
    };

    public static KeyDescription Describe(SecurityKey key, string name)
    {
        switch (key)
        {
            case SymmetricSecurityKey symmetric:
                return Symmetric(symmetric.Key ?? Array.Empty<byte>(), DeclaredAlgorithm(key), name);
            case RsaSecurityKey rsa:
                return rsa.Rsa is { } handle ? Rsa(Export(handle, name), null, name) : Rsa(rsa.Parameters, null, name);
            case ECDsaSecurityKey ec:
                return ec.ECDsa is { } ecdsa ? Ec(CurveOf(ecdsa, name), null, name) : throw Refuse(name, "is an ECDsaSecurityKey without a key");
            case X509SecurityKey x509:
                return x509.PublicKey switch
                {
                    RSA rsa => Rsa(Export(rsa, name), null, name),
                    ECDsa => throw Refuse(name, "is a certificate with an EC key, which IdentityModel cannot verify signatures with (every token would fail); use new ECDsaSecurityKey(certificate.GetECDsaPublicKey())"),
                    _ => throw Refuse(name, "is a certificate whose public key is neither RSA nor EC"),
                };
            case JsonWebKey jwk:
                return DescribeJsonWebKey(jwk, name);
            default:
                throw Refuse(name, Format("is a {0}; use a SymmetricSecurityKey, RsaSecurityKey, ECDsaSecurityKey, X509SecurityKey or JsonWebKey", key.GetType().Name));
        }
    }

    private static string? DeclaredAlgorithm(SecurityKey key) => key is Secrets.HmacSigningKey hmac ? hmac.Algorithm : null;

    private static KeyDescription DescribeJsonWebKey(JsonWebKey jwk, string name)
    {
        if (string.Equals(jwk.Use, JsonWebKeyUseNames.Enc, StringComparison.Ordinal))
        {
            throw Refuse(name, "is a JSON Web Key with \"use\":\"enc\"; it is not a signing key");
        }

        var declared = string.IsNullOrEmpty(jwk.Alg) ? null : jwk.Alg;
        if (declared is not null && Array.IndexOf(KeyAlgorithmPolicy.SupportedAlgorithms, declared) < 0)
        {
            throw Refuse(name, "is a JSON Web Key whose \"alg\" is not a supported JWS algorithm");
        }

        switch (jwk.Kty)
        {
            case JsonWebAlgorithmsKeyTypes.RSA:
                if (string.IsNullOrEmpty(jwk.N) || string.IsNullOrEmpty(jwk.E))
                {
                    throw Refuse(name, "is an RSA JSON Web Key without \"n\" and \"e\"");
                }

                return Rsa(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) }, declared, name);
            case JsonWebAlgorithmsKeyTypes.EllipticCurve:
                var curve = Array.FindIndex(Curves, c => Array.IndexOf(c.Names, jwk.Crv) >= 0);
                return Ec(curve, declared, name);
            case JsonWebAlgorithmsKeyTypes.Octet:
                return Symmetric(string.IsNullOrEmpty(jwk.K) ? Array.Empty<byte>() : Base64UrlEncoder.DecodeBytes(jwk.K), declared, name);
            default:
                throw Refuse(name, "is a JSON Web Key of an unsupported \"kty\"");
        }
    }

    private static KeyDescription Symmetric(byte[] key, string? declared, string name)
    {
        if (key.Length == 0)
        {
            throw Refuse(name, "is an empty symmetric key");
        }

        // Shorter keys are refused for their length once the algorithm is known (every HMAC algorithm needs 32 bytes or more).
        if (key.Length >= 32 && KeyMaterial.LooksLikeText(key))
        {
            throw Refuse(name, "is a symmetric key made of text (a password or passphrase), not random bytes; generate one with RandomNumberGenerator.GetBytes");
        }

        if (key.Length >= 32 && KeyMaterial.HasLowVariety(key))
        {
            throw Refuse(name, "is a symmetric key with too little variety to be random (repeated or sequential bytes); generate one with RandomNumberGenerator.GetBytes");
        }

        return new KeyDescription(KeyKind.Symmetric, key.Length * 8, null, declared, "symmetric");
    }

    private static RSAParameters Export(RSA rsa, string name)
    {
        try
        {
            return rsa.ExportParameters(includePrivateParameters: false);
        }
        catch (CryptographicException)
        {
            throw Refuse(name, "is an RSA key whose public modulus cannot be read, so its strength cannot be checked");
        }
    }

    private static KeyDescription Rsa(RSAParameters parameters, string? declared, string name)
    {
        var bits = KeyMaterial.BitLength(parameters.Modulus ?? Array.Empty<byte>());
        if (bits < KeyAlgorithmPolicy.MinimumRsaKeySizeInBits)
        {
            throw Refuse(name, Format("is an RSA key with a {0}-bit modulus (leading zero bytes do not count); at least {1} bits are required (RFC 7518 §3.3)", bits, KeyAlgorithmPolicy.MinimumRsaKeySizeInBits));
        }

        if (!KeyMaterial.IsValidRsaExponent(parameters.Exponent ?? Array.Empty<byte>()))
        {
            throw Refuse(name, "is an RSA key whose public exponent is even or below 3, which makes signatures forgeable");
        }

        return new KeyDescription(KeyKind.Rsa, bits, null, declared, "RSA");
    }

    /// <summary>The index in <see cref="Curves"/> of the key's named curve, or -1.</summary>
    private static int CurveOf(ECDsa ecdsa, string name)
    {
        ECCurve curve;
        try
        {
            curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
        }
        catch (CryptographicException)
        {
            throw Refuse(name, "is an EC key whose curve cannot be read, so it cannot be matched to an algorithm");
        }

        if (!curve.IsNamed)
        {
            return -1;
        }

        var oid = curve.Oid;
        return Array.FindIndex(Curves, c => string.Equals(c.Oid, oid.Value, StringComparison.Ordinal)
            || (oid.FriendlyName is { } friendly && Array.IndexOf(c.Names, friendly) >= 0));
    }

    private static KeyDescription Ec(int curve, string? declared, string name)
    {
        if (curve < 0)
        {
            throw Refuse(name, "is an EC key on a curve other than P-256, P-384 or P-521 (the curve is matched by name, not size: secp256k1 and brainpool curves are refused)");
        }

        var (_, _, algorithm, bits) = Curves[curve];
        return new KeyDescription(KeyKind.Ec, bits, algorithm, declared, "EC P-" + bits.ToString(CultureInfo.InvariantCulture));
    }

    private static ArgumentException Refuse(string name, string what)
        => new(name + " " + what + ".", nameof(StrictJwtValidationOptions.IssuerSigningKeys));

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>The kind of a signing key.</summary>
internal enum KeyKind
{
    Rsa,
    Ec,
    Symmetric,
}

/// <summary>What a signing key really is.</summary>
internal sealed record KeyDescription(KeyKind Kind, int SizeInBits, string? EcAlgorithm, string? DeclaredAlgorithm, string Label);
