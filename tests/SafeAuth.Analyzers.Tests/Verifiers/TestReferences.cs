using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>Which real assemblies a test snippet compiles against.</summary>
[Flags]
public enum References
{
    /// <summary>The .NET 10 reference assemblies only.</summary>
    None = 0,
    IdentityModel = 1,
    JwtNet = 2,
    Jose = 4,
    /// <summary>The whole ASP.NET Core shared framework (a server project).</summary>
    AspNetCore = 8,
    Msal = 16,
    Duende = 32,
    /// <summary>Blazor WebAssembly: components, JS interop and the WebAssembly host, without the server pipeline.</summary>
    BlazorWebAssembly = 64,
    JsInterop = 128,
    /// <summary>Microsoft.AspNetCore.Authentication.JwtBearer (a NuGet package, not in the shared framework).</summary>
    JwtBearer = 256,
    /// <summary>Microsoft.AspNetCore.Authentication.OpenIdConnect.</summary>
    OpenIdConnect = 512,
    AzureIdentity = 1024,
    /// <summary>The SafeAuth runtime library, for fixes that call its helpers.</summary>
    SafeAuthRuntime = 2048,
    /// <summary>Blazor WebAssembly authentication (AddOidcAuthentication, AddMsalAuthentication's base).</summary>
    WebAssemblyAuthentication = 4096,
    /// <summary>Avalonia (the real package): a native UI framework recognised by reference.</summary>
    Avalonia = 8192,
    /// <summary>SafeAuth.AspNetCore (the 401 challenge, token cookies), for fixes in ASP.NET Core apps.</summary>
    SafeAuthAspNetCore = 16384,
    /// <summary>
    /// The library before its Duende rename: IdentityModel 6 (<c>IdentityModel.Client</c>, the real package) and
    /// IdentityModel.OidcClient 5 (not served here: <see cref="StubAssemblies.LegacyOidcClient"/>).
    /// </summary>
    LegacyIdentityModel = 32768,
    /// <summary>
    /// A Razor component library: Microsoft.AspNetCore.Components and its Authorization assembly (the
    /// <c>AuthenticationStateProvider</c>), without the HTTP pipeline or the WebAssembly host.
    /// </summary>
    ComponentsAuthorization = 65536,

    AllJwtLibraries = IdentityModel | JwtNet | Jose,
    Server = AllJwtLibraries | AspNetCore | JwtBearer,
}

/// <summary>
/// Metadata references built once per test run from the assemblies this test project restores, so nothing is
/// downloaded while tests run and a wrong metadata name in an analyzer fails a test.
/// </summary>
public static class TestReferences
{
    private static readonly ConcurrentDictionaryCache Cache = new();

    public static ImmutableArray<MetadataReference> For(References references)
    {
        var result = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<(string Name, MetadataReference Reference)> set)
        {
            foreach (var (name, reference) in set)
            {
                result.TryAdd(name, reference);
            }
        }

        Add(Cache.Get("net", () => Basic.Reference.Assemblies.Net100.References.All
            .Select(r => (Path.GetFileNameWithoutExtension(r.FilePath!), (MetadataReference)r))));

