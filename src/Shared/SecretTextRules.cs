using System;
using System.Collections.Generic;
using System.Text;

namespace SafeAuth.Shared;

/// <summary>
/// One judgement of secret text, compiled into both the analyzers and the runtime library so they agree: what is a
/// placeholder (the analyzers stay silent on it; the loaders refuse it), and what is a human-made password or phrase
/// rather than an issued or random secret.
/// </summary>
internal static class SecretTextRules
{
    /// <summary>Sample values copied from tutorials and docs, compared case-insensitively after trimming.</summary>
    private static readonly HashSet<string> KnownSamples = new(StringComparer.OrdinalIgnoreCase)
    {
        "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "secret", "secretkey", "secret-key", "secret_key",
        "mysecret", "mysecretkey", "my-secret-key", "my_secret_key", "supersecret", "supersecretkey", "super-secret-key",
        "super_secret_key", "changeme", "change-me", "change_me", "password", "passw0rd", "p@ssw0rd", "default", "test",
        "testsecret", "test-secret", "client-secret", "client_secret", "clientsecret", "jwtsecret", "jwt-secret", "jwt_secret",
        "this is my custom secret key for authentication", "thisismysecretkey", "thisisasecretkey", "qwerty", "123456",
    };

    /// <summary>Values that only stand for a secret to be filled in, compared case-insensitively.</summary>
    private static readonly string[] PlaceholderWords =
    {
        "todo", "tbd", "fixme", "n/a", "na", "none", "null", "nil", "undefined", "placeholder", "replace", "replaceme",
        "replace_me", "replace-me", "redacted", "hidden", "masked", "notset", "not_set",
        "not-set", "empty", "dummy", "fake", "sample", "example",
    };

    /// <summary>Prefixes that mark a value to be replaced before use, compared case-insensitively.</summary>
    private static readonly string[] PlaceholderPrefixes =
    {
        "replace_me", "replace-me", "replaceme", "replace_with", "replace-with", "replace with", "change_me", "change-me",
        "changeme_", "change_this", "change-this", "changethis", "todo:", "todo_", "todo-", "todo ", "fixme", "tbd_",
        "insert_", "insert-", "insert ", "put_your", "put-your", "put your", "enter_your", "enter-your", "enter your",
        "paste_your", "paste-your", "paste your", "add_your", "add-your", "add your", "set_your", "set-your", "set your",
        "your_", "your-", "your ", "<your", "[your", "{your", "placeholder", "xxx",
    };

    /// <summary>Markers of text that describes where the real value comes from, compared case-insensitively.</summary>
    private static readonly string[] PlaceholderMarkers =
    {
        "goes-here", "goes_here", "goes here", "-here", "_here", " here", "from-app-registration", "from_app_registration",
        "from-azure-portal", "from-the-portal", "from-portal", "from-key-vault", "from-keyvault", "from-user-secrets",
        "set-in-user-secrets", "set-via-environment", "in-production", "not-a-real", "not_a_real", "not a real",
    };

    /// <summary>Names of settings written where their value belongs (<c>SECRET</c>, <c>JWT_KEY</c>, <c>CLIENT_SECRET</c>).</summary>
    private static readonly string[] SettingNameWords = { "SECRET", "KEY", "TOKEN", "PASSWORD", "PWD", "PASS", "CLIENT", "APIKEY", "JWT" };

    /// <summary>Words people build passwords from, six letters or more: random text of key length contains one about once in 10^7.</summary>
    private static readonly string[] MemorableWords =
    {
        "secret", "password", "passwd", "changeme", "example", "sample", "default", "signing", "private",
        "qwerty", "letmein", "jwtkey", "apikey", "welcome", "monkey", "dragon", "master",
    };

    /// <summary>The 40 most frequent letter pairs of English text; about 7 % of random letter pairs, half of English ones.</summary>
    private static readonly string[] CommonBigrams =
    {
        "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed", "is", "it", "al", "ar",
        "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co", "me", "de", "hi", "ri", "ro", "ic", "ne", "ea",
    };

