using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers;

/// <summary>The only place a <see cref="DiagnosticDescriptor"/> is constructed.</summary>
public static class DescriptorFactory
{
    public const string DocumentationBaseUri = "https://github.com/safeauth/SafeAuth/blob/main/docs/rules/";

    public static string HelpLink(string id) => DocumentationBaseUri + id + ".md";

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
            customTags);
#pragma warning restore RS0030
    }
}
