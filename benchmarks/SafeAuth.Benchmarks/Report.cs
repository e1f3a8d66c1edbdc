using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Benchmarks;

internal sealed class CorpusMeasurement
{
    public int Lines { get; init; }
    public int Files { get; init; }
    public int NoAuthLines { get; init; }
    public int CompilerErrors { get; init; }
    public double ParseMs { get; init; }
    public double CompileMs { get; init; }
    public long CompileAllocatedBytes { get; init; }
    public double SafeAuthMs { get; init; }
    public double SafeAuthWallMs { get; init; }
    public long SafeAuthRunAllocatedBytes { get; init; }
    public Dictionary<string, long> PerRuleAllocatedBytes { get; init; } = new();
    public long SafeAuthStartAllocatedBytes { get; init; }
    public double SafeAuthStartMs { get; init; }
    public Dictionary<string, long> PerRuleStartAllocatedBytes { get; init; } = new();
    public Dictionary<string, double> PerRuleCompilationStartMs { get; init; } = new();
    public IReadOnlyList<string> AllocationMeteredInPart { get; init; } = Array.Empty<string>();
    public long SafeAuthAllocatedBytes { get; init; }
    public double NetAnalyzersMs { get; init; }
    public Dictionary<string, double> NetAnalyzersPerRuleMs { get; init; } = new();
    public double NoAuthMs { get; init; }
    public double ColdTypeLookupMs { get; init; }
    public int MetadataNameCount { get; init; }
    public double FirstTouchMs { get; init; }
    public double AuthFirstTouchMs { get; init; }
    public long FirstTouchBytes { get; init; }
    public long ColdTypeLookupBytes { get; init; }
    public long NoAuthAllocatedBytes { get; init; }
    public long NoAuthStartAllocatedBytes { get; init; }
    public double NoAuthStartMs { get; init; }
    public Dictionary<string, double> NoAuthPerRuleMs { get; init; } = new();
    public Dictionary<string, double> PerRuleMs { get; init; } = new();
    public SortedDictionary<string, int> Findings { get; init; } = new();
}

internal sealed record ScalingPoint(int Lines, long SafeAuthAllocatedBytes, double SafeAuthMs, double CompileMs, double NoAuthReferenceMs, int NoAuthLines);

internal sealed record MachineInfo(string Cpu, int Cores, string Os, string Runtime, string Roslyn, string LoadAverage)
{
    public string? LoadAverageAfter { get; set; }
}

