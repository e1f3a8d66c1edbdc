using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers;

/// <summary>The only place a <see cref="DiagnosticDescriptor"/> is constructed.</summary>
public static class DescriptorFactory
{
    public const string DocumentationBaseUri = "https://github.com/safeauth/SafeAuth/blob/main/docs/rules/";

    public static string HelpLink(string id) => DocumentationBaseUri + id + ".md";

    /// <summary>The tag every security rule carries, so SARIF consumers and rule sets can filter on it.</summary>
    public const string SecurityTag = "Security";

    // The CWE entries each rule's finding is an instance of (SARIF consumers such as code scanning show and filter them).
    private static readonly Dictionary<string, string[]> Weaknesses = new(StringComparer.Ordinal)
    {
        ["AUTH101"] = new[] { "CWE-347", "CWE-345" },
        ["AUTH102"] = new[] { "CWE-347" },
        ["AUTH103"] = new[] { "CWE-287" },
        ["AUTH104"] = new[] { "CWE-252", "CWE-347" },
        ["AUTH105"] = new[] { "CWE-347" },
        ["AUTH108"] = new[] { "CWE-287" },
        ["AUTH201"] = new[] { "CWE-613" },
        ["AUTH202"] = new[] { "CWE-613" },
        ["AUTH203"] = new[] { "CWE-613" },
        ["AUTH301"] = new[] { "CWE-321", "CWE-798" },
        ["AUTH302"] = new[] { "CWE-798" },
        ["AUTH303"] = new[] { "CWE-798", "CWE-321" },
        ["AUTH304"] = new[] { "CWE-260", "CWE-798" },
        ["AUTH401"] = new[] { "CWE-922" },
        ["AUTH402"] = new[] { "CWE-922" },
        ["AUTH501"] = new[] { "CWE-798" },
        ["AUTH502"] = new[] { "CWE-287" },
        ["AUTH503"] = new[] { "CWE-522", "CWE-598" },
    };

    /// <summary>The CWE identifiers of a rule (none for the configuration rules).</summary>
    public static IReadOnlyList<string> WeaknessesOf(string id) => Weaknesses.TryGetValue(id, out var cwe) ? cwe : Array.Empty<string>();

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        bool isEnabledByDefault = true,
        params string[] customTags)
    {
#pragma warning disable RS0030 // the factory is the one sanctioned caller of the constructor
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault,
            description,
            HelpLink(id),
            Tags(id, customTags));
#pragma warning restore RS0030
    }

    private static string[] Tags(string id, string[] customTags)
    {
        var tags = new List<string>();
        if (Weaknesses.ContainsKey(id))
        {
            tags.Add(SecurityTag);
            tags.AddRange(Weaknesses[id]);
        }

        tags.AddRange(customTags);
        return tags.ToArray();
    }
}
