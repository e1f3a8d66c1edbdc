using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.IdentityModel.Tokens;

namespace SafeAuth.Tokens;

/// <summary>
/// Which keys belong to which issuer (RFC 8725 §3.8), built from <see cref="StrictJwtValidationOptions.ValidIssuer"/>,
/// <see cref="StrictJwtValidationOptions.ValidIssuers"/> with <see cref="StrictJwtValidationOptions.IssuerSigningKeys"/>,
/// and <see cref="StrictJwtValidationOptions.TrustedIssuers"/>. Keys shared by several issuers must be bound to each of
/// them explicitly.
/// </summary>
internal sealed class IssuerKeys
{
    private readonly Dictionary<string, SecurityKey[]> _keysByIssuer;
    private readonly Dictionary<SecurityKey, string> _labels;

    private IssuerKeys(Dictionary<string, SecurityKey[]> keysByIssuer, Dictionary<SecurityKey, string> labels, IReadOnlyList<string> issuers, IReadOnlyList<SecurityKey> allKeys)
    {
        _keysByIssuer = keysByIssuer;
        _labels = labels;
        Issuers = issuers;
        AllKeys = allKeys;
    }

    /// <summary>Every trusted issuer, in configuration order.</summary>
    public IReadOnlyList<string> Issuers { get; }

    /// <summary>Every key, each once (reference identity), in configuration order.</summary>
    public IReadOnlyList<SecurityKey> AllKeys { get; }

    /// <summary>The keys of <paramref name="issuer"/>, or <see langword="null"/> when it is not trusted.</summary>
    public SecurityKey[]? KeysOf(string? issuer)
        => issuer is not null && _keysByIssuer.TryGetValue(issuer, out var keys) ? keys : null;

    /// <summary>Whether <paramref name="key"/> is one of <paramref name="issuer"/>'s keys (reference identity).</summary>
    public bool Owns(string? issuer, SecurityKey key)
        => KeysOf(issuer) is { } keys && Array.IndexOf(keys, key) >= 0;

    /// <summary>Where <paramref name="key"/> was configured, for error messages.</summary>
    public string Label(SecurityKey key) => _labels[key];

    public static IssuerKeys Create(StrictJwtValidationOptions options)
    {
        var labels = new Dictionary<SecurityKey, string>(ReferenceEqualityComparer.Instance);
        var byIssuer = new Dictionary<string, SecurityKey[]>(StringComparer.Ordinal);
        var order = new List<string>();
        AddSharedKeys(options, byIssuer, order, labels);
        AddTrustedIssuers(options, byIssuer, order, labels);
        if (order.Count == 0)
        {
            throw new ArgumentException("An issuer is required: set ValidIssuer (with IssuerSigningKeys) or AddIssuer(issuer, keys) (RFC 8725 §3.8).", nameof(options));
        }

        var all = new List<SecurityKey>();
        var seen = new HashSet<SecurityKey>(ReferenceEqualityComparer.Instance);
        foreach (var name in order)
        {
            all.AddRange(byIssuer[name].Where(seen.Add));
        }

        return new IssuerKeys(byIssuer, labels, order, all);
    }

    /// <summary><see cref="StrictJwtValidationOptions.IssuerSigningKeys"/> belong to the one issuer named by ValidIssuer/ValidIssuers.</summary>
    private static void AddSharedKeys(StrictJwtValidationOptions options, Dictionary<string, SecurityKey[]> byIssuer, List<string> order, Dictionary<SecurityKey, string> labels)
    {
        var shared = SharedIssuers(options);
        var sharedKeys = NonNullKeys(options.IssuerSigningKeys, nameof(StrictJwtValidationOptions.IssuerSigningKeys));
        if (sharedKeys.Length > 0 && shared.Count == 0)
        {
            throw new ArgumentException("IssuerSigningKeys belong to no issuer: set ValidIssuer, or bind keys to issuers with AddIssuer (RFC 8725 §3.8).", nameof(options));
        }

        if (sharedKeys.Length > 0 && shared.Count > 1)
        {
            throw new ArgumentException(
                Format("IssuerSigningKeys would be trusted for {0} issuers at once, so one issuer could sign tokens in another's name (RFC 8725 §3.8). Bind each key to its issuer with AddIssuer(issuer, keys); issuers that really share keys are each added with the same key.", shared.Count),
                nameof(options));
        }

        foreach (var name in shared)
        {
            if (sharedKeys.Length == 0)
            {
                throw new ArgumentException(Format("The issuer '{0}' has no signing key: add its keys to IssuerSigningKeys, or use AddIssuer(issuer, keys).", name), nameof(options));
            }

            Add(byIssuer, order, name, sharedKeys);
        }

        for (var i = 0; i < sharedKeys.Length; i++)
        {
            labels.TryAdd(sharedKeys[i], Format("IssuerSigningKeys[{0}]", i));
        }
    }

    private static void AddTrustedIssuers(StrictJwtValidationOptions options, Dictionary<string, SecurityKey[]> byIssuer, List<string> order, Dictionary<SecurityKey, string> labels)
    {
        var trusted = options.TrustedIssuers;
        for (var i = 0; i < trusted.Count; i++)
        {
            var issuer = trusted[i] ?? throw new ArgumentException(Format("TrustedIssuers[{0}] is null.", i), nameof(options));
            var keys = NonNullKeys(issuer.IssuerSigningKeys, Format("TrustedIssuers[{0}].IssuerSigningKeys", i));
            if (keys.Length == 0)
            {
                throw new ArgumentException(Format("The trusted issuer '{0}' has no signing key.", issuer.Issuer), nameof(options));
            }

            Add(byIssuer, order, issuer.Issuer, keys);
            for (var j = 0; j < keys.Length; j++)
            {
                labels.TryAdd(keys[j], Format("The signing key {0} of the trusted issuer '{1}'", j, issuer.Issuer));
            }
        }
    }

    private static List<string> SharedIssuers(StrictJwtValidationOptions options)
    {
        var names = new List<string>();
        if (options.ValidIssuer is { Length: > 0 } single)
        {
            names.Add(Blank(single, nameof(StrictJwtValidationOptions.ValidIssuer)));
        }

        var list = options.ValidIssuers;
        foreach (var name in list)
        {
            var checkedName = Blank(name, nameof(StrictJwtValidationOptions.ValidIssuers));
            if (!names.Contains(checkedName, StringComparer.Ordinal))
            {
                names.Add(checkedName);
            }
        }

        return names;
    }

    private static void Add(Dictionary<string, SecurityKey[]> byIssuer, List<string> order, string issuer, SecurityKey[] keys)
    {
        if (byIssuer.ContainsKey(issuer))
        {
            throw new ArgumentException(Format("The issuer '{0}' is configured twice; give it all its keys in one place.", issuer), nameof(StrictJwtValidationOptions.TrustedIssuers));
        }

        byIssuer.Add(issuer, keys);
        order.Add(issuer);
    }

    private static SecurityKey[] NonNullKeys(IList<SecurityKey> keys, string name)
    {
        var seen = new HashSet<SecurityKey>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is null)
            {
                throw new ArgumentException(Format("{0}[{1}] is null.", name, i), name);
            }

            if (!seen.Add(keys[i]))
            {
                throw new ArgumentException(Format("{0}[{1}] is listed twice.", name, i), name);
            }
        }

        return keys.ToArray();
    }

    private static string Blank(string? value, string name)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(name + " must not contain a null or blank issuer.", name) : value;

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
