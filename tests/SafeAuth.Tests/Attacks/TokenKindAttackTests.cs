using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;
using static SafeAuth.Tests.Fixtures.Verdict;

namespace SafeAuth.Tests.Attacks;

/// <summary>
/// T35: a token that is not an access token is not accepted as one, under the configuration the README shows (no
/// ValidTypes): ID tokens, logout and security event tokens, DPoP proofs and other typed tokens from the same issuer,
/// signed with the same key and naming the API as audience.
/// </summary>
public sealed class TokenKindAttackTests : IClassFixture<JwtFixture>
{
    private readonly JwtFixture _f;
    private readonly StrictJwtValidator _readmeValidator;

    public TokenKindAttackTests(JwtFixture fixture)
    {
        _f = fixture;
        _readmeValidator = _f.RsaValidatorWith(o => o.ValidTypes.Clear());
    }

    [Theory]
    [InlineData("logout+jwt", "an OpenID Connect logout token")]
    [InlineData("application/logout+jwt", "an OpenID Connect logout token")]
    [InlineData("secevent+jwt", "a security event token (RFC 8417)")]
    [InlineData("dpop+jwt", "a DPoP proof (RFC 9449)")]
    [InlineData("DPoP+JWT", "a DPoP proof (RFC 9449)")]
    [InlineData("id_token+jwt", "an ID token")]
    [InlineData("token-introspection+jwt", "a token introspection response (RFC 9701)")]
    [InlineData("oauth-authz-req+jwt", "an authorization request object (RFC 9101)")]
    [InlineData("client-authentication+jwt", "a client assertion")]
    [InlineData("kb+jwt", "an SD-JWT key binding token")]
    [InlineData("entity-statement+jwt", "an OpenID Federation entity statement")]
    [InlineData("jwk-set+jwt", "a signed JWK set")]
    [InlineData("txn-token+jwt", "a transaction token")]
    [InlineData("refresh+jwt", "a refresh token")]
    public async Task Rejects_T35_TypOfAnotherKindOfToken_NamingTheKind(string typ, string kind)
    {
        string token = _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims());
        StrictJwtValidationResult result = await AssertRejectedAsync(_readmeValidator, token, JwtValidationFailure.NotAnAccessToken);
        Assert.Equal("The 'typ' header marks " + kind + ", not an access token.", result.FailureMessage);

