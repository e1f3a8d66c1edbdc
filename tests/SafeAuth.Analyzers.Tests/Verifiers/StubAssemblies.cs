using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>
/// Minimal stand-ins for packages the registry here does not serve: UI frameworks (WPF, WinForms, MAUI, WinUI,
/// Xamarin.Forms, Uno: a referenced assembly with the real assembly name and the real namespace and type name of the
/// app class, so project-kind detection sees a reference exactly as it would in a real app) and IdentityModel.OidcClient 5
/// (the real namespaces, type names and member signatures the rules and their tests use, over the real IdentityModel 6).
/// </summary>
public static class StubAssemblies
{
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    public static MetadataReference Wpf => Get("PresentationFramework", "namespace System.Windows { public class Application { } }");

    public static MetadataReference WinForms => Get("System.Windows.Forms", "namespace System.Windows.Forms { public class Form { } }");

    public static MetadataReference Maui => Get("Microsoft.Maui.Controls", "namespace Microsoft.Maui.Controls { public class Application { } }");

    public static MetadataReference WinUI => Get("Microsoft.WinUI", "namespace Microsoft.UI.Xaml { public class Application { } }");

    public static MetadataReference XamarinForms => Get("Xamarin.Forms.Core", "namespace Xamarin.Forms { public class Application { } }");

    public static MetadataReference Uno => Get("Uno.UI", "namespace Windows.UI.Xaml { public class Application { } }");

    /// <summary>IdentityModel.OidcClient 5.x (before the Duende rename), compiled against the real IdentityModel 6.</summary>
    public static MetadataReference LegacyOidcClient => Get("IdentityModel.OidcClient", LegacyOidcClientSource,
        MetadataReference.CreateFromFile(typeof(global::IdentityModel.Client.Parameters).Assembly.Location));

    private const string LegacyOidcClientSource = """
        using System;
        using System.Net.Http;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using IdentityModel.Client;
        using IdentityModel.OidcClient.Browser;

        namespace IdentityModel.OidcClient.Browser
        {
            public enum BrowserResultType { Success, HttpError, UnknownError, Timeout, UserCancel }
            public class BrowserOptions
            {
                public BrowserOptions(string startUrl, string endUrl) { StartUrl = startUrl; EndUrl = endUrl; }
                public string StartUrl { get; }
                public string EndUrl { get; }
            }
            public class BrowserResult
            {
                public BrowserResultType ResultType { get; set; }
                public string Response { get; set; }
                public string Error { get; set; }
            }
            public interface IBrowser
            {
                Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default);
            }
        }

        namespace IdentityModel.OidcClient
        {
            public class OidcClientOptions
            {
                public string Authority { get; set; }
                public string ClientId { get; set; }
                public string ClientSecret { get; set; }
                public string Scope { get; set; }
                public string RedirectUri { get; set; }
                public string PostLogoutRedirectUri { get; set; }
                public IBrowser Browser { get; set; }
                public bool LoadProfile { get; set; } = true;
                public ClientCredentialStyle TokenClientCredentialStyle { get; set; } = ClientCredentialStyle.PostBody;
                public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
                public Func<HttpMessageHandler> HttpClientFactory { get; set; }
            }
            public class LoginRequest
            {
                public Parameters FrontChannelExtraParameters { get; set; } = new Parameters();
                public Parameters BackChannelExtraParameters { get; set; } = new Parameters();
            }
            public class AuthorizeState
            {
                public string StartUrl { get; set; }
                public string State { get; set; }
                public string CodeVerifier { get; set; }
                public string RedirectUri { get; set; }
            }
            public class Result
            {
                public virtual bool IsError => Error != null;
                public string Error { get; set; }
                public string ErrorDescription { get; set; }
            }
            public class LoginResult : Result
            {
                public virtual ClaimsPrincipal User { get; internal set; }
                public virtual string AccessToken { get; internal set; }
                public virtual string IdentityToken { get; internal set; }
                public virtual string RefreshToken { get; internal set; }
                public virtual DateTimeOffset AccessTokenExpiration { get; internal set; }
            }
            public class OidcClient
            {
                public OidcClient(OidcClientOptions options) => Options = options;
                public OidcClientOptions Options { get; }
                public virtual Task<LoginResult> LoginAsync(LoginRequest request = null, CancellationToken cancellationToken = default) => Task.FromResult(new LoginResult());
                public virtual Task<AuthorizeState> PrepareLoginAsync(Parameters frontChannelParameters = null, CancellationToken cancellationToken = default) => Task.FromResult(new AuthorizeState());
                public virtual Task<LoginResult> ProcessResponseAsync(string data, AuthorizeState state, Parameters backChannelParameters = null, CancellationToken cancellationToken = default) => Task.FromResult(new LoginResult());
            }
        }
        """;

    private static MetadataReference Get(string assemblyName, string source, params MetadataReference[] references) =>
        Cache.GetOrAdd(assemblyName, name =>
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                Basic.Reference.Assemblies.Net100.References.All.Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        });
}
