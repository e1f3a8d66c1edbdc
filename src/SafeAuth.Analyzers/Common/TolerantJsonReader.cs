using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.Analyzers.Common;

/// <summary>A string value of a JSON document, with its configuration path (<c>Jwt:Key</c>, <c>Clients:0:Secret</c>).</summary>
internal readonly struct JsonStringValue
{
    public JsonStringValue(string path, string value, TextSpan span)
    {
        Path = path;
        Value = value;
        Span = span;
    }

    /// <summary>Keys joined with <c>:</c> as <c>Microsoft.Extensions.Configuration</c> does; array items are numbered.</summary>
    public string Path { get; }

    public string Value { get; }

    /// <summary>The span of the value's string token, quotes included.</summary>
    public TextSpan Span { get; }
}

/// <summary>
/// A small JSON reader for <c>appsettings*.json</c>: accepts <c>//</c> and <c>/* */</c> comments and trailing commas,
/// as the configuration JSON provider does, and yields every string value with its path and span. Analyzers cannot
/// rely on System.Text.Json being loadable on netstandard2.0 hosts, so this reads the text by hand. Malformed input
/// yields <c>false</c>, never an exception.
/// </summary>
internal sealed class TolerantJsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly List<JsonStringValue> _values = new();
    private readonly List<string> _path = new();
    private int _position;

    private TolerantJsonReader(string text) => _text = text;

    public static bool TryRead(string text, out List<JsonStringValue> values)
    {
        var reader = new TolerantJsonReader(text);
        var ok = reader.ReadDocument();
        values = ok ? reader._values : new List<JsonStringValue>();
        return ok;
    }

    private bool ReadDocument()
    {
        // A byte-order mark may survive decoding.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _position = 1;
        }

        if (!SkipTrivia() || !ReadValue(0) || !SkipTrivia())
        {
            return false;
        }

        return _position == _text.Length;
    }

    private bool ReadValue(int depth)
    {
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return false;
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var start = _position;
                if (!ReadString(out var value))
                {
                    return false;
                }

                _values.Add(new JsonStringValue(string.Join(":", _path), value, TextSpan.FromBounds(start, _position)));
                return true;
            default:
                return ReadLiteral();
        }
    }

    private bool ReadObject(int depth)
    {
        _position++; // {
        while (true)
        {
            if (!SkipTrivia() || _position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == '}')
            {
                _position++;
                return true;
            }

            if (_text[_position] != '"' || !ReadString(out var key) || !SkipTrivia()
                || _position >= _text.Length || _text[_position] != ':')
            {
                return false;
            }

            _position++; // :
            if (!SkipTrivia())
            {
                return false;
            }

            _path.Add(key);
            var ok = ReadValue(depth + 1);
            _path.RemoveAt(_path.Count - 1);
            if (!ok || !SkipTrivia() || _position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == ',')
            {
                _position++; // a trailing comma before } is accepted on the next turn
            }
            else if (_text[_position] != '}')
            {
                return false;
            }
        }
    }

    private bool ReadArray(int depth)
    {
        _position++; // [
        var index = 0;
        while (true)
        {
            if (!SkipTrivia() || _position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == ']')
            {
                _position++;
                return true;
            }

            _path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var ok = ReadValue(depth + 1);
            _path.RemoveAt(_path.Count - 1);
            index++;
            if (!ok || !SkipTrivia() || _position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == ',')
            {
                _position++;
            }
            else if (_text[_position] != ']')
            {
                return false;
            }
        }
    }

    private bool ReadString(out string value)
    {
        value = string.Empty;
        _position++; // opening quote
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    value = builder.ToString();
                    return true;
                case '\r' or '\n':
                    return false;
                case '\\':
                    if (!ReadEscape(builder))
                    {
                        return false;
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return false;
    }

    /// <summary>The escape after a backslash: one of <c>"\\/bfnrt</c> or <c>uXXXX</c>; false for anything else or a cut-off end.</summary>
    private bool ReadEscape(StringBuilder builder)
    {
        if (_position >= _text.Length)
        {
            return false;
        }

        var escaped = _text[_position++];
        switch (escaped)
        {
            case '"' or '\\' or '/':
                builder.Append(escaped);
                return true;
            case 'b':
                builder.Append('\b');
                return true;
            case 'f':
                builder.Append('\f');
                return true;
            case 'n':
                builder.Append('\n');
                return true;
            case 'r':
                builder.Append('\r');
                return true;
            case 't':
                builder.Append('\t');
                return true;
            case 'u':
                if (_position + 4 > _text.Length
                    || !int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    return false;
                }

                builder.Append((char)code);
                _position += 4;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Numbers, <c>true</c>, <c>false</c>, <c>null</c>: read loosely up to the next delimiter.</summary>
    private bool ReadLiteral()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ',' or '}' or ']' or ' ' or '\t' or '\r' or '\n' or '/')
            {
                break;
            }

            _position++;
        }

        var word = _text.Substring(start, _position - start);
        if (word is "true" or "false" or "null")
        {
            return true;
        }

        return word.Length > 0 && double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Skips whitespace and comments; false on an unterminated block comment.</summary>
    private bool SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
                continue;
            }

            if (c == '/' && _position + 1 < _text.Length)
            {
                if (_text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }

                    continue;
                }

                if (_text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    _position = end + 2;
                    continue;
                }
            }

            break;
        }

        return true;
    }
}
