namespace SafeAuth.Catalog;

/// <summary>
/// The page the generator starts for a rule that has none. Every section the meta tests require is there, each holding a
/// <see cref="Marker"/> line that a meta test rejects, so a page cannot ship before its sections are written.
/// </summary>
public static class RulePageTemplate
{
    public const string Marker = "<!-- write this section -->";

    public static string Render(string id) =>
        $$"""
        # {{id}}

        ## Cause

        {{Marker}} Which code the rule reports: every watched API shape, and what keeps it silent.

        ## Why it matters

        {{Marker}} The attack this misuse allows, with a CWE or OWASP link.

        ## How to fix

        {{Marker}} Before and after snippets; the code fix's real output and what the user must still do.

        ## When to suppress

        {{Marker}} When a finding may be right to silence, and how:

        ```csharp
        #pragma warning disable {{id}}
        ```

        ```ini
        [*.cs]
        dotnet_diagnostic.{{id}}.severity = none
        ```

        ## Configuration

        | Key | Values | Default | Effect |
        |---|---|---|---|

        ## Known limitations

        {{Marker}} What the rule cannot see.

        ## Related rules

        {{Marker}} Neighbouring SafeAuth rules and other analyzers' rules (for example CA5404).

        """.Replace("\r\n", "\n");
}
