using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace SafeAuth.Analyzers.Tests.Meta;

/// <summary>
/// Applies every SafeAuth fix to a copy of the violations sample as a user would (<c>dotnet format analyzers</c>),
/// builds the result, and runs the fixed API in-process (<c>WebApplicationFactory</c>, FixedSample/FixedApiTests.cs):
/// its login token is accepted, forged, expired and unsigned tokens get 401.
/// </summary>
public sealed class FixedSampleTests
{
    /// <summary>Findings no fix can remove in this sample; each says why. Every other finding must be gone.</summary>
    private static readonly Dictionary<string, string> LeftForTheUser = new()
    {
        ["AUTH304"] = "secrets in appsettings.json: settings files are not C# code that a fix can edit",
        ["AUTH901"] = "the sample's globalconfig holds an unparsable option on purpose",
    };

    /// <summary>The Blazor WebAssembly sample's findings no fix removes; each says why.</summary>
    private static readonly Dictionary<string, string> WasmLeftForTheUser = new()
    {
        ["AUTH401"] = "the write sits in Login.razor's @code block: fixes edit C# files, not Razor markup (the rule page shows the @inject rewrite)",
        ["AUTH501"] = "PartnerApiClient returns IConfidentialClientApplication: a browser app must reach that API through its server, a design change",
        ["AUTH502"] = "a hand-built authorize URL string: the verifier must outlive the redirect, so use NativeAuthorizeUrl or the OIDC library",
    };

    private readonly ITestOutputHelper _output;

    public FixedSampleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryFix_AppliedToTheViolationsSample_LeavesAnApiThatAcceptsItsTokensAndRefusesForgedOnes()
    {
        var work = Path.Combine(Catalog.RepositoryRoot, "artifacts", "fixed-sample", Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var project = CopySample(work, "SafeAuth.Samples.Violations", "FixedSample", "FixedApi.Tests");
            var (before, _) = await FixAsync(work, project, LeftForTheUser);
            Assert.Contains("AUTH101", before);
            await RunTestsAsync(work, "FixedApi.Tests", Settings(Path.Combine(work, "SafeAuth.Samples.Violations")));
        }
        finally
        {
            Delete(work);
        }
    }

    [Fact]
    public async Task EveryFix_AppliedToTheBlazorWebAssemblySample_KeepsTheRefreshTokenInTheStore()
    {
        var work = Path.Combine(Catalog.RepositoryRoot, "artifacts", "fixed-sample", Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var project = CopySample(work, "SafeAuth.Samples.BlazorWasm", Path.Combine("FixedSample", "Wasm"), "FixedWasm.Tests");
            var (before, _) = await FixAsync(work, project, WasmLeftForTheUser);
            Assert.Contains("AUTH402", before);
            await RunTestsAsync(work, "FixedWasm.Tests", new Dictionary<string, string>());
        }
        finally
        {
            Delete(work);
        }
    }

