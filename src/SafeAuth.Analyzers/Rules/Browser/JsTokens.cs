using System.Collections.Generic;
using System.Text;

namespace SafeAuth.Analyzers.Rules.Browser;

internal enum JsTokenKind
{
    Identifier,
    String,
    Punctuation,
    Other,
}

/// <summary>One token of a JavaScript file: an identifier, a string's value, one punctuation character (or <c>=&gt;</c>).</summary>
internal readonly struct JsToken
{
    public JsToken(JsTokenKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public JsTokenKind Kind { get; }
    public string Text { get; }

    public bool Is(string punctuation) => Kind == JsTokenKind.Punctuation && Text == punctuation;

    public bool IsIdentifier(string name) => Kind == JsTokenKind.Identifier && Text == name;

    public override string ToString() => Text;
}

/// <summary>
/// A small JavaScript tokenizer, enough to find an app's own functions and the storage writes in them: comments are
/// skipped, strings keep their value (a template with a substitution is <see cref="JsTokenKind.Other"/>), numbers and
/// regular expressions are not told apart from punctuation. It never fails: unterminated text ends the file.
/// </summary>
internal static class JsTokens
{
    public static List<JsToken> Read(string text)
    {
        var tokens = new List<JsToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = SkipTo(text, i + 2, "\n");
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = SkipTo(text, i + 2, "*/");
            }
            else if (c is '"' or '\'' or '`')
            {
                i = ReadString(text, i, tokens);
            }
            else if (IsIdentifierStart(c))
            {
                var start = i;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                tokens.Add(new JsToken(JsTokenKind.Identifier, text.Substring(start, i - start)));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new JsToken(JsTokenKind.Other, text.Substring(start, i - start)));
            }
            else if (c == '=' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add(new JsToken(JsTokenKind.Punctuation, "=>"));
                i += 2;
            }
            else
            {
                tokens.Add(new JsToken(JsTokenKind.Punctuation, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private static int SkipTo(string text, int start, string end)
    {
        var at = text.IndexOf(end, start, System.StringComparison.Ordinal);
        return at < 0 ? text.Length : at + end.Length;
    }

    private static int ReadString(string text, int start, List<JsToken> tokens)
    {
        var quote = text[start];
        var value = new StringBuilder();
        var substituted = false;
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (quote != '`' && text[i] == '\n')
            {
                break;
            }

            substituted |= quote == '`' && text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{';
            value.Append(text[i]);
            i++;
        }

        tokens.Add(new JsToken(substituted ? JsTokenKind.Other : JsTokenKind.String, value.ToString()));
        return i + 1;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
