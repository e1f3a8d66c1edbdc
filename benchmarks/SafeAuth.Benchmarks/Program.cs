using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Benchmarks;

Options? options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

var total = Stopwatch.StartNew();
var safeAuth = AnalyzerSets.SafeAuth();
if (safeAuth.IsEmpty)
{
    Console.Error.WriteLine("No [DiagnosticAnalyzer] was found in SafeAuth.Analyzers.");
    return 1;
}

ImmutableArray<DiagnosticAnalyzer> netAnalyzers = ImmutableArray<DiagnosticAnalyzer>.Empty;
string? netAnalyzersSource = null;
if (!options.SkipNetAnalyzers)
{
    (netAnalyzers, netAnalyzersSource) = AnalyzerSets.NetAnalyzersSecurity();
    var found = netAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    var missing = AnalyzerSets.NetAnalyzersSecurityIds.Where(id => !found.Contains(id)).ToArray();
    if (missing.Length > 0)
    {
        Console.Error.WriteLine($"NetAnalyzers in {netAnalyzersSource} has no analyzer for {string.Join(", ", missing)}.");
        return 1;
    }
}

Console.WriteLine($"SafeAuth analyzers ({safeAuth.Length}): {string.Join(", ", safeAuth.Select(a => $"{AnalyzerSets.RuleIdsOf(a)} {a.GetType().Name}"))}");
if (netAnalyzersSource is not null)
{
    Console.WriteLine($"NetAnalyzers ({netAnalyzers.Length}) from {netAnalyzersSource}: {string.Join(", ", netAnalyzers.Select(a => $"{AnalyzerSets.RuleIdsOf(a)} {a.GetType().Name}"))}");
}

var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Os}, .NET {machine.Runtime}, Roslyn {machine.Roslyn}; load before: {machine.LoadAverage}");

var main = MeasureCorpus(options.Lines, options.CorpusDirectory, options.Runs, verbose: true, dumpTo: options.DumpCorpus);
var results = new Results
{
    Corpus = options.CorpusDirectory is null ? $"generated (seed {options.Seed})" : Path.GetFullPath(options.CorpusDirectory),
    CorpusLines = main.Lines,
    CorpusFiles = main.Files,
    NoAuthCorpusLines = main.NoAuthLines,
    CompilerErrors = main.CompilerErrors,
    ParseMs = main.ParseMs,
    CompileMs = main.CompileMs,
    SafeAuthMs = main.SafeAuthMs,
    SafeAuthWallMs = main.SafeAuthWallMs,
    SafeAuthAllocatedBytes = main.SafeAuthAllocatedBytes,
    CompileAllocatedBytes = main.CompileAllocatedBytes,
    PerRuleAllocatedBytes = main.PerRuleAllocatedBytes,
    SafeAuthCompilationStartAllocatedBytes = main.SafeAuthStartAllocatedBytes,
    SafeAuthCompilationStartMs = main.SafeAuthStartMs,
    PerRuleCompilationStartAllocatedBytes = main.PerRuleStartAllocatedBytes,
    PerRuleCompilationStartMs = main.PerRuleCompilationStartMs,
    AllocationMeteredInPart = main.AllocationMeteredInPart,
    SafeAuthRunAllocatedBytes = main.SafeAuthRunAllocatedBytes,
    NetAnalyzersSecurityMs = main.NetAnalyzersMs,
    NetAnalyzersPerRuleMs = main.NetAnalyzersPerRuleMs,
    NoAuthReferenceMs = main.NoAuthMs,
    NoAuthColdTypeLookupMs = main.ColdTypeLookupMs,
    NoAuthFirstTouchMs = main.FirstTouchMs,
    FirstTouchMs = main.AuthFirstTouchMs,
    NoAuthFirstTouchAllocatedBytes = main.FirstTouchBytes,
    NoAuthColdTypeLookupAllocatedBytes = main.ColdTypeLookupBytes,
    NoAuthAllocatedBytes = main.NoAuthAllocatedBytes,
    NoAuthCompilationStartAllocatedBytes = main.NoAuthStartAllocatedBytes,
    NoAuthCompilationStartMs = main.NoAuthStartMs,
    SafeAuthMetadataNames = main.MetadataNameCount,
    NoAuthPerRuleMs = main.NoAuthPerRuleMs,
    NoAuthReferenceMsPer10kLines = main.NoAuthLines == 0 ? 0 : Math.Round(main.NoAuthMs / main.NoAuthLines * 10_000, 4),
    PerRuleMs = main.PerRuleMs,
    Findings = main.Findings,
    Runs = options.Runs,
    Seed = options.Seed,
    Machine = machine,
    Method = Results.MethodText,
    NetAnalyzersSource = netAnalyzersSource,
};