        if (references.HasFlag(References.IdentityModel))
        {
            Add(Cache.Get("im", () => FromAssemblies(
                typeof(System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler).Assembly,
                typeof(Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler).Assembly,
                typeof(Microsoft.IdentityModel.Tokens.SecurityKey).Assembly,
                typeof(Microsoft.IdentityModel.Logging.IdentityModelEventSource).Assembly,
                typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger).Assembly)));
        }

        if (references.HasFlag(References.JwtNet))
        {
            Add(Cache.Get("jwtnet", () => FromAssemblies(typeof(JWT.Builder.JwtBuilder).Assembly)));
        }

        if (references.HasFlag(References.Jose))
        {
            Add(Cache.Get("jose", () => FromAssemblies(typeof(Jose.JWT).Assembly)));
        }

        if (references.HasFlag(References.AspNetCore))
        {
            Add(Cache.Get("aspnet", () => FromDirectory(SharedFrameworkDirectory, _ => true)));
        }

        if (references.HasFlag(References.Msal))
        {
            Add(Cache.Get("msal", () => FromAssemblies(typeof(Microsoft.Identity.Client.PublicClientApplicationBuilder).Assembly)));
        }

        if (references.HasFlag(References.Duende))
        {
            Add(Cache.Get("duende", () => FromAssemblies(
                typeof(Duende.IdentityModel.Client.TokenResponse).Assembly,
                typeof(Duende.IdentityModel.OidcClient.OidcClient).Assembly)));
        }

        if (references.HasFlag(References.LegacyIdentityModel))
        {
            Add(Cache.Get("identitymodel6", () => FromAssemblies(typeof(global::IdentityModel.Client.TokenResponse).Assembly)
                .Append(("IdentityModel.OidcClient", StubAssemblies.LegacyOidcClient))));
        }

        if (references.HasFlag(References.ComponentsAuthorization))
        {
            Add(Cache.Get("components-authorization", () => FromDirectory(SharedFrameworkDirectory, name =>
                name is "Microsoft.AspNetCore.Components" or "Microsoft.AspNetCore.Components.Authorization"
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))));
        }

        if (references.HasFlag(References.JsInterop))
        {
            Add(Cache.Get("jsinterop", () => FromAssemblies(typeof(Microsoft.JSInterop.IJSRuntime).Assembly)));
        }

        if (references.HasFlag(References.JwtBearer))
        {
            Add(Cache.Get("jwtbearer", () => FromAssemblies(typeof(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions).Assembly)));
        }

        if (references.HasFlag(References.OpenIdConnect))
        {
            Add(Cache.Get("oidc", () => FromAssemblies(
                typeof(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions).Assembly,
                typeof(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage).Assembly,
                typeof(Microsoft.IdentityModel.Protocols.IConfigurationManager<>).Assembly)));
        }

        if (references.HasFlag(References.AzureIdentity))
        {
            Add(Cache.Get("azure", () => FromAssemblies(
                typeof(Azure.Identity.ClientSecretCredential).Assembly,
                typeof(Azure.Core.TokenCredential).Assembly)));
        }

        if (references.HasFlag(References.SafeAuthRuntime))
        {
            Add(Cache.Get("safeauth", () => FromAssemblies(typeof(global::SafeAuth.Tokens.StrictJwt).Assembly)));
        }

        if (references.HasFlag(References.SafeAuthAspNetCore))
        {
            Add(Cache.Get("safeauth-aspnetcore", () => FromAssemblies(typeof(global::SafeAuth.AspNetCore.StrictJwtChallenges).Assembly)));
        }

        if (references.HasFlag(References.WebAssemblyAuthentication))
        {
            Add(Cache.Get("wasmauth", () => FromAssemblies(
                typeof(Microsoft.AspNetCore.Components.WebAssembly.Authentication.RemoteAuthenticationOptions<>).Assembly)));
        }

        if (references.HasFlag(References.Avalonia))
        {
            Add(Cache.Get("avalonia", () => FromAssemblies(
                typeof(global::Avalonia.Application).Assembly,
                typeof(global::Avalonia.AvaloniaObject).Assembly)));
        }

        if (references.HasFlag(References.BlazorWebAssembly))
        {
            Add(Cache.Get("wasm", () => FromAssemblies(
                    typeof(Microsoft.AspNetCore.Components.WebAssembly.Hosting.WebAssemblyHostBuilder).Assembly)
                .Concat(FromDirectory(SharedFrameworkDirectory, name =>
                    name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name == "Microsoft.JSInterop"))));
        }

        return result.Values.ToImmutableArray();
    }

    private static string SharedFrameworkDirectory =>
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;

    private static IEnumerable<(string, MetadataReference)> FromAssemblies(params Assembly[] assemblies) =>
        assemblies.Select(a => (a.GetName().Name!, (MetadataReference)MetadataReference.CreateFromFile(a.Location))).ToArray();

    private static IEnumerable<(string, MetadataReference)> FromDirectory(string directory, Func<string, bool> include) =>
        Directory.EnumerateFiles(directory, "*.dll")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(f => include(f.Name) && IsManagedAssembly(f.Path))
            .Select(f => (f.Name, (MetadataReference)MetadataReference.CreateFromFile(f.Path)))
            .ToArray();

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class ConcurrentDictionaryCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(string, MetadataReference)[]>> _sets = new();

        public (string, MetadataReference)[] Get(string key, Func<IEnumerable<(string, MetadataReference)>> create) =>
            _sets.GetOrAdd(key, _ => new Lazy<(string, MetadataReference)[]>(() => create().ToArray())).Value;
    }
}
