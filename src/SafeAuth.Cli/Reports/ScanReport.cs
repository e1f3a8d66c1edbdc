using SafeAuth.Cli.Scan;

namespace SafeAuth.Cli.Reports;

/// <summary>A finished scan as the reports see it.</summary>
public sealed class ScanReport
{
    private readonly HashSet<Finding>? _new;

    /// <summary>Creates the report of <paramref name="result"/>; <paramref name="newFindings"/> is null without a baseline.</summary>
    public ScanReport(string root, ScanResult result, IReadOnlyList<Finding>? newFindings, IReadOnlySet<string> fixableRules)
    {
        Root = root;
        Result = result;
        NewFindings = newFindings;
        FixableRules = fixableRules;
        _new = newFindings is null ? null : new HashSet<Finding>(newFindings, ReferenceEqualityComparer.Instance);
    }

    /// <summary>The folder paths are relative to.</summary>
    public string Root { get; }

    /// <summary>The scan's findings, projects and problems.</summary>
    public ScanResult Result { get; }

    /// <summary>With a baseline, the findings it does not hold; otherwise null.</summary>
    public IReadOnlyList<Finding>? NewFindings { get; }

    /// <summary>The rules with a code fix.</summary>
    public IReadOnlySet<string> FixableRules { get; }

    /// <summary>The findings that decide the exit code: the new ones with a baseline, all of them without.</summary>
    public IReadOnlyList<Finding> Counted => NewFindings ?? Result.Findings;

    /// <summary>Whether <paramref name="finding"/> is not in the baseline (true without one).</summary>
    public bool IsNew(Finding finding) => _new is null || _new.Contains(finding);
}
