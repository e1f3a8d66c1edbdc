using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        Assert.Throws<InvalidOperationException>(() => StrictJwt.ValidateJsonWebToken(token));
        Assert.Throws<InvalidOperationException>(() => StrictJwt.ValidateJwtSecurityToken(token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => StrictJwt.ValidateJsonWebTokenAsync(token));
    }

    [Fact]
    public async Task Configured_ValidatesTokens()
    {
        StrictJwt.Configure(_f.RsaValidator);
        string token = _f.ValidRs256();

        JsonWebToken jwt = StrictJwt.ValidateJsonWebToken(token);
        Assert.Equal("user-42", jwt.Subject);

        JwtSecurityToken legacy = StrictJwt.ValidateJwtSecurityToken(token);
        Assert.Equal("user-42", legacy.Subject);
        Assert.Equal(token, legacy.RawData);

        JsonWebToken viaAsync = await StrictJwt.ValidateJsonWebTokenAsync(token);
        Assert.Equal(token, viaAsync.EncodedToken);
    }

    [Fact]
    public async Task Configured_RejectsBadTokens()
    {
        StrictJwt.Configure(_f.RsaValidator);
        string forged = Jws.Create(JwtFixture.Header(), JwtFixture.Claims(), Jws.RS256(_f.AttackerRsa));
        Assert.Equal(JwtValidationFailure.InvalidSignature, Assert.Throws<JwtValidationException>(() => StrictJwt.ValidateJsonWebToken(forged)).Failure);
        Assert.Equal(JwtValidationFailure.InvalidSignature, Assert.Throws<JwtValidationException>(() => StrictJwt.ValidateJwtSecurityToken(forged)).Failure);
        JwtValidationException e = await Assert.ThrowsAsync<JwtValidationException>(() => StrictJwt.ValidateJsonWebTokenAsync(forged));
        Assert.Equal(JwtValidationFailure.InvalidSignature, e.Failure);
    }

    [Fact]
    public void Configure_ReplacesTheDefault_AndRefusesNull()
    {
        StrictJwt.Configure(_f.RsaValidator);
        Assert.Same(_f.RsaValidator, StrictJwt.Default);
        StrictJwt.Configure(_f.HmacValidator);
        Assert.Same(_f.HmacValidator, StrictJwt.Default);

        Assert.Throws<ArgumentNullException>(() => StrictJwt.Configure(null!));
        Assert.Same(_f.HmacValidator, StrictJwt.Default);
    }

    [Fact]
    public async Task AddStrictJwtValidation_SetsNothingProcessWide_UntilTheHostRuns()
    {
        using IHost host = Host(o => Configure(o, _f));

        // Registering the services and building the host change nothing outside the host.
        Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);

        StrictJwtValidator validator = host.Services.GetRequiredService<StrictJwtValidator>();
        Assert.Same(validator, host.Services.GetRequiredService<StrictJwtValidator>());
        Assert.Equal(JwtFixture.Issuer, host.Services.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value.ValidIssuer);

        await host.StartAsync();
        Assert.Same(validator, StrictJwt.Default);
        Assert.Equal("user-42", StrictJwt.ValidateJsonWebToken(_f.ValidRs256()).Subject);

        await host.StopAsync();
        Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);
    }

    [Fact]
    public async Task TwoRunningHosts_WithDifferentValidators_AreNotGuessedBetween()
    {
        using IHost first = Host(o => Configure(o, _f));
        using IHost second = Host(o => Configure(o, _f));
        await first.StartAsync();
        await second.StartAsync();

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);
        Assert.Contains("Several running hosts", e.Message, StringComparison.Ordinal);

        await first.StopAsync();
        Assert.Same(second.Services.GetRequiredService<StrictJwtValidator>(), StrictJwt.Default);
        await second.StopAsync();
    }

    [Fact]
    public async Task AddStrictJwtValidation_WithBadOptions_FailsAtStartup_NamingTheProblem()
    {
        using IHost host = Host(o => o.ValidIssuer = JwtFixture.Issuer);
        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("no signing key", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => StrictJwt.Default);
    }

    [Fact]
    public void AddStrictJwtValidation_UsesTheOptionsPattern()
    {
        var services = new ServiceCollection();
        OptionsBuilder<StrictJwtValidationOptions> builder = services.AddStrictJwtValidation(o => Configure(o, _f));
        services.AddStrictJwtValidation(o => o.ValidAudiences.Add("api://second"));
        builder.Configure(o => o.ClockSkew = TimeSpan.FromSeconds(10));

        using ServiceProvider provider = services.BuildServiceProvider();
        StrictJwtValidationOptions options = provider.GetRequiredService<IOptions<StrictJwtValidationOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(10), options.ClockSkew);
        Assert.Contains("api://second", options.ValidAudiences);
        Assert.Single(services, d => d.ServiceType == typeof(StrictJwtValidator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<StrictJwtValidationOptions>));

        IValidateOptions<StrictJwtValidationOptions> check = provider.GetRequiredService<IValidateOptions<StrictJwtValidationOptions>>();
        Assert.True(check.Validate(Options.DefaultName, options).Succeeded);
        ValidateOptionsResult bad = check.Validate(Options.DefaultName, new StrictJwtValidationOptions { ValidIssuer = JwtFixture.Issuer });
        Assert.True(bad.Failed);
        Assert.Contains("no signing key", bad.FailureMessage, StringComparison.Ordinal);

        Assert.Throws<ArgumentNullException>(() => services.AddStrictJwtValidation((Action<StrictJwtValidationOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => StrictJwtServiceCollectionExtensions.AddStrictJwtValidation(null!, _ => { }));
    }

    private static IHost Host(Action<StrictJwtValidationOptions> configure)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddStrictJwtValidation(configure);
        return builder.Build();
    }

    private static void Configure(StrictJwtValidationOptions o, JwtFixture f)
    {
        o.ValidIssuer = JwtFixture.Issuer;
        o.ValidAudience = JwtFixture.Audience;
        o.IssuerSigningKeys.Add(f.RsaKey);
        o.ValidTypes.Add(JwtFixture.AccessTokenType);
        o.TimeProvider = new FrozenTimeProvider(JwtFixture.Now);
    }
}
