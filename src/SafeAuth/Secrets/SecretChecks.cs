using SafeAuth.Shared;

namespace SafeAuth.Secrets;

/// <summary>Checks shared by the loaders. Messages name the setting and never contain the value.</summary>
internal static class SecretChecks
{
    public static string Require(string settingName, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.Missing, $"The secret setting '{settingName}' is missing or empty.");
        }

        var trimmed = value.Trim();
        if (SecretTextRules.IsPlaceholder(trimmed))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.Placeholder, $"The secret setting '{settingName}' still holds a placeholder; set the real value in user secrets, the environment or a key vault.");
        }

        if (SecretTextRules.IsKnownSample(trimmed))
        {
            throw new SecretConfigurationException(settingName, SecretProblem.KnownSample, $"The secret setting '{settingName}' holds a well-known sample value; generate a new random secret.");
        }

        return trimmed;
    }

    /// <summary>Low variety (<see cref="KeyMaterial.HasLowVariety"/>) of the text's UTF-8 bytes.</summary>
    public static bool HasLowVariety(string text) => KeyMaterial.HasLowVariety(System.Text.Encoding.UTF8.GetBytes(text));
}
