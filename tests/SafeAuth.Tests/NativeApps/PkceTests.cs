using SafeAuth.NativeApps;

namespace SafeAuth.Tests.NativeApps;

public class PkceTests
{
    // RFC 7636 Appendix B.
    private static readonly byte[] AppendixBOctets =
    {
        116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
        22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    };

    private const string AppendixBVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string AppendixBChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void AppendixB_OctetsEncodeToTheVerifier()
    {
        Assert.Equal(AppendixBVerifier, Pkce.EncodeVerifier(AppendixBOctets));
    }

    [Fact]
    public void AppendixB_ChallengeMatches()
    {
        Assert.Equal(AppendixBChallenge, Pkce.CreateChallenge(AppendixBVerifier));
    }

    [Theory]
    [InlineData(32, 43)]
    [InlineData(64, 86)]
    [InlineData(96, 128)]
    public void CreateVerifier_LengthFollowsOctets(int bytes, int length)
    {
        var verifier = Pkce.CreateVerifier(bytes);
        Assert.Equal(length, verifier.Length);
        Assert.True(Pkce.IsValidVerifier(verifier));
    }

    [Fact]
    public void CreateVerifier_DefaultIs43Characters_AndRandom()
    {
        var a = Pkce.CreateVerifier();
        var b = Pkce.CreateVerifier();
        Assert.Equal(43, a.Length);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(97)]
    [InlineData(-1)]
    public void CreateVerifier_RefusesOctetCountsOutsideTheRange(int bytes)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Pkce.CreateVerifier(bytes));
        Assert.Equal("bytes", ex.ParamName);
    }

    [Fact]
    public void Create_ReturnsMatchingPair_AndHidesTheVerifierFromToString()
    {
        var pair = Pkce.Create();
        Assert.Equal(Pkce.CreateChallenge(pair.Verifier), pair.Challenge);
        Assert.Equal("S256", pair.Method);
        Assert.DoesNotContain(pair.Verifier, pair.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateVerifier_RefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => Pkce.ValidateVerifier(null!));
        Assert.False(Pkce.IsValidVerifier(null));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(129)]
    [InlineData(0)]
    public void ValidateVerifier_RefusesBadLength(int length)
    {
        var verifier = new string('a', length);
        var ex = Assert.Throws<ArgumentException>(() => Pkce.ValidateVerifier(verifier));
        Assert.Contains("43 to 128", ex.Message, StringComparison.Ordinal);
        Assert.False(Pkce.IsValidVerifier(verifier));
        Assert.Throws<ArgumentException>(() => Pkce.CreateChallenge(verifier));
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('é')]
    public void ValidateVerifier_RefusesCharactersOutsideTheUnreservedSet(char bad)
    {
        var verifier = AppendixBVerifier[..20] + bad + AppendixBVerifier[21..];
        var ex = Assert.Throws<ArgumentException>(() => Pkce.ValidateVerifier(verifier));
        Assert.Contains("position 20", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(verifier, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(43)]
    [InlineData(128)]
    public void ValidateVerifier_AcceptsBoundaryLengthsAndEveryUnreservedCharacter(int length)
    {
        var verifier = string.Concat(Enumerable.Repeat("Az09-._~", 20))[..length];
        Pkce.ValidateVerifier(verifier);
        Assert.Equal(43, Pkce.CreateChallenge(verifier).Length);
    }
}
