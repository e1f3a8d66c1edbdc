using System.Text.Json;

namespace SafeAuth.Cli.Scan;

/// <summary>One recorded finding in a baseline file.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="File">The file, relative to the scan root.</param>
/// <param name="Fingerprint">The line-independent fingerprint (<see cref="Finding.Fingerprint"/>).</param>
/// <param name="Line">The line when it was recorded (informative; not used for matching).</param>
/// <param name="Message">The message when it was recorded (informative).</param>
public sealed record BaselineEntry(string RuleId, string File, string Fingerprint, int Line, string Message);

/// <summary>
/// Today's findings, recorded so that a later scan fails only on new ones. A finding matches an entry with the same
/// rule, file and fingerprint; each entry matches one finding, so a second copy of a recorded mistake is new.
/// </summary>
public sealed class Baseline
{
    /// <summary>The format version this tool writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The format version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The tool that wrote it.</summary>
    public string Tool { get; init; } = "safeauth";

    /// <summary>The recorded findings.</summary>
    public List<BaselineEntry> Findings { get; init; } = new();

    /// <summary>A baseline holding <paramref name="findings"/>.</summary>
    public static Baseline From(IEnumerable<Finding> findings)
        => new() { Findings = findings.Select(f => new BaselineEntry(f.RuleId, f.File, f.Fingerprint, f.Line, f.Message)).ToList() };

    /// <summary>Writes the baseline as JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, SafeAuth.Cli.Reports.JsonOutput.Options) + Environment.NewLine);

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="BaselineException">The file is missing, is not JSON, or is not a SafeAuth baseline of a known version.</exception>
    public static Baseline Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BaselineException($"the baseline file '{path}' does not exist (write one with --write-baseline)");
        }

        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), SafeAuth.Cli.Reports.JsonOutput.Options);
        }
        catch (JsonException e)
        {
            throw new BaselineException($"the baseline file '{path}' is not valid JSON: {e.Message}");
        }

        if (baseline is null || baseline.Tool != "safeauth" || baseline.Findings is null)
        {
            throw new BaselineException($"'{path}' is not a SafeAuth baseline (no \"tool\": \"safeauth\" and \"findings\")");
        }

        if (baseline.Version != CurrentVersion)
        {
            throw new BaselineException($"the baseline file '{path}' has version {baseline.Version}; this safeauth reads version {CurrentVersion}");
        }

        if (baseline.Findings.Any(e => e is null || string.IsNullOrEmpty(e.RuleId) || e.File is null || string.IsNullOrEmpty(e.Fingerprint)))
        {
            throw new BaselineException($"the baseline file '{path}' has an entry without ruleId, file or fingerprint");
        }

        return baseline;
    }

    /// <summary>The findings of <paramref name="findings"/> this baseline does not hold.</summary>
    public IReadOnlyList<Finding> NewFindings(IEnumerable<Finding> findings)
    {
        var remaining = Findings.GroupBy(e => (e.RuleId, e.File, e.Fingerprint)).ToDictionary(g => g.Key, g => g.Count());
        var fresh = new List<Finding>();
        foreach (var finding in findings)
        {
            var key = (finding.RuleId, finding.File, finding.Fingerprint);
            if (remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return fresh;
    }
}

/// <summary>A baseline file that cannot be used, with the reason.</summary>
public sealed class BaselineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BaselineException(string message)
        : base(message)
    {
    }
}
