using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Secrets;

namespace SafeAuth.Cli.Inspect;

/// <summary>A key (or keys) the token is verified with, and how to name it without showing it.</summary>
/// <param name="Keys">The keys.</param>
/// <param name="Description">e.g. "RSA public key from key.pem"; never the key itself.</param>
public sealed record VerificationKeys(IReadOnlyList<SecurityKey> Keys, string Description)
{
    /// <summary>Loads the keys named on the command line; null when none was named.</summary>
    /// <exception cref="KeyInputException">A file is missing or holds no usable key, or the variable is unset; the message says which.</exception>
    public static VerificationKeys? Load(string? keyFile, string? jwksFile, string? secretVariable, string? algorithm)
    {
        var named = new[] { keyFile, jwksFile, secretVariable }.Count(v => v is not null);
        if (named > 1)
        {
            throw new KeyInputException("give one of --key, --jwks and --secret-env.");
        }

        if (keyFile is not null)
        {
            return FromKeyFile(keyFile);
        }

        if (jwksFile is not null)
        {
            var keys = new JsonWebKeySet(Read(jwksFile)).Keys.Where(k => k.Use is null or "sig").Cast<SecurityKey>().ToArray();
            return keys.Length > 0
                ? new VerificationKeys(keys, $"{keys.Length} signing key(s) from the JWKS {Path.GetFileName(jwksFile)}")
                : throw new KeyInputException($"the JWKS {jwksFile} holds no signing key.");
        }

        if (secretVariable is not null)
        {
            var hmac = algorithm is "HS384" or "HS512" ? algorithm : "HS256";
            try
            {
                return new VerificationKeys(new SecurityKey[] { SigningKeyLoader.FromEnvironment(secretVariable, hmac) }, $"the {hmac} secret in ${secretVariable}");
            }
            catch (Exception e) when (e is SecretConfigurationException or ArgumentException)
            {
                throw new KeyInputException($"the secret in ${secretVariable} cannot be used: {e.Message}");
            }
        }

        return null;
    }

    private static VerificationKeys FromKeyFile(string path)
    {
        var text = Read(path).Trim();
        var name = Path.GetFileName(path);
        if (text.StartsWith('{'))
        {
            try
            {
                return new VerificationKeys(new SecurityKey[] { new JsonWebKey(text) }, $"the JWK in {name}");
            }
            catch (ArgumentException e)
            {
                throw new KeyInputException($"{path} is not a JWK: {e.Message}");
            }
        }

        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            throw new KeyInputException($"{path} holds neither a PEM key or certificate nor a JWK; for an HMAC secret use --secret-env.");
        }

        try
        {
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                return new VerificationKeys(new SecurityKey[] { new X509SecurityKey(X509Certificate2.CreateFromPem(text)) }, $"the certificate in {name}");
            }

            if (text.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || IsEc(text))
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(text);
                return new VerificationKeys(new SecurityKey[] { new ECDsaSecurityKey(ec) }, $"the EC key in {name}");
            }

            var rsa = RSA.Create();
            rsa.ImportFromPem(text);
            return new VerificationKeys(new SecurityKey[] { new RsaSecurityKey(rsa) }, $"the RSA key in {name}");
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new KeyInputException($"{path} holds no usable RSA or EC key or certificate: {e.Message}");
        }
    }

    private static bool IsEc(string pem)
    {
        using var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyInputException($"the key file {path} does not exist.");
        }

        return File.ReadAllText(path);
    }
}

/// <summary>A key named on the command line that cannot be used, with the reason (never the key).</summary>
public sealed class KeyInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyInputException(string message)
        : base(message)
    {
    }
}
