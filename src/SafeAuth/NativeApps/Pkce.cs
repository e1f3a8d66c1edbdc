using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.NativeApps;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636) with the <c>S256</c> method only: a high-entropy verifier from a
/// cryptographic random number generator, and its SHA-256 challenge.
/// </summary>
public static class Pkce
{
    /// <summary>The only challenge method SafeAuth produces: <c>S256</c>. <c>plain</c> is never used.</summary>
    public const string ChallengeMethod = "S256";

    /// <summary>The shortest verifier RFC 7636 §4.1 allows: 43 characters.</summary>
    public const int MinVerifierLength = 43;

    /// <summary>The longest verifier RFC 7636 §4.1 allows: 128 characters.</summary>
    public const int MaxVerifierLength = 128;

    /// <summary>The fewest random octets <see cref="CreateVerifier(int)"/> accepts: 32 (43 characters).</summary>
    public const int MinVerifierBytes = 32;

    /// <summary>The most random octets <see cref="CreateVerifier(int)"/> accepts: 96 (128 characters).</summary>
    public const int MaxVerifierBytes = 96;

    /// <summary>Creates a verifier: <paramref name="bytes"/> random octets, base64url-encoded without padding.</summary>
    /// <param name="bytes">How many random octets to draw, from 32 (the RFC's recommendation) to 96.</param>
    /// <returns>A verifier of 43 to 128 characters from the unreserved set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is below 32 or above 96.</exception>
    public static string CreateVerifier(int bytes = MinVerifierBytes)
    {
        if (bytes < MinVerifierBytes || bytes > MaxVerifierBytes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bytes),
                bytes,
                $"A PKCE verifier needs {MinVerifierBytes} to {MaxVerifierBytes} random octets (43 to 128 characters, RFC 7636 §4.1).");
        }

        return EncodeVerifier(RandomNumberGenerator.GetBytes(bytes));
    }

    /// <summary>The <c>S256</c> challenge of <paramref name="verifier"/>: <c>BASE64URL(SHA256(ASCII(verifier)))</c>.</summary>
    /// <param name="verifier">A verifier that passes <see cref="ValidateVerifier(string)"/>.</param>
    /// <returns>The 43-character challenge to send as <c>code_challenge</c> with <c>code_challenge_method=S256</c>.</returns>
    /// <exception cref="ArgumentException">The verifier is null, of the wrong length or holds a character outside the unreserved set.</exception>
    public static string CreateChallenge(string verifier)
    {
        ValidateVerifier(verifier);
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>Creates a verifier and its challenge together.</summary>
    /// <param name="bytes">How many random octets the verifier holds, from 32 to 96.</param>
    /// <returns>The verifier (kept by the app for the token request) and the challenge (sent in the authorize URL).</returns>
    public static PkcePair Create(int bytes = MinVerifierBytes)
    {
        var verifier = CreateVerifier(bytes);
        return new PkcePair(verifier, CreateChallenge(verifier));
    }

    /// <summary>Whether <paramref name="verifier"/> is 43 to 128 characters from <c>[A-Z] [a-z] [0-9] - . _ ~</c>.</summary>
    /// <param name="verifier">The value to check.</param>
    /// <returns><see langword="true"/> when RFC 7636 §4.1 allows the value as a <c>code_verifier</c>.</returns>
    public static bool IsValidVerifier(string? verifier) => Describe(verifier) is null;

    /// <summary>Throws unless <paramref name="verifier"/> is a valid RFC 7636 <c>code_verifier</c>.</summary>
    /// <param name="verifier">The value to check.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is null.</exception>
    /// <exception cref="ArgumentException">The length is outside 43–128, or a character is outside the unreserved set.</exception>
    public static void ValidateVerifier(string verifier)
    {
        if (verifier is null)
        {
            throw new ArgumentNullException(nameof(verifier), "A PKCE verifier is required.");
        }

        if (Describe(verifier) is { } problem)
        {
            throw new ArgumentException(problem, nameof(verifier));
        }
    }

    /// <summary>Encodes octets as a verifier; for the RFC 7636 Appendix B vector in tests.</summary>
    internal static string EncodeVerifier(byte[] octets) => Base64UrlEncoder.Encode(octets);

    private static string? Describe(string? verifier)
    {
        if (verifier is null)
        {
            return "A PKCE verifier is required.";
        }

        if (verifier.Length < MinVerifierLength || verifier.Length > MaxVerifierLength)
        {
            return $"A PKCE verifier must be {MinVerifierLength} to {MaxVerifierLength} characters long (RFC 7636 §4.1); this one has {verifier.Length}.";
        }

        for (var i = 0; i < verifier.Length; i++)
        {
            var c = verifier[i];
            var unreserved = c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~';
            if (!unreserved)
            {
                return $"A PKCE verifier may only hold A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636 §4.1); position {i} holds another character.";
            }
        }

        return null;
    }
}

/// <summary>A PKCE verifier and its <c>S256</c> challenge.</summary>
/// <param name="Verifier">The secret the app keeps and sends as <c>code_verifier</c> in the token request.</param>
/// <param name="Challenge">The value sent as <c>code_challenge</c> in the authorize request.</param>
public sealed record PkcePair(string Verifier, string Challenge)
{
    /// <summary>Always <c>S256</c>.</summary>
    public string Method => Pkce.ChallengeMethod;

    /// <summary>Keeps the verifier out of logs.</summary>
    /// <returns>The challenge and method only.</returns>
    public override string ToString() => $"PkcePair {{ Challenge = {Challenge}, Method = {Method} }}";
}
