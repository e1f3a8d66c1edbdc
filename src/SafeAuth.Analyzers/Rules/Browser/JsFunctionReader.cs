using System.Collections.Generic;
using System.Collections.Immutable;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>
/// Finds the functions of a JavaScript file that write a parameter to <c>localStorage</c>/<c>sessionStorage</c>:
/// <c>function f(a) {…}</c>, <c>f: function (a) {…}</c>, <c>f = (a) =&gt; …</c>, <c>f(a) {…}</c> in a class or object
/// literal, with <c>setItem(k, v)</c>, <c>storage[k] = v</c> or <c>storage.name = v</c> in the body. The key may be a
/// parameter, a string or a <c>const</c> holding one; the value is the first parameter the value expression names
/// (<c>JSON.stringify({ token: t })</c> names <c>t</c>).
/// </summary>
internal static class JsFunctionReader
{
    private static readonly ImmutableHashSet<string> Keywords = ImmutableHashSet.Create(
        System.StringComparer.Ordinal, "if", "for", "while", "switch", "catch", "function", "return", "with", "do", "else", "typeof", "new", "await");

    private static readonly ImmutableHashSet<string> StorageMembers = ImmutableHashSet.Create(
        System.StringComparer.Ordinal, "setItem", "getItem", "removeItem", "clear", "key", "length");

