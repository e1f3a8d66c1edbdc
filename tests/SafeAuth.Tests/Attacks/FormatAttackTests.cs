using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>T28–T32 of the attack-token suite: size, encoding, serialization and JSON shape.</summary>
public sealed class FormatAttackTests : IClassFixture<JwtFixture>
{
    private const int Limit = StrictJwtValidationOptions.DefaultMaximumTokenSizeInBytes;
    private readonly JwtFixture _f;

    public FormatAttackTests(JwtFixture fixture) => _f = fixture;

    [Fact]
    public async Task Rejects_T28_Oversized_16KiBPlusOne()
    {
        string token = SignedTokenOfLength(Limit + 1);
        Assert.Equal(Limit + 1, token.Length);
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.TooLarge);
    }

    [Fact]
    public async Task Accepts_T28_Control_Exactly16KiB()
    {
        string token = SignedTokenOfLength(Limit);
        Assert.Equal(Limit, token.Length);
        await AssertAcceptedAsync(_f.RsaValidator, token);
    }

    [Fact]
    public async Task Rejects_T28_Oversized_300KB()
    {
        // Past IdentityModel's own 250 KB cap too; the gate refuses it before looking at a single character.
        string token = _f.ValidRs256() + new string('A', 300 * 1024);
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.TooLarge);
        await AssertRejectedAsync(_f.RsaValidator, new string('{', 300 * 1024), JwtValidationFailure.TooLarge);
    }

    [Fact]
    public async Task Rejects_T28_OverConfiguredSmallerCap()
    {
        StrictJwtValidator validator = _f.RsaValidatorWith(o => o.MaximumTokenSizeInBytes = 512);
        await AssertRejectedAsync(validator, _f.ValidRs256(), JwtValidationFailure.TooLarge);
    }

    public static TheoryData<string> MalformedVariants => new()
    {
        "padding-on-signature",
        "padding-on-header",
        "plus-and-slash",
        "space",
        "newline",
        "tab",
        "leading-whitespace",
        "trailing-newline",
        "two-segments",
        "two-segments-trailing-dot",
        "four-segments",
        "empty-header",
        "empty-payload",
        "leading-dot",
        "segment-length-mod-4-is-1",
        "non-canonical-trailing-bits",
        "non-ascii-letter",
        "fullwidth-dot",
        "bearer-prefix",
        "empty",
        "only-dots",
    };

    [Theory]
    [MemberData(nameof(MalformedVariants))]
    public async Task Rejects_T29_MalformedBase64Url(string variant)
    {
        string token = _f.ValidRs256();
        string[] s = Jws.Split(token);
        string malformed = variant switch
        {
            "padding-on-signature" => token + "==",
            "padding-on-header" => s[0] + "=." + s[1] + "." + s[2],
            "plus-and-slash" => s[0] + "." + s[1] + "." + "+/" + s[2].Substring(2),
            "space" => s[0] + ". " + s[1] + "." + s[2],
            "newline" => s[0] + "." + s[1].Insert(10, "\n") + "." + s[2],
            "tab" => s[0] + "\t." + s[1] + "." + s[2],
            "leading-whitespace" => " " + token,
            "trailing-newline" => token + "\r\n",
            "two-segments" => s[0] + "." + s[1],
            "two-segments-trailing-dot" => s[0] + "." + s[1] + ".",
            "four-segments" => token + "." + s[2],
            "empty-header" => "." + s[1] + "." + s[2],
            "empty-payload" => s[0] + ".." + s[2],
            "leading-dot" => "." + token,
            "segment-length-mod-4-is-1" => s[0] + "A." + s[1] + "." + s[2],
            "non-canonical-trailing-bits" => NonCanonical(),
            "non-ascii-letter" => s[0] + "." + s[1] + "é." + s[2],
            "fullwidth-dot" => s[0] + "\uFF0E" + s[1] + "." + s[2],
            "bearer-prefix" => "Bearer " + token,
            "empty" => string.Empty,
            "only-dots" => "..",
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        // A stripped signature is an unsigned token; everything else here is simply not a compact JWS.
        JwtValidationFailure expected = variant == "two-segments-trailing-dot" ? JwtValidationFailure.UnsignedToken : JwtValidationFailure.Malformed;
        await AssertRejectedAsync(_f.RsaValidator, malformed, expected);
    }

    [Fact]
    public async Task Rejects_T29_NullToken()
    {
        await AssertRejectedAsync(_f.RsaValidator, null!, JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task Rejects_T30_JwsJsonSerialization_General()
    {
        string[] s = Jws.Split(_f.ValidRs256());
        string json = "{\"payload\":\"" + s[1] + "\",\"signatures\":[{\"protected\":\"" + s[0] + "\",\"signature\":\"" + s[2] + "\"}]}";
        await AssertRejectedAsync(_f.RsaValidator, json, JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task Rejects_T30_JwsJsonSerialization_Flattened()
    {
        string[] s = Jws.Split(_f.ValidRs256());
        string json = "{\"payload\":\"" + s[1] + "\",\"protected\":\"" + s[0] + "\",\"signature\":\"" + s[2] + "\"}";
        await AssertRejectedAsync(_f.RsaValidator, json, JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task Rejects_T30_CompactWithRawJsonHeader()
    {
        string[] s = Jws.Split(_f.ValidRs256());
        await AssertRejectedAsync(_f.RsaValidator, JwtFixture.Header() + "." + s[1] + "." + s[2], JwtValidationFailure.Malformed);
    }

    [Fact]
    public async Task Rejects_T31_FiveSegmentJwe_RsaOaepToOurKey()
    {
        string jwe = CreateJwe(compress: false);
        Assert.Equal(5, jwe.Split('.').Length);
        await AssertRejectedAsync(_f.RsaValidator, jwe, JwtValidationFailure.EncryptedTokenNotAccepted);
    }

    [Fact]
    public async Task Rejects_T31_FiveSegmentJwe_CompressedZipDef()
    {
        string jwe = CreateJwe(compress: true);
        Assert.Equal(5, jwe.Split('.').Length);
        StrictJwtValidationResult result = await AssertRejectedAsync(_f.RsaValidator, jwe, JwtValidationFailure.EncryptedTokenNotAccepted);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task Rejects_T31_FiveSegmentShapeWithoutValidContent()
    {
        await AssertRejectedAsync(_f.RsaValidator, "a.b.c.d.e", JwtValidationFailure.EncryptedTokenNotAccepted);
    }

    public static TheoryData<string, string> NotUtf8JsonObjects => new()
    {
        { "header", "utf16-bom" },
        { "payload", "utf16-bom" },
        { "payload", "utf8-bom" },
        { "payload", "invalid-utf8" },
        { "payload", "overlong-utf8" },
        { "header", "array" },
        { "payload", "array" },
        { "payload", "number" },
        { "payload", "string" },
        { "payload", "null" },
        { "payload", "trailing-bytes" },
        { "payload", "two-objects" },
        { "payload", "truncated" },
        { "payload", "comment" },
        { "payload", "trailing-comma" },
        { "payload", "single-quotes" },
        { "payload", "lone-surrogate-name" },
        { "payload", "nan" },
        { "header", "empty-bytes" },
    };

    [Theory]
    [MemberData(nameof(NotUtf8JsonObjects))]
    public async Task Rejects_T32_NotAUtf8JsonObject(string part, string variant)
    {
        string headerJson = JwtFixture.Header().ToString();
        string claimsJson = JwtFixture.Claims().ToString();
        string original = part == "header" ? headerJson : claimsJson;
        byte[] bytes = variant switch
        {
            "utf16-bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(original)).ToArray(),
            "utf8-bom" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(original)).ToArray(),
            "invalid-utf8" => Encoding.UTF8.GetBytes(original.Replace("user-42", "user-\u0001", StringComparison.Ordinal)).Select(b => b == 0x01 ? (byte)0xC3 : b).ToArray(),
            "overlong-utf8" => Encoding.UTF8.GetBytes(original.Replace("user-42", "user-\u0001", StringComparison.Ordinal)).SelectMany(b => b == 0x01 ? new byte[] { 0xC0, 0xAF } : new[] { b }).ToArray(),
            "array" => Encoding.UTF8.GetBytes("[" + original + "]"),
            "number" => Encoding.UTF8.GetBytes("1900000000"),
            "string" => Encoding.UTF8.GetBytes(JsonMembers.Quote(original)),
            "null" => Encoding.UTF8.GetBytes("null"),
            "trailing-bytes" => Encoding.UTF8.GetBytes(original + "x"),
            "two-objects" => Encoding.UTF8.GetBytes(original + "{}"),
            "truncated" => Encoding.UTF8.GetBytes(original.Substring(0, original.Length - 1)),
            "comment" => Encoding.UTF8.GetBytes("/* c */" + original),
            "trailing-comma" => Encoding.UTF8.GetBytes(original.Substring(0, original.Length - 1) + ",}"),
            "single-quotes" => Encoding.UTF8.GetBytes(original.Replace('"', '\'')),
            "lone-surrogate-name" => Encoding.UTF8.GetBytes(original.Substring(0, original.Length - 1) + ",\"\\ud800\":1}"),
            "nan" => Encoding.UTF8.GetBytes(original.Substring(0, original.Length - 1) + ",\"x\":NaN}"),
            "empty-bytes" => Encoding.UTF8.GetBytes(" "),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        string token = part == "header"
            ? Jws.Create(bytes, Encoding.UTF8.GetBytes(claimsJson), Jws.RS256(_f.Rsa))
            : Jws.Create(Encoding.UTF8.GetBytes(headerJson), bytes, Jws.RS256(_f.Rsa));
        await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.Malformed);
    }

    /// <summary>A correctly signed token whose text is exactly <paramref name="length"/> characters, padded with a claim.</summary>
    private string SignedTokenOfLength(int length)
    {
        for (int headerFiller = 0; headerFiller < 4; headerFiller++)
        {
            JsonMembers header = JwtFixture.Header().SetString("x-f", new string('h', headerFiller));
            for (int pad = length * 3 / 4 - 600; pad < length * 3 / 4; pad++)
            {
                JsonMembers claims = JwtFixture.Claims().SetString("pad", new string('p', pad));
                int predicted = Jws.B64(header.ToString()).Length + 1 + Jws.B64(claims.ToString()).Length + 1 + 342;
                if (predicted == length)
                    return _f.SignRs256(header, claims);
            }
        }

        throw new InvalidOperationException("No padding gives that length.");
    }

    private string NonCanonical()
    {
        // A header whose encoding ends in a partial group, with a set bit in the unused low bits of the last character.
        for (int filler = 0; filler < 3; filler++)
        {
            JsonMembers header = JwtFixture.Header().SetString("x-f", new string('h', filler));
            string encoded = Jws.B64(header.ToString());
            if (encoded.Length % 4 == 0)
                continue;
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int last = alphabet.IndexOf(encoded[^1], StringComparison.Ordinal);
            string tweaked = encoded[..^1] + alphabet[last | 1];
            Assert.Equal(Convert.FromBase64String(Padded(encoded)), Convert.FromBase64String(Padded(tweaked)));
            return Jws.CreateFromSegments(tweaked, Jws.B64(JwtFixture.Claims().ToString()), Jws.RS256(_f.Rsa));
        }

        throw new InvalidOperationException("No header length ends in a partial group.");
    }

    private static string Padded(string base64Url)
        => base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);

    private string CreateJwe(bool compress)
    {
        var handler = new JsonWebTokenHandler();
        var signing = new SigningCredentials(new RsaSecurityKey(_f.Rsa) { KeyId = JwtFixture.RsaKid }, SecurityAlgorithms.RsaSha256);
        var encrypting = new EncryptingCredentials(new RsaSecurityKey(_f.Rsa.ExportParameters(false)), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes128CbcHmacSha256);
        string payload = compress
            ? JwtFixture.Claims().SetString("pad", new string('A', 1024 * 1024)).ToString()
            : JwtFixture.Claims().ToString();
        string jwe = compress
            ? handler.CreateToken(payload, signing, encrypting, CompressionAlgorithms.Deflate)
            : handler.CreateToken(payload, signing, encrypting);

        // The compressed one inflates to a megabyte yet fits easily under the size cap.
        if (compress)
            Assert.True(jwe.Length < Limit, $"compressed JWE is {jwe.Length} characters");
        return jwe;
    }
}
