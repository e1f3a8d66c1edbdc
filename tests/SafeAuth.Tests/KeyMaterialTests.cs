namespace SafeAuth.Tests;

/// <summary>The judgements on key bytes shared by the validator, the issuer and the loaders, at their boundaries.</summary>
public sealed class KeyMaterialTests
{
    [Fact]
    public void LooksLikeText_OnlyForValidUtf8WithoutControls()
    {
        Assert.True(KeyMaterial.LooksLikeText("pässwörd\t\r\n"u8));
        Assert.False(KeyMaterial.LooksLikeText(new byte[] { 0x61, 0xC3, 0x28, 0x62 })); // invalid UTF-8, not replaced
        Assert.False(KeyMaterial.LooksLikeText(new byte[] { 0x61, 0x00, 0x62 }));
        Assert.False(KeyMaterial.LooksLikeText(new byte[] { 0x61, 0x1B, 0x62 }));
    }

    [Fact]
    public void HasLowVariety_AtItsBoundaries()
    {
        Assert.True(KeyMaterial.HasLowVariety(ReadOnlySpan<byte>.Empty));
        Assert.True(KeyMaterial.HasLowVariety(new byte[] { 7 }));
        Assert.True(KeyMaterial.HasLowVariety(new byte[] { 7, 200 }));
        Assert.False(KeyMaterial.HasLowVariety(new byte[] { 0, 5, 200 }));

        // Distinct values: at least min(16, length / 2).
        Assert.False(KeyMaterial.HasLowVariety(Pattern(32, 16)));
        Assert.True(KeyMaterial.HasLowVariety(Pattern(32, 15)));
        Assert.False(KeyMaterial.HasLowVariety(Pattern(64, 20)));
        Assert.False(KeyMaterial.HasLowVariety(Pattern(8, 4)));
        Assert.True(KeyMaterial.HasLowVariety(Pattern(8, 3)));

        // An arithmetic run of any step and start.
        Assert.True(KeyMaterial.HasLowVariety(Enumerable.Range(0, 32).Select(i => (byte)(10 + (2 * i))).ToArray()));
        Assert.True(KeyMaterial.HasLowVariety(Enumerable.Range(0, 32).Select(i => (byte)(250 - (3 * i))).ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { }, 0)]
    [InlineData(new byte[] { 0, 0, 0, 0 }, 0)]
    [InlineData(new byte[] { 1 }, 1)]
    [InlineData(new byte[] { 0, 0, 0x80 }, 8)]
    [InlineData(new byte[] { 0, 1, 0 }, 9)]
    [InlineData(new byte[] { 0xFF, 0xFF }, 16)]
    public void BitLength_CountsSignificantBits(byte[] value, int bits)
        => Assert.Equal(bits, KeyMaterial.BitLength(value));

    [Theory]
    [InlineData(new byte[] { 3 }, true)]
    [InlineData(new byte[] { 1, 0, 1 }, true)] // 65537
    [InlineData(new byte[] { 0x80, 0x01 }, true)] // 32769: unsigned, not negative
    [InlineData(new byte[] { 0x03, 0x00 }, false)] // 768 big-endian, even (3 if read little-endian)
    [InlineData(new byte[] { 1 }, false)]
    [InlineData(new byte[] { 2 }, false)]
    [InlineData(new byte[] { }, false)]
    public void IsValidRsaExponent_OddAndAtLeastThree(byte[] exponent, bool valid)
        => Assert.Equal(valid, KeyMaterial.IsValidRsaExponent(exponent));

    /// <summary>A repeating, non-arithmetic pattern of <paramref name="length"/> bytes with exactly <paramref name="distinct"/> values.</summary>
    private static byte[] Pattern(int length, int distinct)
        => Enumerable.Range(0, length).Select(i => (byte)((i % distinct) * (i % distinct) * 7 % 251 + (i % distinct))).ToArray();
}
