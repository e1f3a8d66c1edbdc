using System;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// Provider credentials with a fixed, checkable shape: a documented prefix and a body of a known alphabet and length.
/// A body with fewer than <see cref="MinimumDistinct"/> different characters (<c>xxxx…</c>, <c>0000…</c>) is a
/// placeholder, and so is a value that says <c>EXAMPLE</c> (the form provider documentation uses).
/// </summary>
internal static class ProviderSecretFormats
{
    private const int MinimumDistinct = 8;

    private static readonly string[] SlackPrefixes = { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-" };

    /// <summary>The well-known key of the local storage emulator (Azurite): published, not a secret.</summary>
    private const string StorageEmulatorKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static SecretLiteralKind? Detect(string text)
    {
        if (text.Length < 20 || text.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }

        if (HasToken(text, "sk_live_", Alphanumeric, 24, 247) || HasToken(text, "rk_live_", Alphanumeric, 24, 247))
        {
            return SecretLiteralKind.StripeSecretKey;
        }

        if (HasToken(text, "whsec_", Alphanumeric, 32, 128))
        {
            return SecretLiteralKind.StripeWebhookSecret;
        }

        if (HasToken(text, "AKIA", UpperAlphanumeric, 16, 16) || HasToken(text, "ASIA", UpperAlphanumeric, 16, 16))
        {
            return SecretLiteralKind.AwsAccessKey;
        }

        if (HasGitHubToken(text))
        {
            return SecretLiteralKind.GitHubToken;
        }

        if (HasSlackToken(text))
        {
            return SecretLiteralKind.SlackToken;
        }

        if (HasToken(text, "AIza", Base64Url, 35, 35))
        {
            return SecretLiteralKind.GoogleApiKey;
        }

        if (HasSendGridKey(text))
        {
            return SecretLiteralKind.SendGridKey;
        }

        return HasAzureSharedKey(text) ? SecretLiteralKind.AzureSharedKey : null;
    }

    private static bool HasGitHubToken(string text) =>
        HasToken(text, "ghp_", Alphanumeric, 36, 36) || HasToken(text, "gho_", Alphanumeric, 36, 36) || HasToken(text, "ghu_", Alphanumeric, 36, 36)
        || HasToken(text, "ghs_", Alphanumeric, 36, 36) || HasToken(text, "ghr_", Alphanumeric, 36, 36)
        || HasToken(text, "github_pat_", WordCharacter, 70, 100);

    /// <summary>Bot, user, app and refresh tokens (<c>xoxb-</c>…), and incoming-webhook URLs.</summary>
    private static bool HasSlackToken(string text)
    {
        foreach (var prefix in SlackPrefixes)
        {
            if (HasToken(text, prefix, c => Alphanumeric(c) || c == '-', 20, 255))
            {
                return true;
            }
        }

        const string Webhook = "hooks.slack.com/services/T";
        var at = text.IndexOf(Webhook, StringComparison.Ordinal);
        return at >= 0 && Body(text, at + Webhook.Length, c => Alphanumeric(c) || c == '/', 300) is var length && length >= 30
               && CountOf(text, '/', at + Webhook.Length, length) == 2;
    }

    /// <summary><c>SG.</c>, 22 characters, a dot, 43 characters.</summary>
    private static bool HasSendGridKey(string text)
    {
        var at = -1;
        while ((at = text.IndexOf("SG.", at + 1, StringComparison.Ordinal)) >= 0)
        {
            if (AtBoundary(text, at) && Body(text, at + 3, Base64Url, 22) == 22 && at + 25 < text.Length && text[at + 25] == '.'
                && Body(text, at + 26, Base64Url, 44) == 43 && Distinct(text, at + 3, 22) >= MinimumDistinct)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A storage account key (<c>AccountKey=</c>, 88 base64 characters), a Service Bus / Event Hubs key
    /// (<c>SharedAccessKey=</c>, 44), or a shared access signature (<c>sig=</c> in a SAS URL or connection string).
    /// </summary>
    private static bool HasAzureSharedKey(string text)
    {
        var account = text.IndexOf("AccountKey=", StringComparison.OrdinalIgnoreCase);
        if (account >= 0 && Body(text, account + 11, Base64, 90) == 88 && string.CompareOrdinal(text, account + 11, StorageEmulatorKey, 0, 88) != 0
            && Distinct(text, account + 11, 88) >= MinimumDistinct)
        {
            return true;
        }

        var shared = text.IndexOf("SharedAccessKey=", StringComparison.OrdinalIgnoreCase);
        if (shared >= 0 && Body(text, shared + 16, Base64, 46) == 44 && Distinct(text, shared + 16, 44) >= MinimumDistinct)
        {
            return true;
        }

        var signature = text.IndexOf("sig=", StringComparison.Ordinal);
        return signature > 0 && text[signature - 1] is '&' or '?' or ';'
               && (text.IndexOf("sv=", StringComparison.Ordinal) >= 0 || text.IndexOf("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase) >= 0)
               && Body(text, signature + 4, c => Base64(c) || c == '%', 200) is var length && length >= 40
               && Distinct(text, signature + 4, length) >= MinimumDistinct;
    }

    /// <summary>
    /// <paramref name="prefix"/> at a word boundary followed by <paramref name="minimum"/> to <paramref name="maximum"/>
    /// characters of the alphabet, then the end of the token; the body not a placeholder.
    /// </summary>
    private static bool HasToken(string text, string prefix, Func<char, bool> alphabet, int minimum, int maximum)
    {
        var at = -1;
        while ((at = text.IndexOf(prefix, at + 1, StringComparison.Ordinal)) >= 0)
        {
            var start = at + prefix.Length;
            var length = Body(text, start, alphabet, maximum + 1);
            if (AtBoundary(text, at) && length >= minimum && length <= maximum
                && (start + length == text.Length || !Alphanumeric(text[start + length]))
                && Distinct(text, start, length) >= MinimumDistinct)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AtBoundary(string text, int at) => at == 0 || !(Alphanumeric(text[at - 1]) || text[at - 1] == '_');

    /// <summary>How many characters of the alphabet follow <paramref name="start"/>, counting at most <paramref name="limit"/>.</summary>
    private static int Body(string text, int start, Func<char, bool> alphabet, int limit)
    {
        var length = 0;
        while (start + length < text.Length && length < limit && alphabet(text[start + length]))
        {
            length++;
        }

        return length;
    }

    private static int Distinct(string text, int start, int length)
    {
        var seen = new bool[128];
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c < 128 && !seen[c])
            {
                seen[c] = true;
                count++;
            }
        }

        return count;
    }

    private static int CountOf(string text, char c, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            count += text[i] == c ? 1 : 0;
        }

        return count;
    }

    private static bool Alphanumeric(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool UpperAlphanumeric(char c) => c is >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool WordCharacter(char c) => Alphanumeric(c) || c == '_';

    private static bool Base64Url(char c) => Alphanumeric(c) || c is '-' or '_';

    private static bool Base64(char c) => Alphanumeric(c) || c is '+' or '/' or '=';
}
