using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using SafeAuth.AspNetCore;
using SafeAuth.Secrets;
using SafeAuth.Tests.Fixtures;
using SafeAuth.Tests.Secrets;
using SafeAuth.Tokens;
using Xunit.Abstractions;

namespace SafeAuth.Tests.Hardening;

/// <summary>
/// Seeded table-and-random tests that feed the runtime helpers malformed, truncated, oversized and hostile input and
/// require a clear, typed refusal every time: never an unexpected exception, a hang, or an acceptance.
/// </summary>
public sealed class HostileInputTests : IClassFixture<JwtFixture>
{
    private const int Seed = 20261129;
    private static readonly TimeSpan PerCallBudget = TimeSpan.FromSeconds(5);
    private readonly JwtFixture _fixture;
    private readonly ITestOutputHelper _output;

    public HostileInputTests(JwtFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Tokens_MutatedAndRandom_AreAlwaysRejectedWithANamedFailure()
    {
        var random = new Random(Seed);
        var valid = _fixture.ValidRs256();
        var validator = _fixture.RsaValidator;
        Assert.True((await validator.ValidateAsync(valid)).IsValid, "the baseline token must pass");

        var inputs = new List<(string Kind, string Token)>();
        for (var length = 0; length < valid.Length; length += 3)
        {
            inputs.Add(("truncated", valid[..length]));
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\\0\u00e9\u202e\ud83d\ude00";
        for (var i = 0; i < 1500; i++)
        {
            var chars = valid.ToCharArray();
            switch (i % 6)
            {
                case 0: // flip one character anywhere (header, payload or signature)
                    var at = random.Next(chars.Length);
                    chars[at] = chars[at] == 'A' ? 'B' : 'A';
                    inputs.Add(("flipped", new string(chars)));
                    break;
                case 1: // insert hostile characters
                    inputs.Add(("inserted", valid.Insert(random.Next(valid.Length), Alphabet[random.Next(Alphabet.Length)].ToString())));
                    break;
                case 2: // random text of random length
                    var text = new StringBuilder();
                    var size = random.Next(0, 400);
                    for (var c = 0; c < size; c++)
                    {
                        text.Append(Alphabet[random.Next(Alphabet.Length)]);
                    }

                    inputs.Add(("random", text.ToString()));
                    break;
                case 3: // segments shuffled or repeated
                    var parts = valid.Split('.');
                    var picked = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => parts[random.Next(parts.Length)]);
                    inputs.Add(("segments", string.Join('.', picked)));
                    break;
                case 4: // random JSON-ish header and payload, signed with a random signature
                    var header = Base64Url("{\"alg\":\"" + new[] { "RS256", "none", "HS256", "", "RS256\u0000" }[random.Next(5)] + "\",\"typ\":\"at+jwt\"" + new[] { "", ",\"crit\":[]", ",\"zip\":\"DEF\"", ",\"kid\":" + new string('k', random.Next(1, 600)).Length }[random.Next(4)] + "}");
                    var payload = Base64Url(new[] { "{}", "[]", "42", "{\"exp\":\"x\"}", "{\"exp\":1e400}", "{\"a\":" + new string('[', 2000) + "}" }[random.Next(6)]);
                    var signature = new byte[random.Next(0, 300)];
                    random.NextBytes(signature);
                    inputs.Add(("forged", header + "." + payload + "." + Base64Url(signature)));
                    break;
                default: // oversized
                    inputs.Add(("oversized", valid + new string('A', random.Next(16 * 1024, 400 * 1024))));
                    break;
            }
        }

        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        foreach (var (kind, token) in inputs)
        {
            if (token == valid)
            {
                continue;
            }

            var stopwatch = Stopwatch.StartNew();
            try
            {
                var validation = validator.ValidateAsync(token);
                if (await Task.WhenAny(validation, Task.Delay(PerCallBudget)) != validation)
                {
                    failures.Add($"{kind}: no answer within {PerCallBudget.TotalSeconds}s for a {token.Length}-char token");
                    continue;
                }

                var result = await validation;
                if (result.IsValid || result.Failure == JwtValidationFailure.None || string.IsNullOrWhiteSpace(result.FailureMessage))
                {
                    failures.Add($"{kind}: accepted or unnamed failure for '{Shorten(token)}'");
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{kind}: threw {exception.GetType().Name} for '{Shorten(token)}': {exception.Message}");
            }

            slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
        }

        _output.WriteLine($"[counts] hostile tokens: {inputs.Count} inputs (seed {Seed}), all rejected with a named failure; slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void SigningKeys_HostileConfigurationValues_AreRefusedWithTheSettingNamed()
    {
        var random = new Random(Seed);
        var values = new List<string?>
        {
            null, "", " ", "\0", "changeme", "your-256-bit-secret", "secret", "password123!", "<your key here>",
            new string('A', 43), Convert.ToBase64String(new byte[32]), Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()),
            Convert.ToBase64String(new byte[16]), "====", "!!!!", "a b c d", new string('x', 100_000), "\ud800", "%00%00",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("correct horse battery staple correct horse")),
        };
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 48)];
            random.NextBytes(bytes);
            values.Add(i % 2 == 0 ? Convert.ToBase64String(bytes) : Encoding.Latin1.GetString(bytes));
        }

