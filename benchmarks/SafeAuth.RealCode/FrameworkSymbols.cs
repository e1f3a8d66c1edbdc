namespace SafeAuth.RealCode;

/// <summary>
/// The preprocessor symbols the SDK defines for a target framework (<c>NET</c>, <c>NET8_0</c>, <c>NET8_0_OR_GREATER</c>,
/// <c>NETSTANDARD2_0</c>, <c>NETFRAMEWORK</c>, <c>NET462</c>, …). A build adds them in a target, which evaluation does not run.
/// </summary>
internal static class FrameworkSymbols
{
    public static IEnumerable<string> For(string framework)
    {
        var f = framework.ToLowerInvariant();
        var dash = f.IndexOf('-');
        if (dash >= 0)
        {
            f = f[..dash];
        }

        if (f.StartsWith("netstandard", StringComparison.Ordinal) && Version.TryParse(f["netstandard".Length..], out var standard))
        {
            yield return "NETSTANDARD";
            yield return $"NETSTANDARD{standard.Major}_{standard.Minor}";
            for (var minor = 0; minor <= standard.Minor; minor++)
            {
                yield return $"NETSTANDARD{standard.Major}_{minor}_OR_GREATER";
            }

            yield break;
        }

        if (f.StartsWith("net", StringComparison.Ordinal) && f.Contains('.') && Version.TryParse(f[3..], out var net))
        {
            yield return "NET";
            yield return "NETCOREAPP";
            yield return $"NET{net.Major}_{net.Minor}";
            for (var major = 5; major <= net.Major; major++)
            {
                yield return $"NET{major}_0_OR_GREATER";
            }

            yield return "NETCOREAPP3_1_OR_GREATER";
            yield break;
        }

        if (f.StartsWith("net4", StringComparison.Ordinal))
        {
            yield return "NETFRAMEWORK";
            yield return f.ToUpperInvariant();
        }
    }
}
