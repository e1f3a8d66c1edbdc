using System.Text.Json;
using System.Text.Json.Nodes;
using SafeAuth.Tokens;
using Spectre.Console;

namespace SafeAuth.Cli.Inspect;

/// <summary>What <c>safeauth inspect</c> was asked to do.</summary>
public sealed class InspectSettings
{
    /// <summary>The token text, or "-" for standard input.</summary>
    public required string Token { get; init; }

    /// <summary>A PEM key or certificate, or a JWK, to verify with.</summary>
    public string? KeyFile { get; init; }

    /// <summary>A JWKS file to verify with.</summary>
    public string? JwksFile { get; init; }

    /// <summary>An environment variable holding an HMAC secret.</summary>
    public string? SecretVariable { get; init; }

    /// <summary>The issuer the token must name; its own 'iss' when null.</summary>
    public string? Issuer { get; init; }

    /// <summary>The audience the token must name; its first 'aud' when null.</summary>
    public string? Audience { get; init; }

    /// <summary>Print JSON instead of text.</summary>
    public bool Json { get; init; }
}

/// <summary>What the strict validator said.</summary>
/// <param name="IsValid">Whether it accepted the token.</param>
/// <param name="Failure">The check that rejected it (a <see cref="JwtValidationFailure"/> name, or KeyRefused).</param>
/// <param name="Message">Why.</param>
public sealed record Verdict(bool IsValid, string? Failure, string? Message);

/// <summary>
/// <c>safeauth inspect</c>: decodes a JWT offline (nothing leaves the machine), shows its header and claims, checks it with
/// SafeAuth's strict validator when a key is given, and lists the problems RFC 8725 names. Exit 0 valid, 1 problems
/// (or the validator rejected it), 2 not a usable token or key.
/// </summary>
public static class InspectCommand
{
    private static readonly string[] TimeClaims = { "exp", "nbf", "iat", "auth_time" };

    /// <summary>Runs the inspection; returns the exit code.</summary>
    public static async Task<int> RunAsync(InspectSettings settings, TextReader input, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var text = settings.Token == "-" ? await input.ReadToEndAsync().ConfigureAwait(false) : settings.Token;
        DecodedToken token;
        VerificationKeys? keys;
        try
        {
            token = DecodedToken.Decode(text);
            keys = VerificationKeys.Load(settings.KeyFile, settings.JwksFile, settings.SecretVariable, token.HeaderString("alg"));
        }
        catch (Exception e) when (e is FormatException or KeyInputException)
        {
            error.WriteLine("safeauth inspect: " + e.Message);
            return 2;
        }

        var problems = TokenProblems.Find(token, now);
        var verdict = keys is null ? null : await VerifyAsync(token, keys, settings).ConfigureAwait(false);
        if (settings.Json)
        {
            output.WriteLine(JsonText(token, problems, keys, verdict, now));
        }
        else
        {
            WriteText(Consoles.For(output), token, problems, keys, verdict, now);
        }

        return problems.Count == 0 && verdict is null or { IsValid: true } ? 0 : 1;
    }

    private static async Task<Verdict> VerifyAsync(DecodedToken token, VerificationKeys keys, InspectSettings settings)
    {
        var options = new StrictJwtValidationOptions
        {
            ValidAudience = settings.Audience ?? token.Audiences.FirstOrDefault() ?? "(the token names no audience)",
        };
        options.AddIssuer(settings.Issuer ?? token.ClaimString("iss") ?? "(the token names no issuer)", keys.Keys.ToArray());
        StrictJwtValidator validator;
        try
        {
            validator = new StrictJwtValidator(options);
        }
        catch (ArgumentException e)
        {
            return new Verdict(false, "KeyRefused", "the key is refused: " + e.Message);
        }

        var result = await validator.ValidateAsync(token.Text).ConfigureAwait(false);
        return new Verdict(result.IsValid, result.IsValid ? null : result.Failure.ToString(), result.FailureMessage);
    }

    private static void WriteText(IAnsiConsole console, DecodedToken token, IReadOnlyList<TokenProblem> problems, VerificationKeys? keys, Verdict? verdict, DateTimeOffset now)
    {
        console.MarkupLine("[bold]Header[/]");
        console.WriteLine(token.Header.ToJsonString(SafeAuth.Cli.Reports.JsonOutput.Options));
        var claims = new Table().Border(TableBorder.Rounded).AddColumn("Claim").AddColumn("Value");
        foreach (var (name, value) in token.Payload)
        {
            var shown = value?.ToJsonString() ?? "null";
            if (TimeClaims.Contains(name) && token.ClaimTime(name) is { } time)
            {
                claims.AddRow(Markup.Escape(name), $"{Markup.Escape(shown)}  [dim]{TimeText.Utc(time)}, {TimeText.Relative(time, now)}[/]");
                continue;
            }

            claims.AddRow(Markup.Escape(name), Markup.Escape(shown));
        }

        console.MarkupLine("[bold]Claims[/]");
        console.Write(claims);
        console.MarkupLine(verdict switch
        {
            null => "[bold]Verification[/] not done (give --key, --jwks or --secret-env)",
            { IsValid: true } => $"[bold]Verification[/] [green]valid[/]: SafeAuth's strict validator accepts the token with {Markup.Escape(keys!.Description)}",
            _ => $"[bold]Verification[/] [red]rejected[/] by SafeAuth's strict validator with {Markup.Escape(keys!.Description)}: {verdict.Failure}: {Markup.Escape(verdict.Message ?? "")}",
        });
        if (problems.Count == 0)
        {
            console.MarkupLine("[bold]Problems[/] [green]none[/]");
            return;
        }

        console.MarkupLine($"[bold]Problems[/] ({problems.Count})");
        foreach (var problem in problems)
        {
            console.MarkupLine($"  [yellow]{problem.Code}[/] {Markup.Escape(problem.Message)}");
        }
    }

    private static string JsonText(DecodedToken token, IReadOnlyList<TokenProblem> problems, VerificationKeys? keys, Verdict? verdict, DateTimeOffset now)
    {
        var times = new JsonObject();
        foreach (var name in TimeClaims)
        {
            if (token.ClaimTime(name) is { } time)
            {
                times[name] = new JsonObject { ["utc"] = time.UtcDateTime.ToString("O"), ["relative"] = TimeText.Relative(time, now) };
            }
        }

        var document = new JsonObject
        {
            ["header"] = token.Header.DeepClone(),
            ["claims"] = token.Payload.DeepClone(),
            ["times"] = times,
            ["verification"] = verdict is null ? null : new JsonObject
            {
                ["key"] = keys!.Description,
                ["valid"] = verdict.IsValid,
                ["failure"] = verdict.Failure,
                ["message"] = verdict.Message,
            },
            ["problems"] = new JsonArray(problems.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["message"] = p.Message }).ToArray()),
        };
        return document.ToJsonString(SafeAuth.Cli.Reports.JsonOutput.Options);
    }
}