if (options.Scaling && options.CorpusDirectory is null)
{
    var points = new List<ScalingPoint>();
    foreach (var lines in new[] { 50_000, 100_000, 200_000 })
    {
        var m = lines == options.Lines ? main : MeasureCorpus(lines, null, options.Runs, verbose: false, dumpTo: null);
        points.Add(new ScalingPoint(m.Lines, m.SafeAuthAllocatedBytes, m.SafeAuthMs, m.CompileMs, m.NoAuthMs, m.NoAuthLines));
        Console.WriteLine($"  scaling: {m.Lines,8:N0} lines  SafeAuth {m.SafeAuthMs,8:F1} ms  allocated {m.SafeAuthAllocatedBytes / 1048576.0,8:F2} MiB  compile {m.CompileMs,9:F0} ms");
    }

    var fit = Stats.Fit(points.Select(p => ((double)p.Lines, (double)p.SafeAuthAllocatedBytes)).ToList());
    results.Scaling = points;
    results.AllocationSlopeBytesPerLine = Math.Round(fit.Slope, 2);
    results.AllocationInterceptBytes = Math.Round(fit.Intercept);
    results.AllocationRSquared = Math.Round(fit.RSquared, 4);
    var time = Stats.Fit(points.Select(p => ((double)p.Lines, p.SafeAuthMs)).ToList());
    results.SafeAuthMsPer10kLinesSlope = Math.Round(time.Slope * 10_000, 4);
    results.SafeAuthFixedMs = Math.Round(time.Intercept, 3);
    var noAuthTime = Stats.Fit(points.Select(p => ((double)p.NoAuthLines, p.NoAuthReferenceMs)).ToList());
    results.NoAuthMsPer10kLinesSlope = Math.Round(noAuthTime.Slope * 10_000, 4);
    results.NoAuthFixedMs = Math.Round(noAuthTime.Intercept, 3);
}

results.Finish(Machine.LoadAverageNow());
Report.Print(results, safeAuth);
Report.WriteJson(results, options.Out);
Console.WriteLine($"Wrote {Path.GetFullPath(options.Out)} in {total.Elapsed.TotalSeconds:F0} s total.");
return 0;

