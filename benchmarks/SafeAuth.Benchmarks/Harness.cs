using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Benchmarks;

/// <summary>One measured phase: wall time, analyzer time from telemetry, managed bytes allocated.</summary>
internal sealed record Sample(double WallMs, double AnalyzerMs, long AllocatedBytes, IReadOnlyDictionary<string, double> PerRuleMs, IReadOnlyDictionary<string, int> Findings)
{
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;
}

/// <summary>
/// A hand-rolled harness: every phase runs on a fresh compilation of the same, already parsed syntax trees (binding
/// caches live in the compilation, so nothing carries over), one warm-up round, then N measured rounds whose medians are
/// reported. Compilation and analysis are single-threaded (<c>concurrentBuild: false</c>,
/// <c>concurrentAnalysis: false</c>) so that times compare like with like and the telemetry is exact.
/// </summary>
internal sealed class Harness
{
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CSharpCompilationOptions _options;

    public Harness(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, IEnumerable<DiagnosticAnalyzer> enabled)
    {
        _trees = trees;
        _references = references;
        _options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false)
            .WithSpecificDiagnosticOptions(AnalyzerSets.EnabledSeverities(enabled));
    }

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Corpus" + Guid.NewGuid().ToString("N"), _trees, _references, _options);

    /// <summary>
    /// Runs <paramref name="analyzers"/>, each wrapped in a <see cref="MeteredAnalyzer"/>, and returns the bytes each
    /// rule's callbacks allocated, and the rules whose nested start actions were metered only in part.
    /// </summary>
    public Metered AllocationsInCallbacks(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var metered = analyzers.Select(a => new MeteredAnalyzer(a)).ToImmutableArray();
        Analyze(metered.CastArray<DiagnosticAnalyzer>());
        var result = new Metered();
        foreach (var m in metered)
        {
            var key = AnalyzerSets.RuleIdsOf(m.Inner);
            result.Bytes[key] = result.Bytes.GetValueOrDefault(key) + m.Meter.Bytes;
            result.StartBytes[key] = result.StartBytes.GetValueOrDefault(key) + m.Meter.StartBytes;
            result.StartMs[key] = result.StartMs.GetValueOrDefault(key) + m.Meter.StartMs;
            if (m.Meter.Partial)
            {
                result.Partial.Add(key);
            }
        }

        return result;
    }

    public sealed class Metered
    {
        public SortedDictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, long> StartBytes { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, double> StartMs { get; } = new(StringComparer.Ordinal);
        public List<string> Partial { get; } = new();
    }

    /// <summary>The compiler's own cost: declaration and method-body diagnostics, which binds every member.</summary>
    public Sample Compile(out ImmutableArray<Diagnostic> diagnostics)
    {
        var compilation = NewCompilation();
        Quiesce();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        diagnostics = compilation.GetDiagnostics();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new Sample(watch.Elapsed.TotalMilliseconds, 0, allocated, Empty, EmptyCounts);
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> over a fresh compilation. <see cref="Sample.AnalyzerMs"/> is the sum of the
    /// driver's per-analyzer execution time (time spent inside the analyzers' callbacks); wall time and allocations
    /// include the binding the driver does on the way.
    /// </summary>
    public Sample Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = NewCompilation();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

        Quiesce();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var perRule = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            var ms = telemetry.ExecutionTime.TotalMilliseconds;
            var key = AnalyzerSets.RuleIdsOf(analyzer);
            perRule[key] = perRule.GetValueOrDefault(key) + ms;
            total += ms;
        }

        var findings = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Sample(watch.Elapsed.TotalMilliseconds, total, allocated, perRule, new SortedDictionary<string, int>(findings, StringComparer.Ordinal))
        {
            Diagnostics = diagnostics,
        };
    }

    /// <summary>
    /// Resolves every metadata name SafeAuth knows (its <c>MetadataNames</c> constants, read by reflection) on a fresh
    /// compilation, as the analyzers' compilation-start actions do through the shared type cache. Split in two: the
    /// first semantic touch of the compilation (binding its references and merging the source declarations, here
    /// through one lookup of System.Object: paid once by whoever asks first, the compiler itself otherwise), then the
    /// lookups proper. Returns time and allocated bytes of each part.
    /// </summary>
    public (double FirstTouchMs, long FirstTouchBytes, double LookupMs, long LookupBytes) ColdTypeLookups(IReadOnlyList<string> metadataNames)
    {
        var compilation = NewCompilation();
        Quiesce();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        compilation.GetTypeByMetadataName("System.Object");
        var firstTouchMs = watch.Elapsed.TotalMilliseconds;
        var firstTouchBytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        bytes = GC.GetAllocatedBytesForCurrentThread();
        watch.Restart();
        foreach (var name in metadataNames)
        {
            compilation.GetTypeByMetadataName(name);
        }

        return (firstTouchMs, firstTouchBytes, watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static void Quiesce()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static readonly IReadOnlyDictionary<string, double> Empty = new Dictionary<string, double>();
    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static long Median(IEnumerable<long> values) => (long)Math.Round(Median(values.Select(v => (double)v)));

    /// <summary>Least-squares slope and intercept of y over x, and R².</summary>
    public static (double Slope, double Intercept, double RSquared) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var n = points.Count;
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var syy = points.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        var slope = sxx == 0 ? 0 : sxy / sxx;
        var intercept = meanY - slope * meanX;
        var r2 = sxx == 0 || syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return (slope, intercept, n < 2 ? 1 : r2);
    }
}
