using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeAuth.Cli.Inspect;

/// <summary>A compact JWS split and decoded for reading; nothing about it is trusted.</summary>
public sealed class DecodedToken
{
    private DecodedToken(string text, JsonObject header, JsonObject payload, int signatureLength)
    {
        Text = text;
        Header = header;
        Payload = payload;
        SignatureLength = signatureLength;
    }

    /// <summary>The token text.</summary>
    public string Text { get; }

    /// <summary>The JOSE header.</summary>
    public JsonObject Header { get; }

    /// <summary>The claims.</summary>
    public JsonObject Payload { get; }

    /// <summary>The signature's length in bytes (0 for an unsigned token).</summary>
    public int SignatureLength { get; }

    /// <summary>A header member as a string, or null.</summary>
    public string? HeaderString(string name) => Header[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A claim as a string, or null.</summary>
    public string? ClaimString(string name) => Payload[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A numeric date claim (seconds since the epoch), or null when absent or not a number.</summary>
    public DateTimeOffset? ClaimTime(string name)
    {
        if (Payload[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var seconds)
            && seconds >= 0 && seconds <= 253402300799)
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }

        return null;
    }

    /// <summary>The audiences (<c>aud</c> as a string or an array of strings).</summary>
    public IReadOnlyList<string> Audiences => Payload["aud"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var one) => new[] { one },
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray(),
        _ => Array.Empty<string>(),
    };

    /// <summary>Decodes <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a compact JWS (the message says why); a JWE is refused by name.</exception>
    public static DecodedToken Decode(string text)
    {
        text = text.Trim();
        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..].Trim();
        }

        var parts = text.Split('.');
        if (parts.Length == 5)
        {
            throw new FormatException("this is a JWE (five segments): its claims are encrypted, and safeauth inspect does not decrypt tokens.");
        }

        if (parts.Length != 3)
        {
            throw new FormatException($"a compact JWT has three segments separated by '.'; this text has {parts.Length}.");
        }

        var header = Object(parts[0], "header");
        if (header["enc"] is not null)
        {
            throw new FormatException("the header has 'enc': this is a JWE, and safeauth inspect does not decrypt tokens.");
        }

        var payload = Object(parts[1], "payload");
        var signature = Bytes(parts[2], "signature");
        return new DecodedToken(text, header, payload, signature.Length);
    }

    private static JsonObject Object(string segment, string name)
    {
        var bytes = Bytes(segment, name);
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(bytes), documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                   ?? throw new FormatException($"the {name} is JSON but not an object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the {name} is not JSON: {e.Message}");
        }
    }

    private static byte[] Bytes(string segment, string name)
    {
        if (segment.Length == 0 && name == "signature")
        {
            return Array.Empty<byte>();
        }

        if (segment.Length == 0 || !Base64Url.IsValid(segment))
        {
            throw new FormatException($"the {name} segment is not base64url.");
        }

        return Base64Url.DecodeFromChars(segment);
    }
}
