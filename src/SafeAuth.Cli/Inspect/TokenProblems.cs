using SafeAuth.Tokens;

namespace SafeAuth.Cli.Inspect;

/// <summary>One problem a token shows on its face (RFC 8725 names most of them).</summary>
/// <param name="Code">A stable short name, e.g. alg-none.</param>
/// <param name="Message">What is wrong and why it matters.</param>
public sealed record TokenProblem(string Code, string Message);

/// <summary>The problems RFC 8725 (JWT best current practices) and RFC 7519 let a reader see without the key.</summary>
public static class TokenProblems
{
    private static readonly string[] EmbeddedKeyHeaders = { "jwk", "jku", "x5u", "x5c" };

    /// <summary>The longest lifetime (exp − iat/nbf) not reported: SafeAuth's runtime validator's default cap.</summary>
    public static TimeSpan LongLifetime { get; } = StrictJwtValidationOptions.DefaultMaxTokenLifetime;

    /// <summary>Every problem of <paramref name="token"/> at <paramref name="now"/>.</summary>
    public static IReadOnlyList<TokenProblem> Find(DecodedToken token, DateTimeOffset now)
    {
        var problems = new List<TokenProblem>();
        Header(token, problems);
        Times(token, now, problems);
        if (token.ClaimString("iss") is null)
        {
            problems.Add(new("missing-iss", "no 'iss' claim: a validator cannot tell which issuer's keys apply (RFC 8725 §3.8)."));
        }

        if (token.Audiences.Count == 0)
        {
            problems.Add(new("missing-aud", "no 'aud' claim: a token meant for one service is accepted by every service that trusts the issuer (RFC 8725 §3.9)."));
        }

        return problems;
    }

    private static void Header(DecodedToken token, List<TokenProblem> problems)
    {
        var alg = token.HeaderString("alg");
        if (alg is null)
        {
            problems.Add(new("missing-alg", "no 'alg' header (or not a string): RFC 7515 requires it."));
        }
        else if (alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("alg-none", $"'alg' is '{alg}': the token is unsigned, and anyone can write one (RFC 8725 §3.1)."));
        }

        if (token.SignatureLength == 0 && alg is not null && !alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("empty-signature", $"the signature segment is empty although 'alg' is '{alg}'."));
        }

        if (token.HeaderString("typ") is null)
        {
            problems.Add(new("missing-typ", "no 'typ' header: without explicit typing one kind of token can be replayed as another (RFC 8725 §3.11)."));
        }

        foreach (var name in EmbeddedKeyHeaders.Where(n => token.Header[n] is not null))
        {
            problems.Add(new("embedded-key", $"the header carries '{name}': a validator that uses it lets the sender choose the key that verifies the token."));
        }

        if (token.Header["crit"] is not null)
        {
            problems.Add(new("crit", "the header carries 'crit': a validator must reject the token unless it understands every listed extension (RFC 7515 §4.1.11)."));
        }

        if (token.HeaderString("kid") is { } kid && (kid.Contains("..", StringComparison.Ordinal) || kid.IndexOfAny(new[] { '/', '\\', '\'', ';', '|' }) >= 0))
        {
            problems.Add(new("suspicious-kid", "the 'kid' holds path or query characters: a key lookup that builds a path or a query from it can be steered (RFC 8725 §3.10)."));
        }
    }

    private static void Times(DecodedToken token, DateTimeOffset now, List<TokenProblem> problems)
    {
        var exp = token.ClaimTime("exp");
        var iat = token.ClaimTime("iat");
        var nbf = token.ClaimTime("nbf");
        if (exp is null)
        {
            problems.Add(new("missing-exp", token.Payload["exp"] is null
                ? "no 'exp' claim: the token never expires, so a leaked copy works forever."
                : "'exp' is not a NumericDate (seconds since 1970): validators reject or ignore it."));
        }
        else if (exp <= now)
        {
            problems.Add(new("expired", $"expired {TimeText.Relative(exp.Value, now)} ({TimeText.Utc(exp.Value)})."));
        }

        if (nbf is { } notBefore && notBefore > now)
        {
            problems.Add(new("not-yet-valid", $"not valid before {TimeText.Utc(notBefore)} ({TimeText.Relative(notBefore, now)})."));
        }

        if (iat is { } issued && issued > now.AddMinutes(5))
        {
            problems.Add(new("issued-in-future", $"'iat' is in the future: {TimeText.Utc(issued)}."));
        }

        if (exp is { } expires && (iat ?? nbf) is { } start && expires - start > LongLifetime)
        {
            problems.Add(new("long-lifetime", $"lives {TimeText.Span(expires - start)}, longer than {TimeText.Span(LongLifetime)}: a stolen token stays useful that long."));
        }
    }
}

/// <summary>Times as the inspector prints them.</summary>
public static class TimeText
{
    /// <summary>ISO 8601 UTC.</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"in 3 h 5 min" or "2 d ago".</summary>
    public static string Relative(DateTimeOffset time, DateTimeOffset now)
        => time >= now ? "in " + Span(time - now) : Span(now - time) + " ago";

    /// <summary>A duration in its two largest units.</summary>
    public static string Span(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays} d {span.Hours} h";
        }

        if (span.TotalHours >= 1)
        {
            return $"{(int)span.TotalHours} h {span.Minutes} min";
        }

        return span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{(int)span.TotalSeconds} s";
    }
}
