using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SafeAuth.RealCode;

/// <summary>
/// The metadata references of a project's compilation. The framework comes from reference assemblies (.NET 10, plus the
/// ASP.NET Core shared framework for web projects); each <c>PackageReference</c> whose package this tool carries maps to
/// that package's real assemblies. A package the tool does not carry stays unresolved: its types are error types, which
/// the rules ignore, and the run reports how many compiler errors each project had.
/// </summary>
internal static class References
{
    private static readonly ImmutableArray<MetadataReference> Framework = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>().ToImmutableArray();

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(() =>
        FromDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!));

    /// <summary>Package id (or id prefix ending in '.') → the assemblies it brings.</summary>
    private static readonly (string Package, Assembly[] Assemblies)[] Packages =
    {
        ("System.IdentityModel.Tokens.Jwt", new[] { typeof(System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler).Assembly }),
        ("Microsoft.IdentityModel.", new[]
        {
            typeof(Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler).Assembly,
            typeof(Microsoft.IdentityModel.Tokens.SecurityKey).Assembly,
            typeof(Microsoft.IdentityModel.Logging.IdentityModelEventSource).Assembly,
            typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger).Assembly,
            typeof(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration).Assembly,
            typeof(Microsoft.IdentityModel.Protocols.IConfigurationManager<>).Assembly,
        }),
        ("Microsoft.AspNetCore.Authentication.JwtBearer", new[] { typeof(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions).Assembly }),
        ("Microsoft.AspNetCore.Authentication.OpenIdConnect", new[] { typeof(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions).Assembly }),
        ("JWT", new[] { typeof(JWT.Builder.JwtBuilder).Assembly }),
        ("jose-jwt", new[] { typeof(Jose.JWT).Assembly }),
        ("Microsoft.Identity.Client", new[] { typeof(Microsoft.Identity.Client.PublicClientApplicationBuilder).Assembly }),
        ("Duende.IdentityModel", new[] { typeof(Duende.IdentityModel.Client.TokenResponse).Assembly }),
        ("Duende.IdentityModel.OidcClient", new[] { typeof(Duende.IdentityModel.OidcClient.OidcClient).Assembly }),
        ("Azure.Identity", new[] { typeof(Azure.Identity.ClientSecretCredential).Assembly, typeof(Azure.Core.TokenCredential).Assembly }),
        ("xunit", new[] { typeof(Xunit.FactAttribute).Assembly, typeof(Xunit.Assert).Assembly, typeof(Xunit.Abstractions.ITestOutputHelper).Assembly }),
        ("xunit.v3", new[] { typeof(Xunit.FactAttribute).Assembly, typeof(Xunit.Assert).Assembly }),
        ("NUnit", new[] { typeof(NUnit.Framework.TestAttribute).Assembly }),
        ("MSTest.TestFramework", new[] { typeof(Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute).Assembly }),
        ("MSTest", new[] { typeof(Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute).Assembly }),
    };

    /// <summary>The references of <paramref name="project"/> and which of its packages had none here.</summary>
    public static (ImmutableArray<MetadataReference> References, ImmutableArray<string> Unresolved) For(ProjectModel project)
    {
        var references = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        void Add(MetadataReference reference)
        {
            var name = Path.GetFileNameWithoutExtension(((PortableExecutableReference)reference).FilePath!);
            references.TryAdd(name, reference);
        }

        foreach (var reference in Framework)
        {
            Add(reference);
        }

        if (project.UsesAspNetCore)
        {
            foreach (var reference in AspNetCore.Value)
            {
                Add(reference);
            }
        }

        var unresolved = ImmutableArray.CreateBuilder<string>();
        foreach (var package in project.PackageReferences)
        {
            var found = PackageAssemblies(package);
            foreach (var reference in found)
            {
                Add(reference);
            }

            if (found.IsEmpty && !IsBuildOnly(package))
            {
                unresolved.Add(package);
            }
        }

        return (references.Values.ToImmutableArray(), unresolved.ToImmutable());
    }

    /// <summary>This tool's copy of the package, else the shared framework's, else the machine's package cache.</summary>
    private static ImmutableArray<MetadataReference> PackageAssemblies(string package)
    {
        var carried = Packages
            .Where(p => p.Package.EndsWith('.') ? package.StartsWith(p.Package, StringComparison.OrdinalIgnoreCase) : string.Equals(package, p.Package, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Assemblies)
            .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location))
            .ToImmutableArray();
        if (!carried.IsEmpty)
        {
            return carried;
        }

        if (AspNetCoreAssembly(package) is { } shared)
        {
            return ImmutableArray.Create(shared);
        }

        return PackageCache.Find(package) ?? ImmutableArray<MetadataReference>.Empty;
    }

    /// <summary>A package that ships in the ASP.NET Core shared framework (<c>Microsoft.Extensions.*</c>, …).</summary>
    private static MetadataReference? AspNetCoreAssembly(string package) =>
        AspNetCore.Value.FirstOrDefault(r => string.Equals(
            Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath), package, StringComparison.OrdinalIgnoreCase));

    /// <summary>Analyzers, SDK helpers and test runners: no assembly the code compiles against.</summary>
    private static bool IsBuildOnly(string package) =>
        package.EndsWith("Analyzers", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.SourceLink", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("StyleCop", StringComparison.OrdinalIgnoreCase)
        || package.Contains("runner", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("coverlet", StringComparison.OrdinalIgnoreCase)
        || package is "Microsoft.NET.Test.Sdk" or "Microsoft.CodeAnalysis.NetAnalyzers" or "Nerdbank.GitVersioning";

    private static ImmutableArray<MetadataReference> FromDirectory(string directory) =>
        SafeAuth.Benchmarks.Shared.ManagedAssemblies.In(directory)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
}
