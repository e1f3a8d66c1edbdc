using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Secrets;

namespace SafeAuth.Tokens;

/// <summary>
/// Reads <see cref="StrictJwtValidationOptions"/> from a configuration section (for example <c>Jwt</c>):
/// <list type="bullet">
/// <item><c>Issuer</c> with an HMAC <c>SigningKey</c> (base64 or base64url, checked for <c>Algorithm</c>, default HS256)
/// or an RSA <c>PublicKeyPem</c>; or <c>Issuers</c>, a list of entries each with its own <c>Issuer</c> and key;</item>
/// <item><c>Audience</c>, or <c>Audiences</c> (a list);</item>
/// <item>optionally <c>ClockSkew</c> and <c>MaxTokenLifetime</c> (<c>hh:mm:ss</c>).</item>
/// </list>
/// A missing or weak setting fails with a message naming the setting's full path.
/// </summary>
internal static class StrictJwtSettings
{
    public static void Apply(IConfiguration configuration, StrictJwtValidationOptions options)
    {
        var prefix = configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" : string.Empty;
        var algorithm = configuration["Algorithm"] is { Length: > 0 } configured ? configured : SecurityAlgorithms.HmacSha256;

        if (configuration.GetSection("Issuers").GetChildren().Any())
        {
            options.AddIssuers(SigningKeyLoader.IssuersFromConfiguration(configuration, "Issuers", algorithm));
        }
        else
        {
            var issuer = Required(configuration, prefix, "Issuer", "the issuer whose tokens are accepted");
            SecurityKey key = configuration["PublicKeyPem"] is { Length: > 0 } pem
                ? SigningKeyLoader.RsaFromPem(prefix + "PublicKeyPem", pem)
                : SigningKeyLoader.FromText(prefix + "SigningKey", configuration["SigningKey"], algorithm);
            options.AddIssuers(new[] { new TrustedIssuer(issuer, key) });
        }

        var audiences = configuration.GetSection("Audiences").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (audiences.Count == 0)
        {
            audiences.Add(Required(configuration, prefix, "Audience", "the audience this API accepts tokens for"));
        }

        options.ValidAudience = null;
        options.ValidAudiences.Clear();
        foreach (var audience in audiences)
        {
            options.ValidAudiences.Add(audience!);
        }

        if (TimeSetting(configuration, prefix, "ClockSkew") is { } skew)
        {
            options.ClockSkew = skew;
        }

        if (TimeSetting(configuration, prefix, "MaxTokenLifetime") is { } lifetime)
        {
            options.MaxTokenLifetime = lifetime;
        }
    }

    private static string Required(IConfiguration configuration, string prefix, string name, string what) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException($"The setting '{prefix}{name}' is missing: it names {what}.");

    private static TimeSpan? TimeSetting(IConfiguration configuration, string prefix, string name)
    {
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"The setting '{prefix}{name}' is '{text}', which is not a time span (hh:mm:ss).");
    }
}
