using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Revocation;
using SafeAuth.Tokens;

namespace SafeAuth.Redis.Tests;

/// <summary>One "app": an issuer, a validator consulting the revocation store, and the rotation service, on a manual clock.</summary>
public sealed class Harness
{
    public const string Issuer = "https://issuer.safeauth.test";
    public const string Audience = "api://safeauth-tests";
    public static readonly SymmetricSecurityKey Key = new(RandomNumberGenerator.GetBytes(32));

    public Harness(IRefreshTokenStore refreshTokens, ITokenRevocationStore revocations, ManualClock clock, bool failOpen = false)
    {
        Clock = clock;
        RefreshTokens = refreshTokens;
        Revocations = revocations;
        var issuer = new StrictJwtIssuer(new StrictJwtIssuerOptions { Issuer = Issuer, Audience = Audience, SigningKey = Key, TimeProvider = clock });
        var options = new StrictJwtValidationOptions
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            TimeProvider = clock,
            RevocationStore = revocations,
            AcceptTokensWhenRevocationStoreIsUnavailable = failOpen,
        };
        options.IssuerSigningKeys.Add(Key);
        Validator = new StrictJwtValidator(options);
        Rotation = new RefreshTokenRotation(refreshTokens, revocations, issuer, Options.Create(new RefreshTokenOptions { TimeProvider = clock }));
    }

    public ManualClock Clock { get; }

    public IRefreshTokenStore RefreshTokens { get; }

    public ITokenRevocationStore Revocations { get; }

    public StrictJwtValidator Validator { get; }

    public RefreshTokenRotation Rotation { get; }

    public async Task<JwtValidationFailure> CheckAsync(string accessToken) => (await Validator.ValidateAsync(accessToken)).Failure;
}
