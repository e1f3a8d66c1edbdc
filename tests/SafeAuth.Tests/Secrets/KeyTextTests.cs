using SafeAuth.Secrets;

namespace SafeAuth.Tests.Secrets;

/// <summary>The decoding layer of <see cref="SigningKeyLoader"/>: exactly one reading of the text, or a refusal naming the encoding.</summary>
public sealed class KeyTextTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 33).Select(i => (byte)(i * 7 + 3)).ToArray();

    private static SecretConfigurationException Refused(string text, SigningKeyEncoding encoding)
        => Assert.Throws<SecretConfigurationException>(() => KeyText.Decode("Jwt:SigningKey", text, encoding));

    [Theory]
    [InlineData("AAAAA")] // a length of 4n + 1 is no base64 at all
    [InlineData("AAAA=")] // padding on a complete quantum
    [InlineData("AA===")] // three padding characters
    [InlineData("AAA==")] // padding that does not complete the quantum
    [InlineData("AA=A")] // padding inside
    [InlineData("AB==")] // non-canonical: unused bits set
    public void MalformedBase64_IsRefused(string text)
    {
        Assert.Equal(SecretProblem.NotBase64, Refused(text, SigningKeyEncoding.Base64).Problem);
        Assert.Equal(SecretProblem.NotBase64, Refused(text, SigningKeyEncoding.Unambiguous).Problem);
    }

    [Fact]
    public void WellFormedPadding_AndLineBreaks_AreRead()
    {
        Assert.Equal(new byte[] { 0 }, KeyText.Decode("k", "AA==", SigningKeyEncoding.Base64));
        Assert.Equal(new byte[] { 0 }, KeyText.Decode("k", "AA", SigningKeyEncoding.Base64));
        Assert.Equal(new byte[] { 0, 0 }, KeyText.Decode("k", "AAA=", SigningKeyEncoding.Base64));
        string wrapped = Convert.ToBase64String(Key).Insert(8, "\r\n").Insert(20, "\n");
        Assert.Equal(Key, KeyText.Decode("k", wrapped, SigningKeyEncoding.Base64));
        Assert.Equal(Key, KeyText.Decode("k", wrapped, SigningKeyEncoding.Unambiguous));
    }

    [Fact]
    public void Base64Url_IsRead_WhereverItsCharactersStand()
    {
        byte[] leadingMinus = { 0xF8, 1, 2, 3, 4, 5 }; // encodes as "-AECAwQF"
        string url = Convert.ToBase64String(leadingMinus).Replace('+', '-').Replace('/', '_');
        Assert.StartsWith("-", url);
        Assert.Equal(leadingMinus, KeyText.Decode("k", url, SigningKeyEncoding.Unambiguous));
        Assert.Equal(leadingMinus, KeyText.Decode("k", url, SigningKeyEncoding.Base64Url));
        Assert.Equal(SecretProblem.NotBase64, Refused(url, SigningKeyEncoding.Base64).Problem);
        Assert.Equal(SecretProblem.NotBase64, Refused("+" + url.Substring(1), SigningKeyEncoding.Base64Url).Problem);
        Assert.Equal(SecretProblem.NotBase64, Refused("+-AECAwQ", SigningKeyEncoding.Unambiguous).Problem);
    }

    [Theory]
    [InlineData(SigningKeyEncoding.Hex, "valid hex text")]
    [InlineData(SigningKeyEncoding.Base64, "valid base64 text")]
    [InlineData(SigningKeyEncoding.Base64Url, "valid base64url text")]
    [InlineData(SigningKeyEncoding.Unambiguous, "valid base64 or base64url text")]
    public void Refusals_NameTheEncoding(SigningKeyEncoding encoding, string expected)
    {
        SecretConfigurationException e = Refused("#not-a-key#", encoding);
        Assert.Contains("'Jwt:SigningKey' is not " + expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hex_IsReadOnlyAsHex_WhenNamed()
    {
        string hex = Convert.ToHexString(Key);
        Assert.Equal(Key, KeyText.Decode("k", hex, SigningKeyEncoding.Hex));
        Assert.Equal(SecretProblem.NotBase64, Refused(hex + "A", SigningKeyEncoding.Hex).Problem);
        Assert.Equal(SecretProblem.NotBase64, Refused("zz" + hex, SigningKeyEncoding.Hex).Problem);
        Assert.Equal(SecretProblem.AmbiguousEncoding, Refused(hex, SigningKeyEncoding.Unambiguous).Problem);
        Assert.Equal(SecretProblem.NotBase64, Refused("AB=", SigningKeyEncoding.Unambiguous).Problem);
    }

    [Fact]
    public void AnUndefinedEncoding_IsAnArgumentError()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => KeyText.Decode("k", "AAAA", (SigningKeyEncoding)42));
        Assert.Contains("Unknown signing key encoding", e.Message, StringComparison.Ordinal);
    }
}
