using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
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

if (options.RuntimeIterations > 0)
{
    return RuntimeBenchmark.Run(options.RuntimeIterations, options.Out);
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

var benchmark = new CorpusBenchmark(options, safeAuth, netAnalyzers);
var main = benchmark.Measure(options.Lines, options.CorpusDirectory, options.Runs, verbose: true, dumpTo: options.DumpCorpus);
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
        var m = lines == options.Lines ? main : benchmark.Measure(lines, null, options.Runs, verbose: false, dumpTo: null);
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