        var refused = 0;
        var accepted = 0;
        var failures = new List<string>();
        foreach (var value in values)
        {
            var configuration = new DictionaryConfiguration(new() { ["Jwt:SigningKey"] = value });
            try
            {
                var key = SigningKeyLoader.FromConfiguration(configuration, "Jwt:SigningKey", "HS256");
                accepted++;
                if (key.Key.Length < 32)
                {
                    failures.Add($"accepted a {key.Key.Length}-byte HS256 key");
                }
            }
            catch (SecretConfigurationException exception)
            {
                refused++;
                if (!exception.Message.Contains("Jwt:SigningKey", StringComparison.Ordinal))
                {
                    failures.Add($"the refusal does not name the setting: {exception.Message}");
                }

                if (!string.IsNullOrEmpty(value) && value.Length >= 8 && exception.Message.Contains(value, StringComparison.Ordinal))
                {
                    failures.Add("the refusal echoes the secret");
                }
            }
            catch (Exception exception)
            {
                failures.Add($"threw {exception.GetType().Name} instead of SecretConfigurationException: {exception.Message}");
            }
        }

        _output.WriteLine($"[counts] hostile signing keys: {values.Count} values, {refused} refused, {accepted} strong random keys accepted");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(refused > 20, "expected most hostile values to be refused");
    }

    [Fact]
    public void ClientSecrets_HostileValues_AreRefusedOrReturnedUnchanged()
    {
        var random = new Random(Seed);
        var values = new List<string?> { null, "", "   ", "changeme", "secret", "<client-secret>", "${CLIENT_SECRET}", "x", new string('\n', 40) };
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            values.Add(Convert.ToBase64String(bytes));
        }

        var failures = new List<string>();
        foreach (var value in values)
        {
            try
            {
                var checkedValue = ClientSecretLoader.Check("Oidc:ClientSecret", value);
                if (checkedValue != value || string.IsNullOrWhiteSpace(checkedValue) || checkedValue.Length < 16)
                {
                    failures.Add($"accepted a weak or altered secret of length {value?.Length}");
                }
            }
            catch (SecretConfigurationException exception)
            {
                if (!exception.Message.Contains("Oidc:ClientSecret", StringComparison.Ordinal))
                {
                    failures.Add("the refusal does not name the setting");
                }
            }
            catch (Exception exception)
            {
                failures.Add($"threw {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void TokenCookies_HostileOptions_AreRefusedWithArgumentExceptions()
    {
        var hostile = new List<Action>
        {
            () => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.Zero),
            () => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(-1)),
            () => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(5), SameSiteMode.None),
            () => TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(5), SameSiteMode.Unspecified),
            () => TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = "token", Lifetime = TimeSpan.FromMinutes(5) }),
            () => TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = "__Host-t", Lifetime = TimeSpan.FromMinutes(5), Domain = "example.com" }),
            () => TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = "__Host-t", Lifetime = TimeSpan.FromMinutes(5), Path = "/api" }),
            () => TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = "__Host-t;\r\nSet-Cookie: x=y", Lifetime = TimeSpan.FromMinutes(5) }),
            () => TokenCookies.CreateCookieOptions(new TokenCookieOptions { Name = "__Host-", Lifetime = TimeSpan.FromMinutes(5) }),
        };

        for (var i = 0; i < hostile.Count; i++)
        {
            var exception = Record.Exception(hostile[i]);
            Assert.True(exception is ArgumentException, $"hostile cookie option #{i} was not refused with an ArgumentException: {exception?.GetType().Name ?? "accepted"}");
        }

        var safe = TokenCookies.CreateCookieOptions("__Host-token", TimeSpan.FromMinutes(5));
        Assert.True(safe.HttpOnly && safe.Secure && safe.SameSite == SameSiteMode.Strict);
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Shorten(string token) => token.Length <= 120 ? token : token[..120] + "…";
}