    /// <summary>
    /// Empty text and values that stand for a secret to be filled in: wrapped (<c>&lt;…&gt;</c>, <c>[…]</c>, <c>{…}</c>,
    /// <c>%…%</c>, <c>__…__</c>), substitutions (<c>${…}</c>, <c>#{…}</c>, <c>$(…)</c>, <c>{{…}}</c>), masks (<c>****</c>,
    /// <c>xxxx</c>, <c>....</c>), instructions (<c>your-secret</c>, <c>Enter…Here</c>, <c>REPLACE_ME…</c>, <c>CHANGE_ME</c>,
    /// <c>TODO</c>, <c>…-from-app-registration</c>) and setting names in capitals (<c>SECRET</c>, <c>JWT_KEY</c>).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return true;
        }

        // A known sample (jwt.io's "your-256-bit-secret", "changeme") is a real value attackers try first, not a
        // placeholder; only its capitalised form (CHANGE_ME) is the convention for "fill this in".
        if (IsKnownSample(text) && HasLowerCase(text))
        {
            return false;
        }

        return IsWrapped(text) || IsSubstitution(text) || IsMask(text) || IsInstruction(text) || IsSettingName(text);
    }

    /// <summary>Contains a word passwords are built from, also when spelt with digits or symbols (<c>P@ssw0rd</c>).</summary>
    public static bool ContainsMemorableWord(string text)
    {
        var plain = Unleet(text);
        foreach (var word in MemorableWords)
        {
            if (plain.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads as words (an English phrase, a camel-cased sentence): many adjacent letter pairs common in English (random
    /// base64 of key length shows about 3 of 40, a phrase 15 or more), or letters only with the vowels of words. Random
    /// base64 of 32 to 64 bytes passes for words about 4 times in 10^6.
    /// </summary>
    public static bool LooksLikeWords(string text)
    {
        var pairs = 0;
        var common = 0;
        var letters = 0;
        var vowels = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsAsciiLetter(text[i]))
            {
                continue;
            }

            letters++;
            var lower = char.ToLowerInvariant(text[i]);
            vowels += lower is 'a' or 'e' or 'i' or 'o' or 'u' ? 1 : 0;
            if (i > 0 && IsAsciiLetter(text[i - 1]))
            {
                pairs++;
                var pair = new string(new[] { char.ToLowerInvariant(text[i - 1]), lower });
                common += Array.IndexOf(CommonBigrams, pair) >= 0 ? 1 : 0;
            }
        }

        return (common >= 8 && common * 10 >= pairs * 4)
            || (letters == text.Length && letters >= 16 && vowels * 10 >= letters * 3);
    }

    private static bool IsWrapped(string text)
    {
        if (text.Length < 2)
        {
            return false;
        }

        var first = text[0];
        var last = text[text.Length - 1];
        return (first == '<' && last == '>') || (first == '{' && last == '}') || (first == '[' && last == ']')
            || (first == '%' && last == '%' && text.Length > 2)
            || (text.Length > 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal));
    }

    private static bool IsSubstitution(string text)
        => ((text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal) || text.StartsWith("{{", StringComparison.Ordinal)) && text.IndexOf('}') > 1)
           || (text.StartsWith("$(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal));

    private static bool IsMask(string text)
    {
        var first = char.ToLowerInvariant(text[0]);
        if (text.Length < 3 || first is not ('*' or 'x' or '.' or '#' or '?' or '-' or '_' or '•'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInstruction(string text)
    {
        foreach (var word in PlaceholderWords)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in PlaceholderPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "YourSecretHere", "EnterClientSecret": a camel-cased instruction.
        if ((text.StartsWith("Your", StringComparison.Ordinal) || text.StartsWith("Enter", StringComparison.Ordinal) || text.StartsWith("Insert", StringComparison.Ordinal))
            && text.EndsWith("Here", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var marker in PlaceholderMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (marker[0] is not ('-' or '_' or ' ') || at + marker.Length == text.Length))
            {
                return true;
            }
        }

        return text.EndsWith("Here", StringComparison.Ordinal) && text.Length <= 64 && LooksLikeWords(text);
    }

    private static bool IsSettingName(string text)
    {
        var underscore = false;
        foreach (var c in text)
        {
            if (c == '_')
            {
                underscore = true;
            }
            else if (c is not (>= 'A' and <= 'Z') && c is not (>= '0' and <= '9'))
            {
                return false;
            }
        }

        foreach (var word in SettingNameWords)
        {
            if (string.Equals(text, word, StringComparison.Ordinal) || (underscore && text.IndexOf(word, StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static string Unleet(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '0' => 'o',
                '1' => 'i',
                '!' => 'i',
                '3' => 'e',
                '4' => 'a',
                '@' => 'a',
                '5' => 's',
                '$' => 's',
                '7' => 't',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>A sample value copied from tutorials and docs (jwt.io's <c>your-256-bit-secret</c>, <c>changeme</c>…), compared case-insensitively.</summary>
    public static bool IsKnownSample(string text) => KnownSamples.Contains(text.Trim());

    private static bool HasLowerCase(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
