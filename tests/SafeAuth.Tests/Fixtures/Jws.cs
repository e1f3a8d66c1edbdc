using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tests.Fixtures;

/// <summary>Builds compact JWS text byte by byte, bypassing every library's opinions.</summary>
public static class Jws
{
    public static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    public static string Create(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
        => Create(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), sign);

    public static string Create(JsonMembers header, JsonMembers payload, Func<byte[], byte[]> sign)
        => Create(header.ToString(), payload.ToString(), sign);

    public static string Create(byte[] header, byte[] payload, Func<byte[], byte[]> sign)
    {
        string signingInput = B64(header) + "." + B64(payload);
        return signingInput + "." + B64(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Signs arbitrary header and payload segment text (already encoded, possibly malformed).</summary>
    public static string CreateFromSegments(string headerSegment, string payloadSegment, Func<byte[], byte[]> sign)
    {
        string signingInput = headerSegment + "." + payloadSegment;
        return signingInput + "." + B64(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string Unsigned(string headerJson, string payloadJson) => B64(headerJson) + "." + B64(payloadJson) + ".";

    public static string[] Split(string token) => token.Split('.');

    public static Func<byte[], byte[]> Rsa(RSA rsa, HashAlgorithmName hash, RSASignaturePadding padding)
        => data => rsa.SignData(data, hash, padding);

    public static Func<byte[], byte[]> RS256(RSA rsa) => Rsa(rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public static Func<byte[], byte[]> HS256(byte[] key) => data => HMACSHA256.HashData(key, data);

    public static Func<byte[], byte[]> ES(ECDsa ec, HashAlgorithmName hash) => data => ec.SignData(data, hash);

    public static Func<byte[], byte[]> Fixed(byte[] signature) => _ => signature;
}
