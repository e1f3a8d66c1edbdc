using System;
using System.Numerics;
using System.Text;

namespace SafeAuth;

/// <summary>Judgements on key bytes shared by the validator, the issuer and the loaders.</summary>
internal static class KeyMaterial
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The bytes are text (a password or passphrase, perhaps with a trailing newline from <c>echo | base64</c>): valid
    /// UTF-8 with no control character but tab and line breaks. 32 random bytes pass for text about once in 10^11.
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fewer distinct values than a random value of this length would show, or an arithmetic run (0,1,2,…).</summary>
    public static bool HasLowVariety(ReadOnlySpan<byte> bytes)
    {
        // Up to two bytes are always a run; the rules below start at three.
        if (bytes.Length < 3)
        {
            return true;
        }

        Span<bool> seen = stackalloc bool[256];
        var distinct = 0;
        foreach (var b in bytes)
        {
            if (!seen[b])
            {
                seen[b] = true;
                distinct++;
            }
        }

        if (distinct < Math.Min(16, bytes.Length / 2))
        {
            return true;
        }

        var step = (byte)(bytes[1] - bytes[0]);
        for (var i = 2; i < bytes.Length; i++)
        {
            if ((byte)(bytes[i] - bytes[i - 1]) != step)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of significant bits of an unsigned big-endian integer (leading zero bytes do not count).</summary>
    public static int BitLength(ReadOnlySpan<byte> bigEndian)
    {
        var start = 0;
        while (start < bigEndian.Length && bigEndian[start] == 0)
        {
            start++;
        }

        if (start == bigEndian.Length)
        {
            return 0;
        }

        return ((bigEndian.Length - start - 1) * 8) + BitOperations.Log2(bigEndian[start]) + 1;
    }

    /// <summary>An RSA public exponent that is odd and at least 3 (RFC 8017 §3.1); <c>e = 1</c> makes every signature forgeable.</summary>
    public static bool IsValidRsaExponent(ReadOnlySpan<byte> bigEndian)
    {
        var exponent = new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);
        return exponent >= 3 && !exponent.IsEven;
    }
}
