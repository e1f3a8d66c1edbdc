using System.CommandLine;
using Microsoft.CodeAnalysis;
using SafeAuth.Cli.Inspect;
using SafeAuth.Cli.Scan;

namespace SafeAuth.Cli;

/// <summary>The <c>safeauth</c> command: <c>scan</c> and <c>inspect</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static int Main(string[] args) => Create(Console.In, Console.Out, Console.Error).Parse(args).Invoke();

    /// <summary>The command tree, writing to the given streams (tests pass their own).</summary>
    public static RootCommand Create(TextReader input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SafeAuth: finds authentication and authorization misuse in C# code bases, and inspects JWTs offline.")
        {
            ScanCommandLine(output, error),
            InspectCommandLine(input, output, error),
        };
        return root;
    }

    private static Command ScanCommandLine(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path") { Description = "A .sln, .slnx, .slnf or .csproj file, or a folder (every .csproj below it).", DefaultValueFactory = _ => "." };
        var format = new Option<ReportFormat?>("--format", "-f") { Description = "text, json or sarif (default: from the --output extension, else text)." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file; the console still shows the findings." };
        var severity = new Option<string>("--severity") { Description = "Report findings at or above: info, warning or error.", DefaultValueFactory = _ => "warning" };
        severity.AcceptOnlyFromAmong("info", "warning", "error");
        var baseline = new Option<string?>("--baseline") { Description = "Fail only on findings this baseline file does not hold." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record today's findings in this baseline file." };
        var include = new Option<string[]>("--include") { Description = "Report only files matching these globs (relative to the scanned folder).", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out files and projects matching these globs.", AllowMultipleArgumentsPerToken = true };
        var fix = new Option<bool>("--fix") { Description = "Apply the code fixes (as dotnet format analyzers does) and save the files." };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run dotnet restore before loading." };
        var command = new Command("scan", "Runs every SafeAuth rule over a solution, project or folder without changing it (unless --fix).")
        {
            path, format, outputFile, severity, baseline, writeBaseline, include, exclude, fix, noRestore,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var file = parse.GetValue(outputFile);
            var settings = new ScanSettings
            {
                Path = parse.GetValue(path)!,
                Format = parse.GetValue(format) ?? FormatOf(file),
                Output = file,
                Threshold = parse.GetValue(severity) switch { "error" => DiagnosticSeverity.Error, "info" => DiagnosticSeverity.Info, _ => DiagnosticSeverity.Warning },
                Baseline = parse.GetValue(baseline),
                WriteBaseline = parse.GetValue(writeBaseline),
                Include = parse.GetValue(include) ?? Array.Empty<string>(),
                Exclude = parse.GetValue(exclude) ?? Array.Empty<string>(),
                Fix = parse.GetValue(fix),
                Restore = !parse.GetValue(noRestore),
            };
            return ScanCommand.RunAsync(settings, output, error, cancellationToken);
        });
        return command;
    }

    private static Command InspectCommandLine(TextReader input, TextWriter output, TextWriter error)
    {
        var token = new Argument<string>("token") { Description = "The JWT, or - to read it from standard input (keeps it out of the shell history)." };
        var key = new Option<string?>("--key") { Description = "Verify with this PEM public key, certificate or JWK file." };
        var jwks = new Option<string?>("--jwks") { Description = "Verify with the signing keys of this JWKS file." };
        var secret = new Option<string?>("--secret-env") { Description = "Verify with the HMAC secret in this environment variable (never printed)." };
        var issuer = new Option<string?>("--issuer") { Description = "The issuer the token must name (default: its own iss)." };
        var audience = new Option<string?>("--audience") { Description = "The audience the token must name (default: its first aud)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("inspect", "Decodes a JWT offline, shows header and claims, verifies it with a key you give, and lists its problems.")
        {
            token, key, jwks, secret, issuer, audience, json,
        };
        command.SetAction((parse, _) => InspectCommand.RunAsync(
            new InspectSettings
            {
                Token = parse.GetValue(token)!,
                KeyFile = parse.GetValue(key),
                JwksFile = parse.GetValue(jwks),
                SecretVariable = parse.GetValue(secret),
                Issuer = parse.GetValue(issuer),
                Audience = parse.GetValue(audience),
                Json = parse.GetValue(json),
            },
            input,
            output,
            error,
            DateTimeOffset.UtcNow));
        return command;
    }

    private static ReportFormat FormatOf(string? file) => Path.GetExtension(file ?? "").ToLowerInvariant() switch
    {
        ".sarif" => ReportFormat.Sarif,
        ".json" => ReportFormat.Json,
        _ => ReportFormat.Text,
    };
}