    public static IEnumerable<JsFunction> Read(List<JsToken> tokens, string file)
    {
        var constants = Constants(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TryHeader(tokens, i, out var name, out var parameters, out var bodyStart))
            {
                continue;
            }

            var bodyEnd = BodyEnd(tokens, bodyStart);
            var writes = Writes(tokens, bodyStart, bodyEnd, parameters, constants);
            if (!writes.IsEmpty)
            {
                yield return new JsFunction(name, file, parameters, writes);
            }
        }
    }

    /// <summary><c>const|let|var NAME = "text"</c> anywhere in the file (a key kept in a constant).</summary>
    private static Dictionary<string, string> Constants(List<JsToken> t)
    {
        var constants = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (var i = 0; i + 3 < t.Count; i++)
        {
            if (t[i].Kind == JsTokenKind.Identifier && t[i].Text is "const" or "let" or "var"
                && t[i + 1].Kind == JsTokenKind.Identifier && t[i + 2].Is("=") && t[i + 3].Kind == JsTokenKind.String
                && (i + 4 >= t.Count || t[i + 4].Is(";") || t[i + 4].Is(",") || t[i + 4].Kind == JsTokenKind.Identifier))
            {
                constants[t[i + 1].Text] = t[i + 3].Text;
            }
        }

        return constants;
    }

    /// <summary>A function header at <paramref name="i"/>: its name, parameter names and the first token of its body.</summary>
    private static bool TryHeader(List<JsToken> t, int i, out string name, out ImmutableArray<string?> parameters, out int bodyStart)
    {
        name = string.Empty;
        parameters = ImmutableArray<string?>.Empty;
        bodyStart = -1;
        var token = t[i];
        if (token.IsIdentifier("function"))
        {
            var open = i + 1;
            if (open < t.Count && t[open].Is("*"))
            {
                open++;
            }

            if (open < t.Count && t[open].Kind == JsTokenKind.Identifier)
            {
                name = t[open].Text;
                open++;
            }
            else if (AssignedName(t, i) is { } assigned)
            {
                name = assigned;
            }

            return name.Length > 0 && TryParameters(t, open, out parameters, out var close) && At(t, close + 1, "{") && Start(close + 1, out bodyStart);
        }

        if (token.Kind != JsTokenKind.Identifier || Keywords.Contains(token.Text) || i + 1 >= t.Count)
        {
            return false;
        }

        name = token.Text;
        if ((t[i + 1].Is(":") || (t[i + 1].Is("=") && !At(t, i + 2, "="))) && i + 2 < t.Count)
        {
            // name: (a) => …, name = async a => …
            var j = t[i + 2].IsIdentifier("async") ? i + 3 : i + 2;
            if (j + 1 < t.Count && t[j].Kind == JsTokenKind.Identifier && t[j + 1].Is("=>"))
            {
                parameters = ImmutableArray.Create<string?>(t[j].Text);
                return Start(j + 2, out bodyStart) && bodyStart < t.Count;
            }

            return TryParameters(t, j, out parameters, out var close) && At(t, close + 1, "=>") && Start(close + 2, out bodyStart) && bodyStart < t.Count;
        }

        // name(a) { … } in a class or an object literal.
        var previous = i > 0 ? t[i - 1] : default;
        var afterMember = i == 0 || previous.Is("{") || previous.Is("}") || previous.Is(",") || previous.Is(";")
                          || previous.IsIdentifier("async") || previous.IsIdentifier("static");
        return afterMember && TryParameters(t, i + 1, out parameters, out var end) && At(t, end + 1, "{") && Start(end + 1, out bodyStart);
    }

    private static string? AssignedName(List<JsToken> t, int function)
    {
        var k = function - 1;
        if (k >= 0 && t[k].IsIdentifier("async"))
        {
            k--;
        }

        return k >= 1 && (t[k].Is(":") || t[k].Is("=")) && t[k - 1].Kind == JsTokenKind.Identifier ? t[k - 1].Text : null;
    }

    private static bool Start(int index, out int start)
    {
        start = index;
        return true;
    }

    private static bool At(List<JsToken> t, int index, string punctuation) => index >= 0 && index < t.Count && t[index].Is(punctuation);

    /// <summary>The names in <c>( … )</c> at <paramref name="open"/> (null for a destructured one) and the index of <c>)</c>.</summary>
    private static bool TryParameters(List<JsToken> t, int open, out ImmutableArray<string?> parameters, out int close)
    {
        parameters = ImmutableArray<string?>.Empty;
        close = -1;
        if (!At(t, open, "("))
        {
            return false;
        }

        var names = ImmutableArray.CreateBuilder<string?>();
        var depth = 0;
        var expectName = true;
        for (var i = open + 1; i < t.Count; i++)
        {
            var token = t[i];
            if (depth == 0 && token.Is(")"))
            {
                close = i;
                parameters = names.ToImmutable();
                return true;
            }

            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                if (depth == 0 && expectName)
                {
                    names.Add(null);
                    expectName = false;
                }

                depth++;
            }
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
            {
                depth--;
            }
            else if (depth == 0 && token.Is(","))
            {
                expectName = true;
            }
            else if (depth == 0 && expectName && token.Kind == JsTokenKind.Identifier)
            {
                names.Add(token.Text);
                expectName = false;
            }
        }

        return false;
    }

    /// <summary>Where the body that starts at <paramref name="start"/> ends (exclusive): its closing brace, or the end of an arrow's expression.</summary>
    private static int BodyEnd(List<JsToken> t, int start)
    {
        var block = At(t, start, "{");
        var depth = 0;
        for (var i = start; i < t.Count; i++)
        {
            var token = t[i];
            if (token.Is("{") || token.Is("(") || token.Is("["))
            {
                depth++;
            }
            else if (token.Is("}") || token.Is(")") || token.Is("]"))
            {
                depth--;
                if (depth == 0 && block)
                {
                    return i;
                }

                if (depth < 0)
                {
                    return i;
                }
            }
            else if (!block && depth == 0 && (token.Is(";") || token.Is(",")))
            {
                return i;
            }
        }

        return t.Count;
    }

    private static ImmutableArray<JsStorageWrite> Writes(List<JsToken> t, int start, int end, ImmutableArray<string?> parameters, Dictionary<string, string> constants)
    {
        var writes = ImmutableArray.CreateBuilder<JsStorageWrite>();
        for (var i = start; i < end; i++)
        {
            if (StorageAt(t, i) is not { } storage || i + 2 >= end)
            {
                continue;
            }

            (int From, int To) keyPart, valuePart;
            string? member = null;
            if (t[i + 1].Is(".") && t[i + 2].IsIdentifier("setItem") && At(t, i + 3, "("))
            {
                var close = Matching(t, i + 3, end);
                var comma = TopLevel(t, i + 4, close, ",");
                if (comma < 0)
                {
                    continue;
                }

                keyPart = (i + 4, comma);
                valuePart = (comma + 1, close);
            }
            else if (t[i + 1].Is("[") && Matching(t, i + 1, end) is var bracket && At(t, bracket + 1, "=") && !At(t, bracket + 2, "="))
            {
                keyPart = (i + 2, bracket);
                valuePart = (bracket + 2, StatementEnd(t, bracket + 2, end));
            }
            else if (t[i + 1].Is(".") && t[i + 2].Kind == JsTokenKind.Identifier && !StorageMembers.Contains(t[i + 2].Text)
                     && At(t, i + 3, "=") && !At(t, i + 4, "="))
            {
                member = t[i + 2].Text;
                keyPart = (i + 2, i + 2);
                valuePart = (i + 4, StatementEnd(t, i + 4, end));
            }
            else
            {
                continue;
            }

            var value = FirstParameter(t, valuePart.From, valuePart.To, parameters);
            if (value < 0)
            {
                continue;
            }

            string? keyText = member;
            var key = member is null ? Key(t, keyPart.From, keyPart.To, parameters, constants, out keyText) : -1;
            writes.Add(new JsStorageWrite(storage, key, keyText, value));
        }

        return writes.ToImmutable();
    }

    /// <summary><c>localStorage</c>/<c>sessionStorage</c> at <paramref name="i"/>, alone or after <c>window.</c>, <c>globalThis.</c>, <c>self.</c>.</summary>
    private static BrowserStorage? StorageAt(List<JsToken> t, int i)
    {
        var token = t[i];
        if (token.Kind != JsTokenKind.Identifier || token.Text is not ("localStorage" or "sessionStorage"))
        {
            return null;
        }

        if (i > 0 && t[i - 1].Is(".") && !(i > 1 && t[i - 2].Kind == JsTokenKind.Identifier && t[i - 2].Text is "window" or "globalThis" or "self"))
        {
            return null;
        }

        return token.Text == "localStorage" ? BrowserStorage.Local : BrowserStorage.Session;
    }

    private static int Matching(List<JsToken> t, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (t[i].Is("(") || t[i].Is("[") || t[i].Is("{"))
            {
                depth++;
            }
            else if ((t[i].Is(")") || t[i].Is("]") || t[i].Is("}")) && --depth == 0)
            {
                return i;
            }
        }

        return end;
    }

    private static int TopLevel(List<JsToken> t, int from, int to, string punctuation)
    {
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            if (t[i].Is("(") || t[i].Is("[") || t[i].Is("{"))
            {
                depth++;
            }
            else if (t[i].Is(")") || t[i].Is("]") || t[i].Is("}"))
            {
                depth--;
            }
            else if (depth == 0 && t[i].Is(punctuation))
            {
                return i;
            }
        }

        return -1;
    }

    private static int StatementEnd(List<JsToken> t, int from, int end)
    {
        var semicolon = TopLevel(t, from, end, ";");
        return semicolon < 0 ? end : semicolon;
    }

    private static int FirstParameter(List<JsToken> t, int from, int to, ImmutableArray<string?> parameters)
    {
        for (var i = from; i < to; i++)
        {
            if (t[i].Kind == JsTokenKind.Identifier && !At(t, i + 1, ":") && !(i > from && t[i - 1].Is(".")) && parameters.IndexOf(t[i].Text) is var index and >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static int Key(List<JsToken> t, int from, int to, ImmutableArray<string?> parameters, Dictionary<string, string> constants, out string? text)
    {
        text = null;
        if (to - from != 1)
        {
            return -1;
        }

        var token = t[from];
        if (token.Kind == JsTokenKind.String)
        {
            text = token.Text;
            return -1;
        }

        if (token.Kind == JsTokenKind.Identifier && parameters.IndexOf(token.Text) is var index and >= 0)
        {
            return index;
        }

        if (token.Kind == JsTokenKind.Identifier && constants.TryGetValue(token.Text, out var constant))
        {
            text = constant;
        }

        return -1;
    }
}
