using System.Text.Json;
using Xunit;

namespace SafeAuth.Cli.Tests;

/// <summary>Scans of small projects written for the test: load failures, partial compilations, --fix.</summary>
public sealed class ProjectScanTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="System.IdentityModel.Tokens.Jwt" Version="8.23.0" />
          </ItemGroup>
        </Project>
        """;

    private const string LenientSetup = """
        using Microsoft.IdentityModel.Tokens;

        namespace Demo;

        public static class TokenSettings
        {
            public static TokenValidationParameters Create(SecurityKey key) => new()
            {
                IssuerSigningKey = key,
                ValidIssuer = "https://issuer.example",
                ValidAudience = "api",
                RequireSignedTokens = false,
            };
        }
        """;

    private static TempFolder NewRepository()
    {
        var folder = new TempFolder();
        // Nothing above the temporary folder may take part in the build.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            folder.File(name, "<Project />");
        }

        return folder;
    }

    [Fact]
    public async Task ProjectThatFailsToLoad_IsReported_AndTheScanGoesOn()
    {
        using var folder = NewRepository();
        folder.File("Good/Good.csproj", ProjectFile);
        folder.File("Good/TokenSettings.cs", LenientSetup);
        folder.File("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");

        var run = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("AUTH102", finding.GetProperty("ruleId").GetString());
        Assert.Equal("Good/TokenSettings.cs", finding.GetProperty("file").GetString());
        Assert.Equal(12, finding.GetProperty("line").GetInt32());
        var problems = report.GetProperty("problems").EnumerateArray().ToArray();
        Assert.Contains(problems, p => p.GetProperty("project").GetString() == "Broken/Broken.csproj" && p.GetProperty("stage").GetString() == "load" && p.GetProperty("fatal").GetBoolean());
    }

    [Fact]
    public async Task OnlyAProjectThatFailsToLoad_ExitsTwo_WithTheReasonAndNoStackTrace()
    {
        using var folder = NewRepository();
        folder.File("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");

        var run = await CliRun.RunAsync("scan", folder.Path, "--no-restore");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not analysed Broken/Broken.csproj load:", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task MissingPath_ExitsTwo()
    {
        var run = await CliRun.RunAsync("scan", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is neither a file nor a folder", run.Error);
    }

    [Fact]
    public async Task ProjectWithoutThePackage_GetsItsSettingsAndScripts_AsThePackageWouldHandThem()
    {
        using var folder = NewRepository();
        folder.File("App/App.csproj", ProjectFile.Replace(
            "<PackageReference Include=\"System.IdentityModel.Tokens.Jwt\" Version=\"8.23.0\" />",
            "<PackageReference Include=\"Microsoft.JSInterop\" Version=\"10.0.15\" />"));
        folder.File("App/appsettings.json", "{ \"Jwt\": { \"Key\": \"ThisIsMySuperSecretKeyForJwt2024!\" } }");
        folder.File("App/wwwroot/js/auth.js", "window.auth = { save(token) { localStorage.setItem('session', token); } };");
        folder.File("App/wwwroot/lib/vendor/auth.js", "function keep(token) { localStorage.setItem('session', token); }");
        folder.File("App/AuthService.cs", """
            using Microsoft.JSInterop;

            namespace Demo;

            public sealed class AuthService(IJSRuntime js)
            {
                public ValueTask SaveAsync(string value) => js.InvokeVoidAsync("auth.save", value);
                public ValueTask KeepAsync(string value) => js.InvokeVoidAsync("keep", value);
            }
            """);

        var run = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "App", "App.csproj"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var findings = JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("file").GetString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "AUTH304 appsettings.json", "AUTH401 AuthService.cs" }, findings);
    }

    [Fact]
    public async Task CompilerErrors_AreAnalysedPartially_AndSaidSo()
    {
        using var folder = NewRepository();
        folder.File("App/App.csproj", ProjectFile);
        folder.File("App/TokenSettings.cs", LenientSetup);
        folder.File("App/Broken.cs", "namespace Demo; public class Half { public void M() { var x = ; } }");

        var run = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "App", "App.csproj"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("AUTH102", Assert.Single(report.GetProperty("findings").EnumerateArray()).GetProperty("ruleId").GetString());
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal("compile", problem.GetProperty("stage").GetString());
        Assert.Contains("analysed partially", problem.GetProperty("reason").GetString());
        Assert.True(report.GetProperty("projects")[0].GetProperty("compilerErrors").GetInt32() > 0);
    }

    [Fact]
    public async Task Fix_AppliesTheCodeFix_SavesTheFile_AndTheFindingIsGone()
    {
        using var folder = NewRepository();
        folder.File("App/App.csproj", ProjectFile);
        var source = folder.File("App/TokenSettings.cs", LenientSetup);
        var untouched = folder.File("App/Other.cs", "namespace Demo;\n\npublic static class Other\n{\n}\n");

        var run = await CliRun.RunAsync("scan", folder.Path, "--fix", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("fixed 1 finding(s) in 1 file(s): AUTH102 x1.", run.Error);
        var fixedText = File.ReadAllText(source);
        Assert.DoesNotContain("RequireSignedTokens", fixedText);
        Assert.Contains("ValidAudience = \"api\",", fixedText);
        Assert.Equal("namespace Demo;\n\npublic static class Other\n{\n}\n", File.ReadAllText(untouched));
        Assert.Empty(JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray());
    }
}
