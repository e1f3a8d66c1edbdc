using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafeAuth.RealCode;

/// <summary>
/// Packages already in the machine's NuGet global packages folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>):
/// the newest version's assemblies for the best framework folder. A package that was never restored on this machine is
/// not found, and stays unresolved in the report.
/// </summary>
internal static class PackageCache
{
    private static readonly string[] Frameworks =
    {
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "netstandard2.1", "netcoreapp3.1", "netstandard2.0",
    };

    private static readonly string Root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static ImmutableArray<MetadataReference>? Find(string package)
    {
        var directory = Path.Combine(Root, package.ToLowerInvariant());
        if (!Directory.Exists(directory))
        {
            return null;
        }

        foreach (var version in Directory.EnumerateDirectories(directory).OrderByDescending(v => ParseVersion(Path.GetFileName(v))))
        {
            foreach (var framework in Frameworks)
            {
                var lib = Path.Combine(version, "lib", framework);
                if (Directory.Exists(lib))
                {
                    return Directory.EnumerateFiles(lib, "*.dll")
                        .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                        .ToImmutableArray();
                }
            }
        }

        return null;
    }

    private static Version ParseVersion(string text)
    {
        var dash = text.IndexOf('-');
        return Version.TryParse(dash >= 0 ? text[..dash] : text, out var version) ? version : new Version(0, 0);
    }
}
