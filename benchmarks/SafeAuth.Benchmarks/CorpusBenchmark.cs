using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Benchmarks;

/// <summary>
/// Measures one corpus: a warm-up run, then <c>runs</c> measured runs of the compile, SafeAuth, CA5404+CA5405, the
/// allocations inside SafeAuth's callbacks and the no-auth path; every figure is the median of the measured runs.
/// </summary>
internal sealed class CorpusBenchmark
{
    private readonly Options _options;
    private readonly ImmutableArray<DiagnosticAnalyzer> _safeAuth;
    private readonly ImmutableArray<DiagnosticAnalyzer> _netAnalyzers;

    public CorpusBenchmark(Options options, ImmutableArray<DiagnosticAnalyzer> safeAuth, ImmutableArray<DiagnosticAnalyzer> netAnalyzers)
    {
        _options = options;
        _safeAuth = safeAuth;
        _netAnalyzers = netAnalyzers;
    }

    public CorpusMeasurement Measure(int lines, string? directory, int runs, bool verbose, string? dumpTo)
    {
        var corpus = Load(lines, directory, verbose, dumpTo);
        var enabled = _safeAuth.Concat(_netAnalyzers).ToArray();
        var harness = new Harness(corpus.Trees, CompilationReferences.WithAuthLibraries, enabled);
        var noAuthHarness = new Harness(corpus.NoAuthTrees, CompilationReferences.WithoutAuthLibraries, enabled);
        var metadataNames = AnalyzerSets.SafeAuthMetadataNames();
        var samples = new List<RunSample>();
        var errors = 0;
        for (var run = 0; run <= runs; run++)
        {
            var sample = RunOnce(harness, noAuthHarness, metadataNames, run, verbose, out var compilerDiagnostics);
            if (run == 0)
            {
                errors = ReportCompilerErrors(compilerDiagnostics, verbose);
            }
            else
            {
                samples.Add(sample);
            }
        }

        if (verbose && _options.ListFindings)
        {
            PrintFindings(samples[^1]);
        }

        return Summarize(corpus, samples, errors, metadataNames.Count);
    }

