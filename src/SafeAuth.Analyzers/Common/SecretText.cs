using SafeAuth.Shared;

namespace SafeAuth.Analyzers.Common;

/// <summary>Text checks shared by the secrets rules.</summary>
internal static class SecretText
{
    /// <summary>
    /// Empty text and placeholders, judged by <see cref="SecretTextRules.IsPlaceholder"/>, the same rules the runtime
    /// loaders refuse placeholders by: wrapped and substituted values, masks, instructions and setting names in capitals.
    /// </summary>
    public static bool IsPlaceholder(string? value) => SecretTextRules.IsPlaceholder(value);
}