    /// <summary>The sample and its test project, two levels deeper than in the repository; returns the sample's project.</summary>
    private static string CopySample(string work, string sample, string template, string testProject)
    {
        var source = Path.Combine(Catalog.RepositoryRoot, "samples", sample);
        var target = Path.Combine(work, sample);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        var project = Path.Combine(target, sample + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("../../src/", "../../../../src/", StringComparison.Ordinal));
        File.Copy(Path.Combine(Catalog.RepositoryRoot, "samples", "Directory.Build.props"), Path.Combine(work, "Directory.Build.props"));

        var tests = Path.Combine(work, testProject);
        Directory.CreateDirectory(tests);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Catalog.RepositoryRoot, "tests", "SafeAuth.Analyzers.Tests", template), "*.*", SearchOption.TopDirectoryOnly))
        {
            File.Copy(file, Path.Combine(tests, Path.GetFileName(file)));
        }

        return project;
    }

    /// <summary>
    /// Builds the copy, applies every fix with <c>dotnet format analyzers</c>, builds it again, and checks that only
    /// the findings <paramref name="leftForTheUser"/> names remain. Returns the findings before and after.
    /// </summary>
    private async Task<(List<string> Before, List<string> After)> FixAsync(string work, string project, IReadOnlyDictionary<string, string> leftForTheUser)
    {
        var before = Findings((await RunAsync(work, "dotnet", "build", project, "-nodeReuse:false")).Output);
        var ids = string.Join(' ', Catalog.Descriptors.Select(d => d.Descriptor.Id).Distinct());
        await RunAsync(work, "dotnet", $"format analyzers {project} --diagnostics {ids} --severity info --no-restore".Split(' '));
        var after = Findings((await RunAsync(work, "dotnet", "build", project, "--no-incremental", "-nodeReuse:false")).Output);

        var unexpected = after.Where(id => !leftForTheUser.ContainsKey(id)).ToList();
        Assert.True(unexpected.Count == 0, "findings left after every fix was applied: " + string.Join(", ", unexpected));
        Assert.True(before.Count > after.Count, $"the fixes removed nothing ({before.Count} findings before, {after.Count} after)");
        _output.WriteLine($"[counts] fixed {Path.GetFileNameWithoutExtension(project)}: {before.Count} findings before the fixes, {after.Count} after ({string.Join(", ", after.Distinct())}: left for the user)");
        return (before, after);
    }

    private async Task RunTestsAsync(string work, string testProject, Dictionary<string, string> environment)
    {
        var folder = Path.Combine(work, testProject);
        var test = await RunAsync(work, "dotnet", new[] { "test", Path.Combine(folder, testProject + ".csproj"), "-nodeReuse:false" }, environment);
        var facts = Directory.EnumerateFiles(folder, "*.cs").Sum(f => Regex.Matches(File.ReadAllText(f), @"\[Fact\]").Count);
        Assert.Matches(new Regex($@"Passed!\s+- Failed:\s+0, Passed:\s+{facts},"), test.Output);
    }

    private static void Delete(string work)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// One strong key for every secret the fixes now read (from the environment, or from configuration through its
    /// environment form <c>A__B</c>), the StrictJwt section, and an account to sign in with.
    /// </summary>
    private static Dictionary<string, string> Settings(string fixedSample)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("correct horse battery staple"), salt, 100_000, HashAlgorithmName.SHA256, 32);
        var settings = new Dictionary<string, string>
        {
            ["FIXED_SAMPLE_KEY"] = key,
            ["Jwt__Issuer"] = "https://api.example.com/",
            ["Jwt__Audience"] = "api",
            ["Jwt__SigningKey"] = key,
            ["Accounts__alice__Salt"] = Convert.ToBase64String(salt),
            ["Accounts__alice__PasswordHash"] = Convert.ToBase64String(hash),
            ["Accounts__alice__Role"] = "admin",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var file in Directory.EnumerateFiles(fixedSample, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in Regex.Matches(text, "FromEnvironment\\(\"([A-Za-z0-9_]+)\""))
            {
                settings.TryAdd(match.Groups[1].Value, key);
            }

            foreach (Match match in Regex.Matches(text, "FromConfiguration\\([^,()]+, \"([^\"]+)\""))
            {
                settings.TryAdd(match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal), key);
            }
        }

        return settings;
    }

    /// <summary>The SafeAuth finding IDs of a build, one per place (a build prints each warning twice).</summary>
    private static List<string> Findings(string buildOutput) =>
        Regex.Matches(buildOutput, @"^\s*(.*?): warning (AUTH\d{3}):", RegexOptions.Multiline)
            .Select(m => (Where: m.Groups[1].Value, Id: m.Groups[2].Value))
            .Distinct()
            .Select(f => f.Id)
            .ToList();

    private async Task<(string Output, int ExitCode)> RunAsync(string directory, string file, params string[] arguments) =>
        await RunAsync(directory, file, arguments, new Dictionary<string, string>());

    private async Task<(string Output, int ExitCode)> RunAsync(string directory, string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{Tail(text)}");
        return (text, process.ExitCode);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}