    private LoadedCorpus Load(int lines, string? directory, bool verbose, string? dumpTo)
    {
        var generate = Stopwatch.StartNew();
        Corpus withAuth, withoutAuth;
        if (directory is null)
        {
            (withAuth, withoutAuth) = new CorpusGenerator(_options.Seed, lines).Generate();
        }
        else
        {
            // A real tree cannot be stripped of its auth code: the same files are compiled without the auth libraries,
            // which is what the bail-out path sees (the watched types do not resolve).
            withAuth = Corpus.Load(directory);
            withoutAuth = withAuth;
        }

        if (dumpTo is not null)
        {
            withAuth.WriteTo(Path.Combine(dumpTo, "with-auth"));
            withoutAuth.WriteTo(Path.Combine(dumpTo, "without-auth"));
        }

        var parse = Stopwatch.StartNew();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        ImmutableArray<SyntaxTree> Parse(Corpus corpus) => corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path))
            .ToImmutableArray();
        var trees = Parse(withAuth);
        var parseMs = parse.Elapsed.TotalMilliseconds;
        var noAuthTrees = ReferenceEquals(withAuth, withoutAuth) ? trees : Parse(withoutAuth);
        if (verbose)
        {
            Console.WriteLine($"Corpus: {withAuth.Name}, {withAuth.Files.Count:N0} files, {withAuth.Lines:N0} lines (no-auth variant {withoutAuth.Lines:N0} lines); generated in {generate.Elapsed.TotalMilliseconds - parseMs:F0} ms, parsed in {parseMs:F0} ms");
        }

        return new LoadedCorpus(withAuth, withoutAuth, trees, noAuthTrees, parseMs);
    }

    private RunSample RunOnce(Harness harness, Harness noAuthHarness, IReadOnlyList<string> metadataNames, int run, bool verbose, out ImmutableArray<Diagnostic> compilerDiagnostics)
    {
        var c = harness.Compile(out compilerDiagnostics);
        var s = harness.Analyze(_safeAuth);
        var a = harness.AllocationsInCallbacks(_safeAuth);
        var n = _netAnalyzers.IsEmpty ? null : harness.Analyze(_netAnalyzers);
        var o = noAuthHarness.Analyze(_safeAuth);
        var (ft, ftb, l, lb) = noAuthHarness.ColdTypeLookups(metadataNames);
        var om = noAuthHarness.AllocationsInCallbacks(_safeAuth);
        var (aft, _, _, _) = harness.ColdTypeLookups(metadataNames);
        if (verbose)
        {
            Console.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}"),-8} compile {c.WallMs,8:F0} ms | SafeAuth {s.AnalyzerMs,8:F1} ms (wall {s.WallMs,6:F0}) | allocated {a.Bytes.Values.Sum() / 1048576.0,6:F2} MiB | CA5404+CA5405 {n?.AnalyzerMs ?? 0,7:F1} ms | no-auth SafeAuth {o.AnalyzerMs,6:F2} ms | load {Machine.LoadAverageNow()}");
        }

        return new RunSample(c, s, a, n, o, l, ft, ftb, lb, om, aft);
    }

    private static int ReportCompilerErrors(ImmutableArray<Diagnostic> diagnostics, bool verbose)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (verbose && errors.Count > 0)
        {
            Console.WriteLine($"  note: the corpus has {errors.Count} compiler errors; first ones:");
            foreach (var d in errors.Take(5))
            {
                Console.WriteLine($"    {d}");
            }
        }

        return errors.Count;
    }

    private static void PrintFindings(RunSample last)
    {
        foreach (var d in last.SafeAuth.Diagnostics.Concat(last.Net?.Diagnostics ?? ImmutableArray<Diagnostic>.Empty)
                     .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            Console.WriteLine($"  finding: {d.Id} {d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static CorpusMeasurement Summarize(LoadedCorpus corpus, List<RunSample> samples, int errors, int metadataNameCount)
    {
        var safe = samples.Select(s => s.SafeAuth).ToList();
        var net = samples.Where(s => s.Net is not null).Select(s => s.Net!).ToList();
        var noAuth = samples.Select(s => s.NoAuth).ToList();
        var allocations = samples.Select(s => s.Allocations).ToList();
        var noAuthMetered = samples.Select(s => s.NoAuthAllocations).ToList();
        var findings = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, count) in safe[^1].Findings.Concat(net.Count > 0 ? net[^1].Findings : Enumerable.Empty<KeyValuePair<string, int>>()))
        {
            findings[id] = count;
        }

        return new CorpusMeasurement
        {
            Lines = corpus.WithAuth.Lines,
            Files = corpus.WithAuth.Files.Count,
            NoAuthLines = corpus.WithoutAuth.Lines,
            CompilerErrors = errors,
            ParseMs = Math.Round(corpus.ParseMs, 1),
            CompileMs = Math.Round(Stats.Median(samples.Select(s => s.Compile.WallMs)), 1),
            CompileAllocatedBytes = Stats.Median(samples.Select(s => s.Compile.AllocatedBytes)),
            SafeAuthMs = Math.Round(Stats.Median(safe.Select(s => s.AnalyzerMs)), 3),
            SafeAuthWallMs = Math.Round(Stats.Median(safe.Select(s => s.WallMs)), 1),
            SafeAuthRunAllocatedBytes = Stats.Median(safe.Select(s => s.AllocatedBytes)),
            SafeAuthAllocatedBytes = Stats.Median(allocations.Select(a => a.Bytes.Values.Sum())),
            SafeAuthStartAllocatedBytes = Stats.Median(allocations.Select(a => a.StartBytes.Values.Sum())),
            SafeAuthStartMs = Math.Round(Stats.Median(allocations.Select(a => a.StartMs.Values.Sum())), 3),
            PerRuleStartAllocatedBytes = MedianPerKey(allocations, a => a.StartBytes),
            PerRuleCompilationStartMs = MedianPerKey(allocations, a => a.StartMs, 3),
            PerRuleAllocatedBytes = MedianPerKey(allocations, a => a.Bytes),
            AllocationMeteredInPart = allocations[^1].Partial,
            NetAnalyzersMs = Math.Round(Stats.Median(net.Select(s => s.AnalyzerMs)), 3),
            NetAnalyzersPerRuleMs = MedianPerKey(net, s => s.PerRuleMs, 3),
            ColdTypeLookupMs = Math.Round(Stats.Median(samples.Select(s => s.LookupMs)), 3),
            MetadataNameCount = metadataNameCount,
            FirstTouchMs = Math.Round(Stats.Median(samples.Select(s => s.FirstTouchMs)), 3),
            AuthFirstTouchMs = Math.Round(Stats.Median(samples.Select(s => s.AuthFirstTouchMs)), 3),
            FirstTouchBytes = Stats.Median(samples.Select(s => s.FirstTouchBytes)),
            ColdTypeLookupBytes = Stats.Median(samples.Select(s => s.LookupBytes)),
            NoAuthAllocatedBytes = Stats.Median(noAuthMetered.Select(a => a.Bytes.Values.Sum())),
            NoAuthStartAllocatedBytes = Stats.Median(noAuthMetered.Select(a => a.StartBytes.Values.Sum())),
            NoAuthStartMs = Math.Round(Stats.Median(noAuthMetered.Select(a => a.StartMs.Values.Sum())), 3),
            NoAuthMs = Math.Round(Stats.Median(noAuth.Select(s => s.AnalyzerMs)), 4),
            PerRuleMs = MedianPerKey(safe, s => s.PerRuleMs, 3),
            NoAuthPerRuleMs = MedianPerKey(noAuth, s => s.PerRuleMs, 4),
            Findings = findings,
        };
    }

    private static Dictionary<string, double> MedianPerKey<T>(IReadOnlyCollection<T> samples, Func<T, IReadOnlyDictionary<string, double>> values, int digits) =>
        samples.SelectMany(s => values(s).Keys).Distinct()
            .ToDictionary(k => k, k => Math.Round(Stats.Median(samples.Select(s => values(s).GetValueOrDefault(k))), digits), StringComparer.Ordinal);

    private static Dictionary<string, long> MedianPerKey<T>(IReadOnlyCollection<T> samples, Func<T, IReadOnlyDictionary<string, long>> values) =>
        samples.SelectMany(s => values(s).Keys).Distinct()
            .ToDictionary(k => k, k => Stats.Median(samples.Select(s => values(s).GetValueOrDefault(k))), StringComparer.Ordinal);

    private sealed record LoadedCorpus(Corpus WithAuth, Corpus WithoutAuth, ImmutableArray<SyntaxTree> Trees, ImmutableArray<SyntaxTree> NoAuthTrees, double ParseMs);

    private sealed record RunSample(
        Sample Compile,
        Sample SafeAuth,
        Harness.Metered Allocations,
        Sample? Net,
        Sample NoAuth,
        double LookupMs,
        double FirstTouchMs,
        long FirstTouchBytes,
        long LookupBytes,
        Harness.Metered NoAuthAllocations,
        double AuthFirstTouchMs);
}
