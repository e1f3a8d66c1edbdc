using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using SafeAuth.Cli.Scan;

namespace SafeAuth.Cli.Reports;

/// <summary>
/// SARIF 2.1.0: one run, the rules that ran with their help links, default levels, tags and whether a code fix exists,
/// one result per finding with a physical location relative to <c>%SRCROOT%</c>, a partial fingerprint, and, with a
/// baseline, its baseline state; the scan's problems as tool execution notifications.
/// </summary>
public static class SarifReport
{
    /// <summary>The key findings' fingerprints go under in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "safeAuthFingerprint/v1";

    /// <summary>Renders the report.</summary>
    public static string Render(ScanReport report)
    {
        var rules = report.Result.Rules.Values.ToList();
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = Driver(rules, report.FixableRules) },
            ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["uri"] = new Uri(report.Root.TrimEnd('/', '\\') + "/").AbsoluteUri } },
            ["invocations"] = new JsonArray(Invocation(report)),
            ["results"] = new JsonArray(report.Result.Findings.Select(f => (JsonNode)Result(f, index[f.RuleId], report)).ToArray()),
        };
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(SafeAuth.Cli.Reports.JsonOutput.Options);
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static JsonObject Driver(IEnumerable<DiagnosticDescriptor> rules, IReadOnlySet<string> fixable)
    {
        var version = typeof(Scanner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return new JsonObject
        {
            ["name"] = "SafeAuth",
            ["semanticVersion"] = plus < 0 ? version : version[..plus],
            ["informationUri"] = "https://github.com/safeauth/SafeAuth",
            ["rules"] = new JsonArray(rules.Select(rule => (JsonNode)new JsonObject
            {
                ["id"] = rule.Id,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title.ToString() },
                ["fullDescription"] = new JsonObject { ["text"] = rule.Description.ToString() },
                ["helpUri"] = rule.HelpLinkUri,
                ["defaultConfiguration"] = new JsonObject
                {
                    ["level"] = Level(rule.DefaultSeverity),
                    ["enabled"] = rule.IsEnabledByDefault,
                },
                ["properties"] = new JsonObject
                {
                    ["category"] = rule.Category,
                    ["tags"] = new JsonArray(rule.CustomTags.Select(t => (JsonNode)t!).ToArray()),
                    ["hasCodeFix"] = fixable.Contains(rule.Id),
                },
            }).ToArray()),
        };
    }

    private static JsonObject Invocation(ScanReport report) => new()
    {
        ["executionSuccessful"] = !report.Result.Problems.Any(p => p.Fatal),
        ["toolExecutionNotifications"] = new JsonArray(report.Result.Problems.Select(p => (JsonNode)new JsonObject
        {
            ["level"] = p.Fatal ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = $"{p.Project}: {p.Stage}: {p.Reason}" },
        }).ToArray()),
    };

    // SARIF §3.55: a fix is artifact changes, each a list of replacements of regions of the original file.
    private static JsonObject Fix(SuggestedFix fix) => new()
    {
        ["description"] = new JsonObject { ["text"] = fix.Description },
        ["artifactChanges"] = new JsonArray(fix.Changes.Select(change => (JsonNode)new JsonObject
        {
            ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(change.File).Replace("%2F", "/", StringComparison.Ordinal), ["uriBaseId"] = "SRCROOT" },
            ["replacements"] = new JsonArray(change.Replacements.Select(r => (JsonNode)new JsonObject
            {
                ["deletedRegion"] = new JsonObject { ["startLine"] = r.StartLine, ["startColumn"] = r.StartColumn, ["endLine"] = r.EndLine, ["endColumn"] = r.EndColumn },
                ["insertedContent"] = new JsonObject { ["text"] = r.Text },
            }).ToArray()),
        }).ToArray()),
    };

    private static JsonObject Result(Finding finding, int ruleIndex, ScanReport report)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.Message },
        };
        if (finding.File.Length > 0)
        {
            result["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(finding.File).Replace("%2F", "/", StringComparison.Ordinal), ["uriBaseId"] = "SRCROOT" },
                    ["region"] = new JsonObject
                    {
                        ["startLine"] = finding.Line,
                        ["startColumn"] = finding.Column,
                        ["endLine"] = finding.EndLine,
                        ["endColumn"] = finding.EndColumn,
                    },
                },
            });
        }

        if (finding.Fix is { } fix)
        {
            result["fixes"] = new JsonArray(Fix(fix));
        }

        result["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint };
        if (report.NewFindings is not null)
        {
            result["baselineState"] = report.IsNew(finding) ? "new" : "unchanged";
        }

        result["properties"] = new JsonObject { ["project"] = finding.Project };
        return result;
    }
}
