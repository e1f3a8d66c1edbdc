using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SafeAuth.Tokens;

/// <summary>The settings the gate needs, fixed when the validator is built.</summary>
internal sealed class GateSettings
{
    public GateSettings(int maxTokenSizeInBytes, IEnumerable<string> algorithms, IEnumerable<string> validTypes, bool allowNestedTokens, bool acceptOnlyAccessTokens = true)
    {
        MaxTokenSizeInBytes = maxTokenSizeInBytes;
        Algorithms = new HashSet<string>(algorithms, StringComparer.Ordinal);
        ValidTypes = new HashSet<string>(validTypes, StringComparer.Ordinal);
        AllowNestedTokens = allowNestedTokens;
        AcceptOnlyAccessTokens = acceptOnlyAccessTokens;
    }

    public int MaxTokenSizeInBytes { get; }

    public HashSet<string> Algorithms { get; }

    public HashSet<string> ValidTypes { get; }

    public bool AllowNestedTokens { get; }

    /// <summary>Whether tokens marked as another kind (ID, logout, DPoP proof…) are refused.</summary>
    public bool AcceptOnlyAccessTokens { get; }
}

/// <summary>What the gate learnt about a token that passed it.</summary>
internal sealed class InspectedToken
{
    public InspectedToken(string token, string headerSegment, string payloadSegment, byte[] signature, byte[] payloadBytes, string algorithm, string? keyId, bool isNested)
    {
        Token = token;
        HeaderSegment = headerSegment;
        PayloadSegment = payloadSegment;
        Signature = signature;
        PayloadBytes = payloadBytes;
        Algorithm = algorithm;
        KeyId = keyId;
        IsNested = isNested;
    }

    public string Token { get; }

    public string HeaderSegment { get; }

    public string PayloadSegment { get; }

    public byte[] Signature { get; }

    public byte[] PayloadBytes { get; }

    public string Algorithm { get; }

    public string? KeyId { get; }

    public bool IsNested { get; }

    /// <summary>The <c>iss</c> claim, when it is a string.</summary>
    public string? Issuer { get; set; }

    public double? Expires { get; set; }

    public double? NotBefore { get; set; }

    public double? IssuedAt { get; set; }
}

/// <summary>A top-level JSON member: its token kind and, for strings and numbers, its value.</summary>
internal readonly record struct JsonMember(JsonTokenType Kind, string? String, double? Number, bool IsArrayOfStrings = false);
