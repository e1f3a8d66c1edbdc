using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SafeAuth.Tokens;

namespace SafeAuth.Benchmarks;

/// <summary>
/// What StrictJwtValidator costs per token: a typical access token for each key type (RS256, ES256, HS256), a forged one
/// and an oversized one, each validated <c>iterations</c> times after a warm-up, on one thread. Reported in microseconds
/// (median and 95th percentile), so the sub-millisecond target is measured here and not asserted by a timed test.
/// </summary>
internal static class RuntimeBenchmark
{
    private const string Issuer = "https://issuer.benchmark.test";
    private const string Audience = "api://benchmark";

    public static int Run(int iterations, string outPath)
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var secret = RandomNumberGenerator.GetBytes(32);
        var cases = new List<(string Name, SecurityKey Key, string Token)>
        {
            ("RS256", new RsaSecurityKey(rsa), Issue(new RsaSecurityKey(rsa))),
            ("ES256", new ECDsaSecurityKey(ec), Issue(new ECDsaSecurityKey(ec))),
            ("HS256", new SymmetricSecurityKey(secret), Issue(new SymmetricSecurityKey(secret))),
        };

        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, key, token) in cases)
        {
            var validator = Validator(key);
            results[name] = Measure(validator, token, iterations, expectValid: true);
            if (name == "RS256")
            {
                var forged = token[..^8] + (token[^8] == 'A' ? "B" : "A") + token[^7..];
                results["RS256 forged signature"] = Measure(validator, forged, iterations, expectValid: false);
                results["oversized (5 MB)"] = Measure(validator, new string('a', 5 * 1024 * 1024), iterations, expectValid: false);
            }
        }

        foreach (var (name, value) in results)
        {
            var m = (Measurement)value;
            Console.WriteLine($"  {name,-24} median {m.MedianMicroseconds,8:F1} µs   p95 {m.P95Microseconds,8:F1} µs   ({m.Iterations} validations)");
        }

        var json = new Dictionary<string, object>
        {
            ["iterations"] = iterations,
            ["validationMicroseconds"] = results,
            ["machine"] = Machine.Describe(),
            ["method"] = "StrictJwtValidator.ValidateAsync on one thread, after 50 warm-up validations; each validation timed with Stopwatch.",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        Console.WriteLine($"Wrote {Path.GetFullPath(outPath)}.");
        return 0;
    }

    private static StrictJwtValidator Validator(SecurityKey key)
    {
        var options = new StrictJwtValidationOptions { ValidIssuer = Issuer, ValidAudience = Audience };
        options.IssuerSigningKeys.Add(key);
        return new StrictJwtValidator(options);
    }

    private static string Issue(SecurityKey key)
        => new StrictJwtIssuer(new StrictJwtIssuerOptions { Issuer = Issuer, Audience = Audience, SigningKey = key }).Issue("user-42");

    private static Measurement Measure(StrictJwtValidator validator, string token, int iterations, bool expectValid)
    {
        for (var i = 0; i < 50; i++)
        {
            Check(validator, token, expectValid);
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Check(validator, token, expectValid);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return new Measurement(iterations, Math.Round(samples[iterations / 2], 1), Math.Round(samples[Math.Min(iterations - 1, (int)(iterations * 0.95))], 1));
    }

    private static void Check(StrictJwtValidator validator, string token, bool expectValid)
    {
        var result = validator.ValidateAsync(token).GetAwaiter().GetResult();
        if (result.IsValid != expectValid)
        {
            throw new InvalidOperationException($"The benchmark token was {(result.IsValid ? "accepted" : "refused: " + result.FailureMessage)}.");
        }
    }

    private sealed record Measurement(int Iterations, double MedianMicroseconds, double P95Microseconds);
}
