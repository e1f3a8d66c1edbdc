using System.Reflection;

namespace SafeAuth.Benchmarks.Shared;

/// <summary>The managed assemblies of a folder (a shared framework directory holds native libraries too).</summary>
internal static class ManagedAssemblies
{
    public static IEnumerable<string> In(string directory) =>
        Directory.EnumerateFiles(directory, "*.dll").Where(IsManaged);

    private static bool IsManaged(string path)
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
}
