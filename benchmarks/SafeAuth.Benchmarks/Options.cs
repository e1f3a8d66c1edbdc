using System.Globalization;

namespace SafeAuth.Benchmarks;

/// <summary>Command-line options.</summary>
internal sealed class Options
{
    public int Lines { get; private set; } = 200_000;
    public int Runs { get; private set; } = 3;
    public int Seed { get; private set; } = 9;
    public string? CorpusDirectory { get; private set; }
    public string Out { get; private set; } = "benchmark-results.json";
    public bool Scaling { get; private set; }
    public string? DumpCorpus { get; private set; }
    public bool SkipNetAnalyzers { get; private set; }
    public bool ListFindings { get; private set; }
    public int RuntimeIterations { get; private set; }

    public const string Usage = """
        SafeAuth.Benchmarks: analyzer cost against compile time and against NetAnalyzers CA5404/CA5405.

          --lines N        size of the generated corpus in lines (default 200000)
          --corpus DIR     measure a real C# tree instead (every *.cs below DIR, bin/ and obj/ skipped)
          --seed N         generator seed (default 9)
          --runs N         measured runs after one warm-up; the median is reported (default 3)
          --out PATH       where to write the JSON results (default ./benchmark-results.json)
          --scaling        also measure 50k/100k/200k-line corpora and report the allocation slope
          --dump-corpus D  write the generated corpus (and its no-auth variant) to D and continue
          --no-netanalyzers  skip the NetAnalyzers comparison
          --findings       list every SafeAuth, CA5404 and CA5405 finding of the last run (file, line, message)
          --runtime N      instead: time StrictJwtValidator on N validations per token kind (RS256, ES256, HS256,
                           forged, oversized) and write those microseconds to --out
          --help           this text
        """;

    public static Options? Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value");
                }

                return args[++i];
            }

            int Number(int min)
            {
                var name = args[i];
                var text = Value().Replace("_", string.Empty, StringComparison.Ordinal);
                var multiplier = 1;
                if (text.EndsWith('k') || text.EndsWith('K'))
                {
                    multiplier = 1000;
                    text = text[..^1];
                }

                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n * multiplier < min)
                {
                    throw new ArgumentException($"{name} needs a whole number of at least {min}");
                }

                return n * multiplier;
            }

            switch (args[i])
            {
                case "--lines": options.Lines = Number(100); break;
                case "--runs": options.Runs = Number(1); break;
                case "--seed": options.Seed = Number(0); break;
                case "--corpus": options.CorpusDirectory = Value(); break;
                case "--out": options.Out = Value(); break;
                case "--scaling": options.Scaling = true; break;
                case "--dump-corpus": options.DumpCorpus = Value(); break;
                case "--no-netanalyzers": options.SkipNetAnalyzers = true; break;
                case "--findings": options.ListFindings = true; break;
                case "--runtime": options.RuntimeIterations = Number(1); break;
                case "--help" or "-h" or "-?": return null;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (options.CorpusDirectory is not null && !Directory.Exists(options.CorpusDirectory))
        {
            throw new ArgumentException($"--corpus {options.CorpusDirectory}: no such directory");
        }

        return options;
    }
}
