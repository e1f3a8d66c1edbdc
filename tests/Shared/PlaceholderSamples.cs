namespace SafeAuth.Tests.Shared;

/// <summary>
/// Values that stand for a secret to be filled in. The analyzers stay silent on them and the runtime loaders refuse
/// them as placeholders: one classifier, compiled into both, so this one table is checked on both sides.
/// </summary>
public static class PlaceholderSamples
{
    public static readonly string[] Values =
    {
        "<your-client-secret>", "<your-key>", "[your secret]", "{client_secret}", "${JWT_KEY}", "#{ClientSecret}#",
        "$(ClientSecret)", "{{ client_secret }}", "__CLIENT_SECRET__", "%CLIENT_SECRET%", "REPLACE_ME_BEFORE_DEPLOYING",
        "REPLACE_WITH_YOUR_SECRET", "CHANGE_ME", "CHANGEME_BEFORE_PRODUCTION", "TODO", "todo: set in key vault", "TBD",
        "your secret", "your-client-secret-goes-here", "YOUR_CLIENT_SECRET", "YourClientSecretHere", "EnterYourSecretHere",
        "ENTER_YOUR_SECRET_HERE", "client-secret-from-app-registration", "set-in-user-secrets", "xxxxxxxxxxxxxxxx",
        "XXXX-XXXX-XXXX", "********************", "....", "SECRET", "JWT_KEY", "CLIENT_SECRET", "placeholder",
    };

    /// <summary>Look-alikes that are real, guessable values (reported by the analyzers, refused by the loaders as known samples or weak).</summary>
    public static readonly string[] NotPlaceholders =
    {
        "your-256-bit-secret", "changeme", "secret", "password", "Xk9vQ2mZ7pL4wR8tY6nB3hJ5cF1d", "GOCSPX-4Fq9xZ2mT7vL1pR8sW3yK6bN",
    };
}
