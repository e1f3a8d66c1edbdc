using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SafeAuth.Benchmarks;

/// <summary>
/// The metadata references of the measured compilations, built the way the analyzer tests build theirs
/// (tests/SafeAuth.Analyzers.Tests/Verifiers/TestReferences.cs): .NET 10 reference assemblies, the ASP.NET Core shared
/// framework directory, and the real assemblies of the token libraries this project restores.
/// </summary>
internal static class CompilationReferences
{
    /// <summary>.NET + ASP.NET Core + every token library SafeAuth watches.</summary>
    public static ImmutableArray<MetadataReference> WithAuthLibraries { get; } = Build(includeAuth: true);

    /// <summary>.NET + ASP.NET Core only: what a web app that uses no token library compiles against.</summary>
    public static ImmutableArray<MetadataReference> WithoutAuthLibraries { get; } = Build(includeAuth: false);

    private static ImmutableArray<MetadataReference> Build(bool includeAuth)
    {
        var result = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<(string Name, MetadataReference Reference)> set)
        {
            foreach (var (name, reference) in set)
            {
                result.TryAdd(name, reference);
            }
        }

        Add(Basic.Reference.Assemblies.Net100.References.All
            .Select(r => (Path.GetFileNameWithoutExtension(r.FilePath!), (MetadataReference)r)));
        Add(FromDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!));

        if (includeAuth)
        {
            Add(FromAssemblies(
                typeof(System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler).Assembly,
                typeof(Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler).Assembly,
                typeof(Microsoft.IdentityModel.Tokens.SecurityKey).Assembly,
                typeof(Microsoft.IdentityModel.Logging.IdentityModelEventSource).Assembly,
                typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger).Assembly,
                typeof(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration).Assembly,
                typeof(Microsoft.IdentityModel.Protocols.IConfigurationManager<>).Assembly,
                typeof(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions).Assembly,
                typeof(JWT.Builder.JwtBuilder).Assembly,
                typeof(Jose.JWT).Assembly,
                typeof(Microsoft.Identity.Client.PublicClientApplicationBuilder).Assembly,
                typeof(Duende.IdentityModel.Client.TokenResponse).Assembly));
        }

        return result.Values.ToImmutableArray();
    }

    private static IEnumerable<(string, MetadataReference)> FromAssemblies(params Assembly[] assemblies) =>
        assemblies.Select(a => (a.GetName().Name!, (MetadataReference)MetadataReference.CreateFromFile(a.Location))).ToArray();

    private static IEnumerable<(string, MetadataReference)> FromDirectory(string directory) =>
        Shared.ManagedAssemblies.In(directory)
            .Select(path => (Path.GetFileNameWithoutExtension(path), (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToArray();
}