internal static class Machine
{
    public static MachineInfo Describe() => new(
        Cpu(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal),
        typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version?.ToString() ?? "?",
        LoadAverageNow());

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg (what `uptime` prints), or "n/a".</summary>
    public static string LoadAverageNow()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(", ", parts.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

/// <summary>What benchmark-results.json holds.</summary>
internal sealed class Results
{
    public const string MethodText =
        "Hand-rolled harness: one warm-up round, then N rounds, medians reported. Each phase compiles the same parsed trees " +
        "in a fresh single-threaded compilation (concurrentBuild false). compileMs: Compilation.GetDiagnostics() wall time " +
        "(binds every member). safeAuthMs / perRuleMs / netAnalyzersSecurityMs / noAuthReferenceMs: sum of the analyzer " +
        "driver's per-analyzer execution time (CompilationWithAnalyzers, concurrentAnalysis false, logAnalyzerExecutionTime " +
        "true, GetAnalyzerTelemetryInfoAsync), i.e. time inside the analyzers' callbacks. safeAuthAllocatedBytes / " +
        "perRuleAllocatedBytes: in a separate run, each analyzer is wrapped so that every callback it registers (compilation " +
        "start, operation, syntax, symbol... actions) is bracketed by GC.GetAllocatedBytesForCurrentThread; the sum is what " +
        "SafeAuth's own code allocates (the driver's binding and IOperation trees are not counted); the compilation-start " +
        "share (type lookups, set-up) is given apart, with the time those actions took. Rules listed in " +
        "allocationMeteredInPart register nested start actions whose inner callbacks are not metered. " +
        "safeAuthRunAllocatedBytes: GC.GetTotalAllocatedBytes(precise) around the whole analyzer run, binding included.";

    public string Corpus { get; set; } = string.Empty;
    public int CorpusLines { get; set; }
    public int CorpusFiles { get; set; }
    public int NoAuthCorpusLines { get; set; }
    public int CompilerErrors { get; set; }
    public double ParseMs { get; set; }
    public double CompileMs { get; set; }
    public double SafeAuthMs { get; set; }
    public double SafeAuthWallMs { get; set; }
    public long SafeAuthAllocatedBytes { get; set; }
    public long CompileAllocatedBytes { get; set; }
    public Dictionary<string, long> PerRuleAllocatedBytes { get; set; } = new();
    public long SafeAuthCompilationStartAllocatedBytes { get; set; }
    public double SafeAuthCompilationStartMs { get; set; }
    public Dictionary<string, long> PerRuleCompilationStartAllocatedBytes { get; set; } = new();
    public Dictionary<string, double> PerRuleCompilationStartMs { get; set; } = new();
    public IReadOnlyList<string> AllocationMeteredInPart { get; set; } = Array.Empty<string>();
    public long SafeAuthRunAllocatedBytes { get; set; }
    public double NetAnalyzersSecurityMs { get; set; }
    public Dictionary<string, double> NetAnalyzersPerRuleMs { get; set; } = new();
    public double NoAuthReferenceMs { get; set; }
    public double NoAuthReferenceMsPer10kLines { get; set; }
    public Dictionary<string, double> NoAuthPerRuleMs { get; set; } = new();
    public double NoAuthColdTypeLookupMs { get; set; }
    public int SafeAuthMetadataNames { get; set; }
    public double NoAuthFirstTouchMs { get; set; }

    /// <summary>The first semantic query on a fresh compilation of the corpus (references bound, source declarations
    /// merged). SafeAuth's first compilation-start action pays it inside safeAuthMs; the compiler pays it otherwise.</summary>
    public double FirstTouchMs { get; set; }
    public long NoAuthFirstTouchAllocatedBytes { get; set; }
    public long NoAuthColdTypeLookupAllocatedBytes { get; set; }
    public long NoAuthAllocatedBytes { get; set; }
    public long NoAuthCompilationStartAllocatedBytes { get; set; }
    public double NoAuthCompilationStartMs { get; set; }
    public Dictionary<string, double> PerRuleMs { get; set; } = new();
    public SortedDictionary<string, int> Findings { get; set; } = new();
    public Dictionary<string, double?> Ratios { get; set; } = new();
    public Dictionary<string, bool?> Targets { get; set; } = new();
    public List<ScalingPoint>? Scaling { get; set; }
    public double? AllocationSlopeBytesPerLine { get; set; }
    public double? AllocationInterceptBytes { get; set; }
    public double? AllocationRSquared { get; set; }
    public double? SafeAuthMsPer10kLinesSlope { get; set; }
    public double? SafeAuthFixedMs { get; set; }
    public double? NoAuthMsPer10kLinesSlope { get; set; }
    public double? NoAuthFixedMs { get; set; }
    public int Runs { get; set; }
    public int Seed { get; set; }
    public MachineInfo? Machine { get; set; }
    public string? NetAnalyzersSource { get; set; }
    public string Method { get; set; } = string.Empty;
    public string Timestamp { get; set; } = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture);

    public void Finish(string loadAfter)
    {
        if (Machine is not null)
        {
            Machine.LoadAverageAfter = loadAfter;
        }

        double? Ratio(double a, double b) => b > 0 ? Math.Round(a / b, 5) : null;
        Ratios["safeAuthToCompile"] = Ratio(SafeAuthMs, CompileMs);
        Ratios["safeAuthToNetAnalyzersSecurity"] = Ratio(SafeAuthMs, NetAnalyzersSecurityMs);
        Ratios["safeAuthWithoutFirstTouchToCompile"] = Ratio(Math.Max(0, SafeAuthMs - FirstTouchMs), CompileMs);
        Ratios["noAuthWithoutFirstTouchMsPer10kLines"] = NoAuthCorpusLines > 0
            ? Math.Round(Math.Max(0, NoAuthReferenceMs - NoAuthFirstTouchMs) / NoAuthCorpusLines * 10_000, 4)
            : null;
        Ratios["safeAuthAllocatedToCompileAllocated"] = Ratio(SafeAuthAllocatedBytes, CompileAllocatedBytes);
        Targets["safeAuthAtMost1PercentOfCompile"] = Ratios["safeAuthToCompile"] is { } c ? c <= 0.01 : null;
        Targets["safeAuthAtMost5xNetAnalyzersSecurity"] = Ratios["safeAuthToNetAnalyzersSecurity"] is { } n ? n <= 5 : null;
        Targets["noAuthUnder1MsPer10kLines"] = NoAuthReferenceMsPer10kLines < 1;
        Targets["allocationsLinear"] = AllocationRSquared is { } r2 ? r2 >= 0.98 : null;
    }
}

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void WriteJson(Results results, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(results, Json) + "\n");
    }

    public static void Print(Results r, IEnumerable<DiagnosticAnalyzer> safeAuth)
    {
        Console.WriteLine();
        Console.WriteLine($"Corpus {r.Corpus}: {r.CorpusFiles:N0} files, {r.CorpusLines:N0} lines; median of {r.Runs} run(s) after a warm-up");
        if (r.CompilerErrors > 0)
        {
            Console.WriteLine($"  ({r.CompilerErrors} compiler errors in the corpus)");
        }

        Console.WriteLine();
        Console.WriteLine($"| {"Measure",-60} | {"Value",16} |");
        Console.WriteLine($"|{new string('-', 62)}|{new string('-', 18)}|");
        var names = safeAuth.ToDictionary(AnalyzerSets.RuleIdsOf, a => a.GetType().Name);
        PrintCosts(r, names);
        PrintNoAuth(r, names);
        PrintRatios(r);
        PrintTargets(r);
    }

    private static void PrintCosts(Results r, Dictionary<string, string> names)
    {
        Row("Compiler: GetDiagnostics (compileMs)", $"{r.CompileMs:F1} ms");
        Row("SafeAuth, all rules (safeAuthMs)", $"{r.SafeAuthMs:F2} ms");
        foreach (var (id, ms) in r.PerRuleMs.OrderByDescending(p => p.Value))
        {
            var found = r.Findings.GetValueOrDefault(id);
            Row($"  {id} {Truncate(names.GetValueOrDefault(id) ?? string.Empty, 25)} ({found} found)", $"{ms:F2} ms");
        }

        Row("SafeAuth allocated (safeAuthAllocatedBytes)", $"{r.SafeAuthAllocatedBytes / 1048576.0:F3} MiB");
        foreach (var (id, bytes) in r.PerRuleAllocatedBytes.OrderByDescending(p => p.Value))
        {
            Row($"  {id}{(r.AllocationMeteredInPart.Contains(id) ? " (in part)" : string.Empty)}, of it at compilation start {r.PerRuleCompilationStartAllocatedBytes.GetValueOrDefault(id) / 1024.0:F0} KiB", $"{bytes / 1024.0:F1} KiB");
        }

        Row("SafeAuth compilation-start actions (all rules)", $"{r.SafeAuthCompilationStartMs:F2} ms");
        Row("Compiler allocated", $"{r.CompileAllocatedBytes / 1048576.0:F0} MiB");
        Row("NetAnalyzers CA5404+CA5405", $"{r.NetAnalyzersSecurityMs:F2} ms");
        foreach (var (id, ms) in r.NetAnalyzersPerRuleMs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Row($"  {Truncate(id, 24)} ({r.Findings.GetValueOrDefault(id)} found)", $"{ms:F2} ms");
        }
    }

    private static void PrintNoAuth(Results r, Dictionary<string, string> names)
    {
        Row($"SafeAuth, no auth library ({r.NoAuthCorpusLines:N0} lines)", $"{r.NoAuthReferenceMs:F3} ms");
        Row("  per 10,000 lines", $"{r.NoAuthReferenceMsPer10kLines:F3} ms");
        Row("  of it in compilation-start actions", $"{r.NoAuthCompilationStartMs:F3} ms");
        Row("  allocated (of it at compilation start)", $"{r.NoAuthAllocatedBytes / 1024.0:F0} ({r.NoAuthCompilationStartAllocatedBytes / 1024.0:F0}) KiB");
        Row("  first semantic touch of a fresh compilation", $"{r.NoAuthFirstTouchMs:F3} ms");
        Row($"  then lookup of SafeAuth's {r.SafeAuthMetadataNames} metadata names", $"{r.NoAuthColdTypeLookupMs:F3} ms");
        foreach (var (id, ms) in r.NoAuthPerRuleMs.Where(p => p.Value >= 0.05).OrderByDescending(p => p.Value))
        {
            Row($"  {id} {Truncate(names.GetValueOrDefault(id) ?? string.Empty, 25)}", $"{ms:F3} ms");
        }
    }

    private static void PrintRatios(Results r)
    {
        Row("safeAuthMs / compileMs", Pct(r.Ratios["safeAuthToCompile"]));
        Row("safeAuthMs / netAnalyzersSecurityMs", Times(r.Ratios["safeAuthToNetAnalyzersSecurity"]));
        Row($"First semantic touch of the compilation (in safeAuthMs)", $"{r.FirstTouchMs:F2} ms");
        Row("(safeAuthMs - first touch) / compileMs", Pct(r.Ratios["safeAuthWithoutFirstTouchToCompile"]));
        Row("No-auth minus first touch, per 10,000 lines", $"{r.Ratios["noAuthWithoutFirstTouchMsPer10kLines"]:F3} ms");
        if (r.AllocationSlopeBytesPerLine is { } slope)
        {
            Row("Allocation slope (bytes per line)", $"{slope:F1}");
            Row("Allocation fit R²", $"{r.AllocationRSquared:F4}");
            Row("SafeAuth time: per 10,000 lines (slope)", $"{r.SafeAuthMsPer10kLinesSlope:F3} ms");
            Row("SafeAuth time: fixed (intercept)", $"{r.SafeAuthFixedMs:F2} ms");
            Row("No-auth time: per 10,000 lines (slope)", $"{r.NoAuthMsPer10kLinesSlope:F3} ms");
            Row("No-auth time: fixed (intercept)", $"{r.NoAuthFixedMs:F2} ms");
        }
    }

    private static void PrintTargets(Results r)
    {
        Console.WriteLine();
        Console.WriteLine("Targets:");
        Console.WriteLine($"  all rules <= 1% of compile time:          {Met(r.Targets["safeAuthAtMost1PercentOfCompile"])} ({Pct(r.Ratios["safeAuthToCompile"])})");
        Console.WriteLine($"  all rules <= 5x CA5404+CA5405:            {Met(r.Targets["safeAuthAtMost5xNetAnalyzersSecurity"])} ({Times(r.Ratios["safeAuthToNetAnalyzersSecurity"])})");
        Console.WriteLine($"  no auth library < 1 ms per 10,000 lines:  {Met(r.Targets["noAuthUnder1MsPer10kLines"])} ({r.NoAuthReferenceMsPer10kLines:F3} ms)");
        Console.WriteLine($"  allocations linear in corpus size:        {Met(r.Targets["allocationsLinear"])}{(r.AllocationRSquared is null ? " (run with --scaling)" : $" (R² {r.AllocationRSquared:F4})")}");
        Console.WriteLine($"Machine: {r.Machine?.Cpu}, {r.Machine?.Cores} cores; load average before {r.Machine?.LoadAverage}, after {r.Machine?.LoadAverageAfter}");
    }

    private static void Row(string name, string value) => Console.WriteLine($"| {name,-60} | {value,16} |");

    private static string Pct(double? ratio) => ratio is { } x ? (x * 100).ToString("F3", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string Times(double? ratio) => ratio is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";

    private static string Met(bool? met) => met switch { true => "met", false => "NOT met", null => "not measured" };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
