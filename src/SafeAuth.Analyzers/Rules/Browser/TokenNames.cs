using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// Decides whether a storage key or a member name names a token (<c>token</c>, <c>authToken</c>, <c>access_token</c>,
/// <c>refresh-token</c>, <c>jwt</c>, <c>id_token</c>, <c>bearer</c>…), case- and separator-insensitively, while
/// leaving look-alikes alone (<c>tokenizerMode</c>, <c>csrfTokenName</c>, <c>tokenExpiry</c>, <c>cancellationToken</c>).
/// </summary>
internal static class TokenNames
{
    /// <summary>A word before <c>token</c> that makes it something else than a credential.</summary>
    private static readonly ImmutableHashSet<string> NotSecretBefore = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "csrf", "xsrf", "antiforgery", "forgery", "request", "verification", "cancellation", "continuation", "pagination",
        "page", "paging", "next", "cursor", "sync", "device", "push", "fcm", "apns", "notification", "registration",
        "design", "lexer", "parser", "syntax", "css", "color", "colour", "theme");

    /// <summary>A word after <c>token</c> (or <c>jwt</c>) that makes the name describe the token, not hold it.</summary>
    private static readonly ImmutableHashSet<string> NotSecretAfter = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "name", "names", "type", "types", "kind", "endpoint", "url", "uri", "path", "expiry", "expires", "expiration",
        "exp", "lifetime", "ttl", "length", "count", "header", "key", "keys", "id", "status", "state", "source", "format",
        "timestamp", "time", "date", "at", "issued", "issuer", "audience", "scope", "scopes", "validation", "options",
        "settings", "config", "configuration", "handler", "service", "store", "provider", "client", "manager", "factory",
        "helper", "parameters", "policy", "mode", "prefix", "position", "index", "span", "kinds", "received", "refreshed",
        "valid", "invalid", "present", "required");

    /// <summary>Prefixes that, glued to <c>token</c> in one lower-case word, still name a credential (<c>accesstoken</c>).</summary>
    private static readonly string[] GluedPrefixes =
    {
        "access", "refresh", "id", "auth", "bearer", "session", "api", "user", "jwt", "oauth", "oidc", "identity",
        "security", "login", "msal", "b2c",
    };

    /// <summary>Whether <paramref name="name"/> names a token credential.</summary>
    public static bool IsTokenName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = Split(name!);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count ? words[i + 1] : null;
            var previous = i > 0 ? words[i - 1] : null;
            if (next is not null && NotSecretAfter.Contains(next))
            {
                continue;
            }

            switch (word)
            {
                case "jwt" or "jwts" or "bearer":
                    return true;
                case "token" or "tokens":
                    if (previous is null || !NotSecretBefore.Contains(previous))
                    {
                        return true;
                    }

                    break;
                default:
                    if (IsGluedTokenWord(word))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a constant or variable that holds a storage <em>key</em> names a token key:
    /// <c>AccessTokenKey</c>, <c>TokenStorageKey</c>, <c>JwtKeyName</c>, <c>RefreshToken</c>.
    /// </summary>
    public static bool IsTokenKeySymbolName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = Split(name!);
        var end = words.Count;
        while (end > 0 && words[end - 1] is "key" or "name" or "storage" or "item" or "slot")
        {
            end--;
        }

        return end > 0 && IsTokenName(string.Join("_", words.GetRange(0, end)));
    }

    private static bool IsGluedTokenWord(string word)
    {
        var stem = word.EndsWith("tokens", StringComparison.Ordinal) ? word.Substring(0, word.Length - 6)
            : word.EndsWith("token", StringComparison.Ordinal) ? word.Substring(0, word.Length - 5)
            : null;
        if (stem is null || stem.Length == 0)
        {
            return false;
        }

        foreach (var prefix in GluedPrefixes)
        {
            if (stem == prefix)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case words of an identifier or key: separators, camel case, acronyms and digits split it.</summary>
    internal static List<string> Split(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var boundary =
                    (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    || (char.IsDigit(c) != char.IsDigit(previous));
                if (boundary)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }
}
