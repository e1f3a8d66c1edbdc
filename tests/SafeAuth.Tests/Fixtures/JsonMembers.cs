using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeAuth.Tests.Fixtures;

/// <summary>
/// An ordered list of JSON object members holding raw JSON values, so tests can write exactly the bytes they want:
/// duplicate names, strings where numbers belong, members left out.
/// </summary>
public sealed class JsonMembers
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<KeyValuePair<string, string>> _members = new();

    public static string Quote(string value) => JsonSerializer.Serialize(value, Relaxed);

    /// <summary>Replaces the first member called <paramref name="name"/>, or appends it.</summary>
    public JsonMembers Set(string name, string rawJson)
    {
        int index = _members.FindIndex(m => m.Key == name);
        if (index >= 0)
            _members[index] = new(name, rawJson);
        else
            _members.Add(new(name, rawJson));
        return this;
    }

    public JsonMembers SetString(string name, string value) => Set(name, Quote(value));

    public JsonMembers SetNumber(string name, long value) => Set(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Appends a member even if the name is already present.</summary>
    public JsonMembers Append(string name, string rawJson)
    {
        _members.Add(new(name, rawJson));
        return this;
    }

    public JsonMembers Remove(string name)
    {
        _members.RemoveAll(m => m.Key == name);
        return this;
    }

    public JsonMembers Clone()
    {
        var copy = new JsonMembers();
        copy._members.AddRange(_members);
        return copy;
    }

    public override string ToString() => "{" + string.Join(",", _members.Select(m => Quote(m.Key) + ":" + m.Value)) + "}";
}
