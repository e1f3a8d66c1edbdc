using System;

namespace SafeAuth.Analyzers.Common;

/// <summary>Text checks shared by the secrets rules.</summary>
internal static class SecretText
{
    /// <summary>
    /// Empty text and obvious placeholders: <c>&lt;…&gt;</c>, <c>{…}</c>, <c>${…}</c>, <c>$(…)</c>, <c>#{…}</c>,
    /// <c>%…%</c>, <c>__…__</c> and <c>YOUR_…</c>. Weak words (<c>changeme</c>, <c>secret</c>) are not placeholders.
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.Length >= 2)
        {
            var first = text[0];
            var last = text[text.Length - 1];
            if ((first == '<' && last == '>') || (first == '{' && last == '}') || (first == '%' && last == '%' && text.Length > 2))
            {
                return true;
            }
        }

        if ((text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.IndexOf('}') > 1)
        {
            return true;
        }

        if (text.StartsWith("$(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
        {
            return true;
        }

        if (text.Length > 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        return text.StartsWith("YOUR_", StringComparison.Ordinal) || text.StartsWith("YOUR-", StringComparison.Ordinal);
    }
}
