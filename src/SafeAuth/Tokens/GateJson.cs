using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SafeAuth.Tokens;

/// <summary>
/// The gate's JSON reader (RFC 8725 §3.7, RFC 7515 §4): strict UTF-8 without a byte order mark, a single JSON object,
/// no comments or trailing commas, duplicate member names refused at every depth; the top-level members are kept.
/// </summary>
internal static class GateJson
{
    private const int MaxJsonDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static Dictionary<string, JsonMember>? ReadObject(byte[] utf8, string part, out JwtValidationFailure failure, out string message)
    {
        failure = JwtValidationFailure.None;
        message = string.Empty;

        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            return JwtGate.FailJson(JwtValidationFailure.Malformed, JwtGate.Format("The {0} starts with a byte order mark.", part), out failure, out message);
        }

        try
        {
            _ = StrictUtf8.GetCharCount(utf8);
        }
        catch (DecoderFallbackException)
        {
            return JwtGate.FailJson(JwtValidationFailure.Malformed, JwtGate.Format("The {0} is not valid UTF-8 (RFC 8725 §3.7).", part), out failure, out message);
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JwtGate.FailJson(JwtValidationFailure.Malformed, JwtGate.Format("The {0} is not a JSON object.", part), out failure, out message);
            }

            var members = new TopLevelMembers();
            while (reader.Read())
            {
                if (!members.Read(ref reader))
                {
                    return JwtGate.FailJson(JwtValidationFailure.DuplicateMember, JwtGate.Format("The {0} repeats a member name; duplicates are refused rather than resolved (RFC 7515 §4, RFC 7519 §4).", part), out failure, out message);
                }
            }

            return members.Members;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated or trailing content, comments, invalid escapes or lone surrogates.
            return JwtGate.FailJson(JwtValidationFailure.Malformed, JwtGate.Format("The {0} is not a single well-formed JSON object.", part), out failure, out message);
        }
    }

    /// <summary>Collects the top-level members of one object, token by token, and tells when a name repeats.</summary>
    private sealed class TopLevelMembers
    {
        // One name set per open object; null for an open array.
        private readonly Stack<HashSet<string>?> _scopes = new();
        private string? _topLevelName;
        private string? _topLevelArray;
        private bool _arrayOfStrings = true;

        public TopLevelMembers() => _scopes.Push(new HashSet<string>(StringComparer.Ordinal));

        public Dictionary<string, JsonMember> Members { get; } = new(StringComparer.Ordinal);

        /// <summary>Takes the reader's current token; false when it is a member name already seen in its object.</summary>
        public bool Read(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!_scopes.Peek()!.Add(name))
                    {
                        return false;
                    }

                    if (_scopes.Count == 1)
                    {
                        _topLevelName = name;
                    }

                    break;
                case JsonTokenType.StartObject:
                    NoteNonString();
                    Record(new JsonMember(JsonTokenType.StartObject, null, null));
                    _scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    NoteNonString();
                    if (_scopes.Count == 1)
                    {
                        _topLevelArray = _topLevelName;
                        _arrayOfStrings = true;
                    }

                    Record(new JsonMember(JsonTokenType.StartArray, null, null));
                    _scopes.Push(null);
                    break;
                case JsonTokenType.EndObject:
                    _scopes.Pop();
                    break;
                case JsonTokenType.EndArray:
                    _scopes.Pop();
                    if (_scopes.Count == 1 && _topLevelArray is not null)
                    {
                        Members[_topLevelArray] = new JsonMember(JsonTokenType.StartArray, null, null, _arrayOfStrings);
                        _topLevelArray = null;
                    }

                    break;
                case JsonTokenType.String:
                    Record(new JsonMember(JsonTokenType.String, reader.GetString(), null));
                    break;
                case JsonTokenType.Number:
                    NoteNonString();
                    Record(new JsonMember(JsonTokenType.Number, null, reader.TryGetDouble(out var d) ? d : null));
                    break;
                default:
                    NoteNonString();
                    Record(new JsonMember(reader.TokenType, null, null));
                    break;
            }

            return true;
        }

        /// <summary>A value that is not a string, directly inside a top-level array: that array is not all strings.</summary>
        private void NoteNonString()
        {
            if (_scopes.Count == 2 && _topLevelArray is not null)
            {
                _arrayOfStrings = false;
            }
        }

        private void Record(JsonMember value)
        {
            if (_scopes.Count == 1 && _topLevelName is not null)
            {
                Members[_topLevelName] = value;
                _topLevelName = null;
            }
        }
    }
}
