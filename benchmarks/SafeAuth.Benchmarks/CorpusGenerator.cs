namespace SafeAuth.Benchmarks;

/// <summary>
/// A seeded generator of an ASP.NET Core code base: modules of DTOs, services, controllers, minimal-API endpoints and
/// Blazor-style components written in C#, most of which never touch an auth API, plus a few auth files (JwtBearer
/// set-up, token issuing and validation, MSAL and Duende clients) at a realistic density, some of which carry one
/// misuse of a rule family. The same seed always yields the same text. The no-auth variant is the same code base with
/// every auth file replaced by an ordinary service and no auth API anywhere.
/// </summary>
internal sealed partial class CorpusGenerator
{
    /// <summary>One auth file in this many files.</summary>
    private const int AuthFileEvery = 24;

    /// <summary>Each misuse shape appears once per this many lines (at least once).</summary>
    private const int LinesPerMisuse = 50_000;

    private static readonly string[] Nouns =
    {
        "Order", "Customer", "Invoice", "Product", "Shipment", "Ticket", "Payment", "Warehouse", "Supplier", "Contract",
        "Project", "Employee", "Booking", "Subscription", "Refund", "Coupon", "Review", "Report", "Device", "Tenant",
        "Course", "Lesson", "Vehicle", "Route", "Claimant", "Policy", "Quote", "Asset", "Budget", "Campaign",
    };

    private static readonly (string Type, string Name, string Sample, string Validation)[] Fields =
    {
        ("string", "Title", "\"Untitled\"", "[Required, StringLength(200)]"),
        ("decimal", "Amount", "0m", "[Range(0, 1_000_000)]"),
        ("int", "Quantity", "1", "[Range(1, 10_000)]"),
        ("DateTimeOffset", "DueAt", "DateTimeOffset.UtcNow", ""),
        ("bool", "IsPriority", "false", ""),
        ("string?", "Notes", "null", "[StringLength(4000)]"),
        ("string", "Currency", "\"EUR\"", "[Required, RegularExpression(\"^[A-Z]{3}$\")]"),
        ("double", "Weight", "0.0", "[Range(0.0, 50_000.0)]"),
        ("string", "Region", "\"eu-west\"", "[Required]"),
        ("long", "Sequence", "0L", ""),
    };

    /// <summary>The misuse shapes: the current rule families and shapes for families still being written.</summary>
    internal static readonly string[] MisuseShapes =
    {
        "AUTH101:ReadJwtToken", "AUTH101:ReadJsonWebToken", "AUTH101:JwtNetDecode", "AUTH101:JosePayload",
        "AUTH102:RequireSignedTokens", "AUTH103:ValidateAudience", "AUTH104:IgnoredResult", "AUTH105:UnsignedToken",
        "Secrets:HardCodedKey", "Lifetime:ValidateLifetime", "Storage:LocalStorageToken", "NativeSecret:WithClientSecret",
        "Delegates:AlwaysTrueValidator",
    };

    private readonly int _seed;
    private readonly int _targetLines;

    public CorpusGenerator(int seed, int targetLines)
    {
        _seed = seed;
        _targetLines = targetLines;
    }

    /// <summary>The corpus with auth code, and the same corpus with auth code stripped.</summary>
    public (Corpus WithAuth, Corpus WithoutAuth) Generate()
    {
        var withAuth = new List<SourceFile> { Corpus.ImplicitUsings, AppHost(withAuth: true) };
        var withoutAuth = new List<SourceFile> { Corpus.ImplicitUsings, AppHost(withAuth: false) };
        var misuses = new Queue<string>(Enumerable.Range(0, Math.Max(1, _targetLines / LinesPerMisuse))
            .SelectMany(_ => MisuseShapes));
        var lines = withAuth.Sum(f => f.Lines);
        var fileIndex = 0;
        var authIndex = 0;

        // Every misuse shape is placed even in a tiny corpus: auth files come early enough for the queue to drain.
        var authEvery = Math.Max(2, Math.Min(AuthFileEvery, _targetLines / 160 / Math.Max(1, misuses.Count)));
        for (var module = 0; lines < _targetLines || misuses.Count > 0; module++)
        {
            foreach (var kind in ModuleKinds(module))
            {
                var random = new Random(unchecked(_seed * 1_000_003 + fileIndex));
                var noun = Nouns[module % Nouns.Length] + (module / Nouns.Length == 0 ? string.Empty : (module / Nouns.Length).ToString());
                var isAuth = fileIndex % authEvery == authEvery - 1;
                fileIndex++;
                if (isAuth)
                {
                    var misuse = misuses.Count > 0 ? misuses.Dequeue() : null;
                    var auth = AuthFile(random, authIndex++, misuse);
                    withAuth.Add(auth);
                    lines += auth.Lines;
                    withoutAuth.Add(new SourceFile(auth.Path.Replace("Security", "Support", StringComparison.Ordinal),
                        Helper(new Random(unchecked(_seed * 1_000_003 + fileIndex + 500_000_000)), authIndex)));
                }

                var file = kind switch
                {
                    "Dto" => Dto(random, module, noun),
                    "Service" => Service(random, module, noun),
                    "Controller" => Controller(random, module, noun),
                    "Endpoints" => Endpoints(random, module, noun),
                    _ => Component(random, module, noun),
                };
                withAuth.Add(file);
                withoutAuth.Add(file);
                lines += file.Lines;
                if (lines >= _targetLines && misuses.Count == 0)
                {
                    break;
                }
            }
        }

        return (new Corpus("generated", withAuth), new Corpus("generated-no-auth", withoutAuth));
    }

    private static IEnumerable<string> ModuleKinds(int module)
    {
        yield return "Dto";
        yield return "Service";
        yield return module % 3 == 2 ? "Endpoints" : "Controller";
        if (module % 2 == 0)
        {
            yield return "Component";
        }
    }

    private static string Ns(int module) => $"Corpus.Modules.M{module:D4}";

    private static string Lower(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    private static (string Type, string Name, string Sample, string Validation)[] FieldsOf(Random random)
    {
        var count = random.Next(3, Fields.Length);
        return Fields.OrderBy(_ => random.Next()).Take(count).OrderBy(f => Array.IndexOf(Fields, f)).ToArray();
    }

    private static SourceFile AppHost(bool withAuth)
    {
        var w = new CodeWriter();
        w.Line("namespace Corpus;").Line();
        w.Open("public static class AppHost");
        w.Open("public static WebApplication Build(string[] args)");
        w.Line("var builder = WebApplication.CreateBuilder(args);");
        w.Line("builder.Services.AddControllers();");
        w.Line("builder.Services.AddAuthorization();");
        if (withAuth)
        {
            w.Line("Corpus.Security.A0000.AuthSetup0.AddApiAuthentication(builder.Services, builder.Configuration);");
        }

        w.Line("var app = builder.Build();");
        w.Line("app.UseAuthentication();");
        w.Line("app.UseAuthorization();");
        w.Line("app.MapControllers();");
        w.Line("return app;");
        w.Close();
        w.Close();
        return new SourceFile("AppHost.cs", w.ToString());
    }
}
