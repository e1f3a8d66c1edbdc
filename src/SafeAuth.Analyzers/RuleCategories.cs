namespace SafeAuth.Analyzers;

/// <summary>Diagnostic categories. All shipped rules use <see cref="Security"/>; the ID carries the area.</summary>
public static class RuleCategories
{
    public const string Security = "Security";
}
