using System.Linq;
using SafeAuth.Analyzers.Rules.Browser;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>The reader of the app's scripts on its own: which functions write which parameter to which storage.</summary>
public class JsFunctionReaderTests
{
    private static JsFunction[] Read(string script) => JsFunctionReader.Read(JsTokens.Read(script), "app.js").ToArray();

    private static string Describe(JsFunction function) =>
        function.Name + "(" + string.Join(",", function.Parameters.Select(p => p ?? "?")) + "): "
        + string.Join("; ", function.Writes.Select(w => w.Storage + " key=" + (w.KeyParameter >= 0 ? "#" + w.KeyParameter : "'" + w.KeyText + "'") + " value=#" + w.ValueParameter));

    [Theory]
    [InlineData("function save(k, v) { localStorage.setItem(k, v); }", "save(k,v): Local key=#0 value=#1")]
    [InlineData("export async function save(v) { await x(); window.sessionStorage.setItem('auth', v); }", "save(v): Session key='auth' value=#0")]
    [InlineData("const KEY = \"jwt\"; export const keep = t => localStorage.setItem(KEY, t);", "keep(t): Local key='jwt' value=#0")]
    [InlineData("window.auth = { put: async function (value) { globalThis.localStorage['token'] = value; } };", "put(value): Local key='token' value=#0")]
    [InlineData("var store = { set(a, { b }, c = 1) { self.localStorage.setItem(a, JSON.stringify({ data: c })); } };", "set(a,?,c): Local key=#0 value=#2")]
    [InlineData("class S { static keep(x) { localStorage.authToken = x; } }", "keep(x): Local key='authToken' value=#0")]
    [InlineData("remember = (user, token) => { localStorage.setItem(`t-${user}`, token); };", "remember(user,token): Local key='' value=#1")]
    public void Reads_TheWritesOfEachFunctionShape(string script, string expected)
    {
        var function = Assert.Single(Read(script));
        Assert.Equal(expected, Describe(function));
    }

    [Theory]
    [InlineData("function read(k) { return localStorage.getItem(k); }")]
    [InlineData("function clear(k) { localStorage.removeItem(k); localStorage.length = k; }")]
    [InlineData("function fixed() { localStorage.setItem('theme', 'dark'); }")]
    [InlineData("function other(v) { cache.localStorage.setItem('k', v); }")]
    [InlineData("function compare(v) { return localStorage.token == v; }")]
    [InlineData("// function save(v) { localStorage.setItem('k', v); }")]
    [InlineData("const text = \"function save(v) { localStorage.setItem('k', v); }\";")]
    [InlineData("if (ok) { localStorage.setItem('k', ok); }")]
    [InlineData("setTimeout(function (v) { localStorage.setItem('k', v); });")]
    public void Finds_NoWrite_InReadsConstantsOtherObjectsCommentsAndStrings(string script) =>
        Assert.Empty(Read(script));

    [Fact]
    public void AnInnerFunctionsWrite_BelongsToTheInnerFunction()
    {
        var functions = Read("function outer(a) { function inner(b) { localStorage.setItem('k', b); } inner(a); }");
        var inner = Assert.Single(functions);
        Assert.Equal("inner(b): Local key='k' value=#0", Describe(inner));
    }

    [Theory]
    [InlineData("function save(v) { localStorage.setItem('k', v")]
    [InlineData("function (")]
    [InlineData("'unterminated")]
    [InlineData("/* open comment function f(v) { localStorage.setItem('k', v) }")]
    [InlineData("`template ${ function f(v) { localStorage.setItem('k', v) } `")]
    [InlineData("x = => ; localStorage.setItem(")]
    [InlineData("")]
    public void HalfWrittenScripts_DoNotThrow(string script)
    {
        var functions = Read(script);
        Assert.All(functions, f => Assert.All(f.Writes, w => Assert.InRange(w.ValueParameter, 0, f.Parameters.Length - 1)));
    }

    [Fact]
    public void Tokens_KeepStringValues_AndSkipComments()
    {
        var tokens = JsTokens.Read("a /* b */ 'c\\'d' // e\n`f${g}` => 1");
        Assert.Equal(new[] { "a", "c'd", "f${g}", "=>", "1" }, tokens.Select(t => t.Text));
        Assert.Equal(new[] { JsTokenKind.Identifier, JsTokenKind.String, JsTokenKind.Other, JsTokenKind.Punctuation, JsTokenKind.Other }, tokens.Select(t => t.Kind));
    }
}