CorpusMeasurement MeasureCorpus(int lines, string? directory, int runs, bool verbose, string? dumpTo)
{
    var generate = Stopwatch.StartNew();
    Corpus withAuth, withoutAuth;
    if (directory is null)
    {
        (withAuth, withoutAuth) = new CorpusGenerator(options.Seed, lines).Generate();
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

    var enabled = safeAuth.Concat(netAnalyzers).ToArray();
    var harness = new Harness(trees, CompilationReferences.WithAuthLibraries, enabled);
    var noAuthHarness = new Harness(noAuthTrees, CompilationReferences.WithoutAuthLibraries, enabled);

    var compile = new List<Sample>();
    var safe = new List<Sample>();
    var allocations = new List<Harness.Metered>();
    IReadOnlyList<string> partial = Array.Empty<string>();
    var net = new List<Sample>();
    var noAuth = new List<Sample>();
    var errors = 0;
    var lookups = new List<double>();
    var firstTouch = new List<double>();
    var firstTouchBytes = new List<long>();
    var lookupBytes = new List<long>();
    var noAuthMetered = new List<Harness.Metered>();
    var authFirstTouch = new List<double>();
    var metadataNames = AnalyzerSets.SafeAuthMetadataNames();
    for (var run = 0; run <= runs; run++)
    {
        var warmUp = run == 0;
        var c = harness.Compile(out var diagnostics);
        if (warmUp)
        {
            errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (verbose && errors > 0)
            {
                Console.WriteLine($"  note: the corpus has {errors} compiler errors; first ones:");
                foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
                {
                    Console.WriteLine($"    {d}");
                }
            }
        }

        var s = harness.Analyze(safeAuth);
        var a = harness.AllocationsInCallbacks(safeAuth);
        partial = a.Partial;
        var n = netAnalyzers.IsEmpty ? null : harness.Analyze(netAnalyzers);
        var o = noAuthHarness.Analyze(safeAuth);
        var (ft, ftb, l, lb) = noAuthHarness.ColdTypeLookups(metadataNames);
        var om = noAuthHarness.AllocationsInCallbacks(safeAuth);
        var (aft, _, _, _) = harness.ColdTypeLookups(metadataNames);
        if (verbose)
        {
            Console.WriteLine($"  {(warmUp ? "warm-up" : $"run {run}"),-8} compile {c.WallMs,8:F0} ms | SafeAuth {s.AnalyzerMs,8:F1} ms (wall {s.WallMs,6:F0}) | allocated {a.Bytes.Values.Sum() / 1048576.0,6:F2} MiB | CA5404+CA5405 {n?.AnalyzerMs ?? 0,7:F1} ms | no-auth SafeAuth {o.AnalyzerMs,6:F2} ms | load {Machine.LoadAverageNow()}");
        }

        if (!warmUp)
        {
            compile.Add(c);
            safe.Add(s);
            allocations.Add(a);
            if (n is not null)
            {
                net.Add(n);
            }

            noAuth.Add(o);
            lookups.Add(l);
            firstTouch.Add(ft);
            firstTouchBytes.Add(ftb);
            lookupBytes.Add(lb);
            noAuthMetered.Add(om);
            authFirstTouch.Add(aft);
        }
    }

    if (verbose && options.ListFindings)
    {
        foreach (var d in safe[^1].Diagnostics.Concat(net.Count > 0 ? net[^1].Diagnostics : ImmutableArray<Diagnostic>.Empty)
                     .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            Console.WriteLine($"  finding: {d.Id} {d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    var perRule = safe.SelectMany(s => s.PerRuleMs.Keys).Distinct()
        .ToDictionary(k => k, k => Math.Round(Stats.Median(safe.Select(s => s.PerRuleMs.GetValueOrDefault(k))), 3), StringComparer.Ordinal);
    var noAuthPerRule = noAuth.SelectMany(s => s.PerRuleMs.Keys).Distinct()
        .ToDictionary(k => k, k => Math.Round(Stats.Median(noAuth.Select(s => s.PerRuleMs.GetValueOrDefault(k))), 4), StringComparer.Ordinal);
    var netPerRule = net.SelectMany(s => s.PerRuleMs.Keys).Distinct()
        .ToDictionary(k => k, k => Math.Round(Stats.Median(net.Select(s => s.PerRuleMs.GetValueOrDefault(k))), 3), StringComparer.Ordinal);
    var findings = new SortedDictionary<string, int>(StringComparer.Ordinal);
    foreach (var (id, count) in safe[^1].Findings.Concat(net.Count > 0 ? net[^1].Findings : Enumerable.Empty<KeyValuePair<string, int>>()))
    {
        findings[id] = count;
    }

    var perRuleAllocated = allocations.SelectMany(a => a.Bytes.Keys).Distinct()
        .ToDictionary(k => k, k => Stats.Median(allocations.Select(a => a.Bytes.GetValueOrDefault(k))), StringComparer.Ordinal);
    var perRuleStartAllocated = allocations.SelectMany(a => a.StartBytes.Keys).Distinct()
        .ToDictionary(k => k, k => Stats.Median(allocations.Select(a => a.StartBytes.GetValueOrDefault(k))), StringComparer.Ordinal);
    var perRuleStartMs = allocations.SelectMany(a => a.StartMs.Keys).Distinct()
        .ToDictionary(k => k, k => Math.Round(Stats.Median(allocations.Select(a => a.StartMs.GetValueOrDefault(k))), 3), StringComparer.Ordinal);
    return new CorpusMeasurement
    {
        Lines = withAuth.Lines,
        Files = withAuth.Files.Count,
        NoAuthLines = withoutAuth.Lines,
        CompilerErrors = errors,
        ParseMs = Math.Round(parseMs, 1),
        CompileMs = Math.Round(Stats.Median(compile.Select(s => s.WallMs)), 1),
        CompileAllocatedBytes = Stats.Median(compile.Select(s => s.AllocatedBytes)),
        SafeAuthMs = Math.Round(Stats.Median(safe.Select(s => s.AnalyzerMs)), 3),
        SafeAuthWallMs = Math.Round(Stats.Median(safe.Select(s => s.WallMs)), 1),
        SafeAuthRunAllocatedBytes = Stats.Median(safe.Select(s => s.AllocatedBytes)),
        SafeAuthAllocatedBytes = Stats.Median(allocations.Select(a => a.Bytes.Values.Sum())),
        SafeAuthStartAllocatedBytes = Stats.Median(allocations.Select(a => a.StartBytes.Values.Sum())),
        SafeAuthStartMs = Math.Round(Stats.Median(allocations.Select(a => a.StartMs.Values.Sum())), 3),
        PerRuleStartAllocatedBytes = perRuleStartAllocated,
        PerRuleCompilationStartMs = perRuleStartMs,
        PerRuleAllocatedBytes = perRuleAllocated,
        AllocationMeteredInPart = partial,
        NetAnalyzersMs = Math.Round(Stats.Median(net.Select(s => s.AnalyzerMs)), 3),
        NetAnalyzersPerRuleMs = netPerRule,
        ColdTypeLookupMs = Math.Round(Stats.Median(lookups), 3),
        MetadataNameCount = metadataNames.Count,
        FirstTouchMs = Math.Round(Stats.Median(firstTouch), 3),
        AuthFirstTouchMs = Math.Round(Stats.Median(authFirstTouch), 3),
        FirstTouchBytes = Stats.Median(firstTouchBytes),
        ColdTypeLookupBytes = Stats.Median(lookupBytes),
        NoAuthAllocatedBytes = Stats.Median(noAuthMetered.Select(a => a.Bytes.Values.Sum())),
        NoAuthStartAllocatedBytes = Stats.Median(noAuthMetered.Select(a => a.StartBytes.Values.Sum())),
        NoAuthStartMs = Math.Round(Stats.Median(noAuthMetered.Select(a => a.StartMs.Values.Sum())), 3),
        NoAuthMs = Math.Round(Stats.Median(noAuth.Select(s => s.AnalyzerMs)), 4),
        PerRuleMs = perRule,
        NoAuthPerRuleMs = noAuthPerRule,
        Findings = findings,
    };
}
