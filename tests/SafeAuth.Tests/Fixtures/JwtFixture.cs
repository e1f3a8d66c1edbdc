using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tokens;

namespace SafeAuth.Tests.Fixtures;

/// <summary>
/// Keys and baseline tokens shared by one test class: an RSA 2048 key made once per class, a fixed 32-byte HMAC key,
/// an EC P-256 key, attacker keys, and a clock frozen at <see cref="Now"/>.
/// </summary>
public sealed class JwtFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Issuer = "https://issuer.safeauth.test";
    public const string Audience = "api://safeauth-tests";
    public const string AccessTokenType = "at+jwt";
    public const string RsaKid = "rsa-1";
    public const string HmacKid = "hmac-1";
    public const string EcKid = "ec-1";

    /// <summary>32 fixed, non-textual bytes.</summary>
    public static readonly byte[] HmacKeyBytes = Enumerable.Range(0, 32).Select(i => (byte)(0x9E ^ (i * 37))).ToArray();

    public JwtFixture()
    {
        Rsa = RSA.Create(2048);
        AttackerRsa = RSA.Create(2048);
        Ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AttackerEc = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        RsaKey = new RsaSecurityKey(Rsa.ExportParameters(false)) { KeyId = RsaKid };
        HmacKey = new SymmetricSecurityKey(HmacKeyBytes) { KeyId = HmacKid };
        EcKey = new ECDsaSecurityKey(ECDsa.Create(Ec.ExportParameters(false))) { KeyId = EcKid };
        RsaValidator = new StrictJwtValidator(RsaOptions());
        HmacValidator = new StrictJwtValidator(HmacOptions());
        EcValidator = new StrictJwtValidator(EcOptions());
    }

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    public RSA Rsa { get; }

    public RSA AttackerRsa { get; }

    public ECDsa Ec { get; }

    public ECDsa AttackerEc { get; }

    public RsaSecurityKey RsaKey { get; }

    public SymmetricSecurityKey HmacKey { get; }

    public ECDsaSecurityKey EcKey { get; }

    /// <summary>RS256 only, typ at+jwt, clock frozen at <see cref="Now"/>.</summary>
    public StrictJwtValidator RsaValidator { get; }

    /// <summary>HS256 only, typ at+jwt.</summary>
    public StrictJwtValidator HmacValidator { get; }

    /// <summary>ES256 only, typ at+jwt.</summary>
    public StrictJwtValidator EcValidator { get; }

    public StrictJwtValidationOptions RsaOptions() => Options(RsaKey);

    public StrictJwtValidationOptions HmacOptions() => Options(HmacKey);

    public StrictJwtValidationOptions EcOptions() => Options(EcKey);

    public static StrictJwtValidationOptions Options(params SecurityKey[] keys)
    {
        var options = new StrictJwtValidationOptions
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            ValidTypes = { AccessTokenType },
            TimeProvider = new FrozenTimeProvider(Now),
        };
        foreach (SecurityKey key in keys)
            options.IssuerSigningKeys.Add(key);
        return options;
    }

    public StrictJwtValidator RsaValidatorWith(Action<StrictJwtValidationOptions> change)
    {
        StrictJwtValidationOptions options = RsaOptions();
        change(options);
        return new StrictJwtValidator(options);
    }

    public static JsonMembers Header(string alg = "RS256", string? kid = RsaKid, string? typ = AccessTokenType)
    {
        var header = new JsonMembers().SetString("alg", alg);
        if (typ is not null)
            header.SetString("typ", typ);
        if (kid is not null)
            header.SetString("kid", kid);
        return header;
    }

    /// <summary>The baseline access-token claims: iss, aud, sub, iat = nbf = now, exp = iat + 10 min, jti.</summary>
    public static JsonMembers Claims()
        => new JsonMembers()
            .SetString("iss", Issuer)
            .SetString("aud", Audience)
            .SetString("sub", "user-42")
            .SetNumber("iat", NowSeconds)
            .SetNumber("nbf", NowSeconds)
            .SetNumber("exp", NowSeconds + 600)
            .SetString("jti", "7b0c3f5e-jti-0001")
            .SetString("scope", "orders.read");

    public string SignRs256(JsonMembers header, JsonMembers payload) => Jws.Create(header, payload, Jws.RS256(Rsa));

    public string SignRs256(string header, string payload) => Jws.Create(header, payload, Jws.RS256(Rsa));

    public string ValidRs256() => SignRs256(Header(), Claims());

    public string ValidHs256() => Jws.Create(Header("HS256", HmacKid), Claims(), Jws.HS256(HmacKeyBytes));

    public string ValidEs256() => Jws.Create(Header("ES256", EcKid), Claims(), Jws.ES(Ec, HashAlgorithmName.SHA256));

    public void Dispose()
    {
        Rsa.Dispose();
        AttackerRsa.Dispose();
        Ec.Dispose();
        AttackerEc.Dispose();
    }
}
