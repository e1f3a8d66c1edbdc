using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tokens;

namespace SafeAuth.Tests;

/// <summary><see cref="StrictJwt"/> is process-wide state: these tests run alone and reset it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StrictJwtGlobalState
{
    public const string Name = "StrictJwt global state";
}

[Collection(StrictJwtGlobalState.Name)]
public sealed class StrictJwtDefaultTests : IClassFixture<JwtFixture>, IDisposable
{
    private readonly JwtFixture _f;

    public StrictJwtDefaultTests(JwtFixture fixture)
    {
        _f = fixture;
        StrictJwt.Reset();
    }

    public void Dispose() => StrictJwt.Reset();

    [Fact]
    public void Unconfigured_Default_Throws()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);
        Assert.Contains("StrictJwt.Configure(", e.Message, StringComparison.Ordinal);
        Assert.Contains("AddStrictJwtValidation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfigured_Reads_Throw_EvenForAValidToken()
    {
        string token = _f.ValidRs256();
        Assert.Throws<InvalidOperationException>(() => StrictJwt.ReadValidatedJsonWebToken(token));
        Assert.Throws<InvalidOperationException>(() => StrictJwt.ReadValidatedJwtSecurityToken(token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => StrictJwt.ReadValidatedJsonWebTokenAsync(token));
    }

    [Fact]
    public async Task ConfiguredWithOptions_ReadsValidatedTokens()
    {
        StrictJwt.Configure(_f.RsaOptions());
        string token = _f.ValidRs256();

        JsonWebToken jwt = StrictJwt.ReadValidatedJsonWebToken(token);
        Assert.Equal("user-42", jwt.Subject);

        JwtSecurityToken legacy = StrictJwt.ReadValidatedJwtSecurityToken(token);
        Assert.Equal("user-42", legacy.Subject);
        Assert.Equal(token, legacy.RawData);

        JsonWebToken viaAsync = await StrictJwt.ReadValidatedJsonWebTokenAsync(token);
        Assert.Equal(token, viaAsync.EncodedToken);
    }

    [Fact]
    public async Task Configured_RejectsBadTokens()
    {
        StrictJwt.Configure(_f.RsaValidator);
        string forged = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        Assert.Equal(JwtValidationFailure.InvalidSignature, Assert.Throws<JwtValidationException>(() => StrictJwt.ReadValidatedJsonWebToken(forged)).Failure);
        Assert.Equal(JwtValidationFailure.InvalidSignature, Assert.Throws<JwtValidationException>(() => StrictJwt.ReadValidatedJwtSecurityToken(forged)).Failure);
        JwtValidationException e = await Assert.ThrowsAsync<JwtValidationException>(() => StrictJwt.ReadValidatedJsonWebTokenAsync(forged));
        Assert.Equal(JwtValidationFailure.InvalidSignature, e.Failure);
    }

    [Fact]
    public void Configure_ReplacesTheDefault_AndRefusesNull()
    {
        StrictJwt.Configure(_f.RsaValidator);
        Assert.Same(_f.RsaValidator, StrictJwt.Default);
        StrictJwt.Configure(_f.HmacValidator);
        Assert.Same(_f.HmacValidator, StrictJwt.Default);

        Assert.Throws<ArgumentNullException>(() => StrictJwt.Configure((StrictJwtValidator)null!));
        Assert.Throws<ArgumentNullException>(() => StrictJwt.Configure((StrictJwtValidationOptions)null!));
        Assert.Same(_f.HmacValidator, StrictJwt.Default);
    }

    [Fact]
    public void Configure_WithBadOptions_Throws_AndKeepsTheEarlierDefault()
    {
        StrictJwt.Configure(_f.RsaValidator);
        StrictJwtValidationOptions bad = _f.RsaOptions();
        bad.ValidAlgorithms.Add("none");
        Assert.Throws<ArgumentException>(() => StrictJwt.Configure(bad));
        Assert.Same(_f.RsaValidator, StrictJwt.Default);
    }

    [Fact]
    public void AddStrictJwtValidation_RegistersASingletonAndTheDefault()
    {
        var services = new ServiceCollection();
        IServiceCollection returned = services.AddStrictJwtValidation(o =>
        {
            o.Issuer = JwtFixture.Issuer;
            o.Audience = JwtFixture.Audience;
            o.SigningKeys.Add(_f.RsaKey);
            o.ValidTypes.Add(JwtFixture.AccessTokenType);
            o.TimeProvider = new FrozenTimeProvider(JwtFixture.Now);
        });

        Assert.Same(services, returned);
        ServiceDescriptor descriptor = Assert.Single(services, d => d.ServiceType == typeof(StrictJwtValidator));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        StrictJwtValidator validator = Assert.IsType<StrictJwtValidator>(descriptor.ImplementationInstance);
        Assert.Same(validator, StrictJwt.Default);
        Assert.Equal("user-42", validator.ValidateAndRead(_f.ValidRs256()).Subject);
    }

    [Fact]
    public void AddStrictJwtValidation_WithBadOptions_FailsAtRegistration()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddStrictJwtValidation(o => o.Issuer = JwtFixture.Issuer));
        Assert.Empty(services);
        Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);
        Assert.Throws<ArgumentNullException>(() => services.AddStrictJwtValidation(null!));
        Assert.Throws<ArgumentNullException>(() => StrictJwtServiceCollectionExtensions.AddStrictJwtValidation(null!, _ => { }));
    }
}
