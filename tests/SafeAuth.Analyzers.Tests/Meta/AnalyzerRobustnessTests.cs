using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>Every analyzer runs without throwing on empty, broken and half-typed code.</summary>
public class AnalyzerRobustnessTests
{
    public static TheoryData<string, string> Sources() => new()
    {
        { "empty", "" },
        { "syntax errors", "public class C { void M( { var x = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(; } " },
        { "half-typed read", """
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.AspNetCore.Mvc;
            public class C : ControllerBase
            {
                public IActionResult M(string t)
                {
                    var jwt = new JwtSecurityTokenHandler().ReadJwtToken(t).
                    if (jwt.Claims.First(c => c.Type == "role").Value == "admin"
            """ },
        { "half-typed expiry", """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;
            public class C
            {
                public void M(SigningCredentials c, TokenValidationParameters p)
                {
                    var t = new JwtSecurityToken(expires: DateTime.UtcNow.AddYears(, signingCredentials: c);
                    var d = new SecurityTokenDescriptor { Expires = DateTime.MaxValue.AddDays(1e300), Claims = };
                    p.ClockSkew = TimeSpan.FromDays(double.MaxValue);
                    p.LifetimeValidator = (a, b, x, y) => { return; };
                    p.ValidateLifetime = ;
                    new JWT.Builder.JwtBuilder().AddClaim(null, null).ExpirationTime().Encode(;
                    Jose.JWT.Encode(new { }, null, );
                }
            }
            """ },
        { "unknown types", """
            public class C
            {
                public void M(string t)
                {
                    var jwt = new Missing().ReadJwtToken(t);
                    var x = Jose.JWT.Payload<Unknown>(t);
                    var y = JWT.Builder.JwtBuilder.Create().Decode(t);
                    var z = System.Text.Json.JsonDocument.Parse(System.Convert.FromBase64String(t.Split('.')[1]));
                }
            }
            """ },
        { "half-typed secrets", """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;
            public class K
            {
                private static readonly byte[] A = Encoding.UTF8.GetBytes(B);
                private static readonly byte[] B = Encoding.UTF8.GetBytes(A);
                public object M(Missing m)
                {
                    var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("abc" + ;
                    var h = new System.Security.Cryptography.HMACSHA256(A) { Key = };
                    var s = $"eyJhbGciOiJIUzI1NiJ9.{m}.x";
                    var p = @"-----BEGIN PRIVATE KEY-----
            """ },
        { "half-typed storage writes", """
            using System.Runtime.InteropServices.JavaScript;
            using Microsoft.JSInterop;
            public partial class C
            {
                [JSImport("localStorage.setItem")] static partial void Store(string key);
                [JSImport] static partial void Broken(string k, string v);
                public async System.Threading.Tasks.Task M(IJSRuntime js, IJSInProcessRuntime p, string token, object[] a)
                {
                    await js.InvokeVoidAsync("localStorage.setItem", );
                    await js.InvokeVoidAsync("localStorage.setItem", "token");
                    await js.InvokeVoidAsync(null, "token", token);
                    await js.InvokeVoidAsync("localStorage.setItem", a);
                    await js.SetValueAsync("localStorage.", token);
                    p.InvokeVoid("sessionStorage.setItem", new object[] { });
                    Store("token");
                    Broken("token", token);
                    var x = token; x = x; var y = y;
                    await js.InvokeVoidAsync("localStorage.setItem", "k", y
            """ },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task AllAnalyzers_RunWithoutException(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            "Robustness_" + name.Replace(' ', '_'),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.For(References.Server),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(Catalog.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        if (name == "empty")
        {
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AUTH", StringComparison.Ordinal));
        }
    }
}