        // The same kind named in ValidTypes is a configuration error while only access tokens are accepted.
        ArgumentException e = Assert.Throws<ArgumentException>(() => _f.RsaValidatorWith(o => o.ValidTypes.Fill(typ)));
        Assert.Contains("marks " + kind + ";", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("licence+jwt")]
    [InlineData("custom")]
    public async Task Rejects_T35_UnknownTyp_UntilListedInValidTypes(string typ)
    {
        string token = _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims());
        StrictJwtValidationResult result = await AssertRejectedAsync(_readmeValidator, token, JwtValidationFailure.NotAnAccessToken);
        Assert.Equal("The 'typ' header names a type that is not an access token (JWT, at+jwt); list it in ValidTypes to accept it.", result.FailureMessage);
        await AssertAcceptedAsync(_f.RsaValidatorWith(o => o.ValidTypes.Fill(typ)), token);
    }

    [Fact]
    public async Task EmptyTyp_CountsAsNoTyp_ByDefault_AndAsMissing_WhenATypeIsRequired()
    {
        string token = _f.SignRs256(JwtFixture.Header(typ: string.Empty), JwtFixture.Claims());
        await AssertAcceptedAsync(_readmeValidator, token);
        StrictJwtValidationResult required = await AssertRejectedAsync(_f.RsaValidator, token, JwtValidationFailure.InvalidType);
        Assert.Contains("missing", required.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_LeaveNoMessage_WhenTheyPass()
    {
        var settings = new GateSettings(1024, new[] { "RS256" }, Array.Empty<string>(), allowNestedTokens: false);
        var header = new Dictionary<string, JsonMember> { ["typ"] = new(System.Text.Json.JsonTokenType.String, "at+jwt", null) };
        Assert.True(TokenKinds.CheckType(header, settings, nested: false, out JwtValidationFailure failure, out string message));
        Assert.Equal((JwtValidationFailure.None, string.Empty), (failure, message));
        Assert.True(TokenKinds.CheckClaims(new Dictionary<string, JsonMember>(), settings, out failure, out message));
        Assert.Equal((JwtValidationFailure.None, string.Empty), (failure, message));
    }

    [Theory]
    [InlineData("nonce", "\"n-0S6_WzA2Mj\"")]
    [InlineData("at_hash", "\"77QmUPtjPfzWtF2AnpK9RQ\"")]
    [InlineData("c_hash", "\"LDktKdoQak3Pk0cnXxCltA\"")]
    [InlineData("s_hash", "\"WZRHGrsBESr8wYFZ9sx0tA\"")]
    [InlineData("events", "{\"http://schemas.openid.net/event/backchannel-logout\":{}}")]
    [InlineData("token_use", "\"id\"")]
    [InlineData("token_use", "7")]
    public async Task Rejects_T35_ClaimsOfAnIdOrLogoutToken_EvenWithAnAccessTokenTyp(string claim, string json)
    {
        // typ: JWT (an ID token's usual type) and typ: at+jwt (a relabelled one) alike.
        foreach (string? typ in new[] { "JWT", null })
        {
            string token = _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims().Set(claim, json));
            await AssertRejectedAsync(_readmeValidator, token, JwtValidationFailure.NotAnAccessToken);
        }

        await AssertRejectedAsync(_f.RsaValidator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().Set(claim, json)), JwtValidationFailure.NotAnAccessToken);
    }

    [Fact]
    public async Task Rejects_T35_DpopProofClaims()
    {
        JsonMembers proof = JwtFixture.Claims().SetString("htm", "POST").SetString("htu", "https://api.example.com/orders");
        await AssertRejectedAsync(_readmeValidator, _f.SignRs256(JwtFixture.Header(typ: null), proof), JwtValidationFailure.NotAnAccessToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("JOSE")]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    public async Task Accepts_AccessTokenTypes_ByDefault(string? typ)
        => await AssertAcceptedAsync(_readmeValidator, _f.SignRs256(JwtFixture.Header(typ: typ), JwtFixture.Claims()));

    [Fact]
    public async Task Accepts_AccessTokenClaims_ThatResembleOthers()
    {
        await AssertAcceptedAsync(_readmeValidator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("token_use", "access")));
        await AssertAcceptedAsync(_readmeValidator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetString("htm", "GET")));
        await AssertAcceptedAsync(_readmeValidator, _f.SignRs256(JwtFixture.Header(), JwtFixture.Claims().SetNumber("auth_time", JwtFixture.NowSeconds)));
    }

    [Fact]
    public async Task AcceptOnlyAccessTokensOff_ValidatesOtherKindsOnPurpose()
    {
        StrictJwtValidator logout = _f.RsaValidatorWith(o =>
        {
            o.AcceptOnlyAccessTokens = false;
            o.ValidTypes.Fill("logout+jwt");
        });
        JsonMembers claims = JwtFixture.Claims().Set("events", "{\"http://schemas.openid.net/event/backchannel-logout\":{}}");
        await AssertAcceptedAsync(logout, _f.SignRs256(JwtFixture.Header(typ: "logout+jwt"), claims));
        await AssertRejectedAsync(logout, _f.SignRs256(JwtFixture.Header(), claims), JwtValidationFailure.InvalidType);

        StrictJwtValidator anyKind = _f.RsaValidatorWith(o =>
        {
            o.AcceptOnlyAccessTokens = false;
            o.ValidTypes.Clear();
        });
        await AssertAcceptedAsync(anyKind, _f.SignRs256(JwtFixture.Header(typ: "dpop+jwt"), JwtFixture.Claims().SetString("nonce", "n")));
    }

    [Fact]
    public void Refuses_ValidTypesOfAnotherKind_WhileOnlyAccessTokensAreAccepted()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => _f.RsaValidatorWith(o => o.ValidTypes.Fill("application/logout+jwt")));
        Assert.Contains("marks an OpenID Connect logout token", e.Message, StringComparison.Ordinal);
        Assert.Contains("AcceptOnlyAccessTokens = false", e.Message, StringComparison.Ordinal);
    }
}
