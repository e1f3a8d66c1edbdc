using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SafeAuth.RealCode;

/// <summary>One SafeAuth finding in a checked-out code base.</summary>
internal sealed record Finding(string Rule, string Severity, string File, int Line, string Project, string Message);

/// <summary>What one project cost and found.</summary>
internal sealed record ProjectResult(
    string Project,
    string TargetFramework,
    int Files,
    int Lines,
    int CompilerErrors,
    ImmutableArray<string> UnresolvedPackages,
    ImmutableDictionary<string, string> BuildProperties,
    double CompileMs,
    double SafeAuthMs,
    int Findings);

/// <summary>
/// Compiles every evaluated project in dependency order (a project reference is a compilation reference), runs all
/// SafeAuth analyzers on each with the project's build properties and settings files, and collects the findings.
/// </summary>
internal sealed class RealCodeRun
{
    private readonly string _root;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly Dictionary<string, Compilation> _compiled = new(StringComparer.Ordinal);

    /// <summary>The package and framework references of each compiled project: they flow to the projects that reference it.</summary>
    private readonly Dictionary<string, ImmutableArray<MetadataReference>> _references = new(StringComparer.Ordinal);

    public RealCodeRun(string root, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        _root = root;
        _analyzers = analyzers;
    }

    private readonly Dictionary<string, ProjectModel> _models = new(StringComparer.Ordinal);

    public List<Finding> Findings { get; } = new();

    public List<ProjectResult> Projects { get; } = new();

    public List<string> AnalyzerFailures { get; } = new();

    /// <summary>How many compiler errors of each project to list (<c>--show-errors</c>), to see what a missing package hides.</summary>
    public int ShowErrors { get; init; }

    public List<string> CompilerErrors { get; } = new();

    /// <summary>SafeAuth options (<c>safeauth.*</c> keys) given to every project, as a <c>.globalconfig</c> would.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Every <c>[DiagnosticAnalyzer]</c> of SafeAuth.Analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SafeAuthAnalyzers() =>
        typeof(SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public async Task RunAsync(IReadOnlyList<ProjectModel> projects, Action<string> progress)
    {
        var byPath = projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        foreach (var (path, model) in byPath)
        {
            _models[path] = model;
        }

        foreach (var project in DependencyOrder(projects, byPath))
        {
            progress($"{Projects.Count + 1}/{projects.Count} {project.Name}");
            await AnalyzeAsync(project);
        }
    }

    private static IEnumerable<ProjectModel> DependencyOrder(IReadOnlyList<ProjectModel> projects, Dictionary<string, ProjectModel> byPath)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<ProjectModel>();
        void Visit(ProjectModel project)
        {
            if (done.Contains(project.Path) || !visiting.Add(project.Path))
            {
                return;
            }

            foreach (var reference in project.ProjectReferences)
            {
                if (byPath.TryGetValue(reference, out var dependency))
                {
                    Visit(dependency);
                }
            }

            visiting.Remove(project.Path);
            done.Add(project.Path);
            order.Add(project);
        }

        foreach (var project in projects.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            Visit(project);
        }

        return order;
    }

    private async Task AnalyzeAsync(ProjectModel project)
    {
        var (compilation, unresolved) = Compile(project);
        var compileClock = Stopwatch.StartNew();
        var errorList = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        compileClock.Stop();
        foreach (var error in errorList.Take(ShowErrors))
        {
            var span = error.Location.GetMappedLineSpan();
            CompilerErrors.Add($"{Relative(span.Path)}:{span.StartLinePosition.Line + 1}: {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var (diagnostics, safeAuthMs) = await RunAnalyzersAsync(project, compilation);
        var found = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("AUTH", StringComparison.Ordinal)))
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            Findings.Add(new Finding(
                diagnostic.Id,
                diagnostic.Severity.ToString(),
                Relative(span.Path),
                span.StartLinePosition.Line + 1,
                project.Name,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            found++;
        }

        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            AnalyzerFailures.Add($"{project.Name}: {failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        Projects.Add(new ProjectResult(
            Relative(project.Path),
            project.TargetFramework,
            compilation.SyntaxTrees.Count(),
            compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count),
            errorList.Count,
            unresolved,
            project.BuildProperties,
            compileClock.Elapsed.TotalMilliseconds,
            safeAuthMs,
            found));
    }

    private (Compilation Compilation, ImmutableArray<string> Unresolved) Compile(ProjectModel project)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, preprocessorSymbols: project.PreprocessorSymbols);
        var trees = project.SourceFiles
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parse, f))
            .ToList();
        if (project.GlobalUsings.Length > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(project.GlobalUsings, parse, Path.Combine(project.Directory, "obj", project.Name + ".GlobalUsings.g.cs")));
        }

        var (own, unresolved) = References.For(project);

        // Package references flow through project references, as in a restored build; the first of a name wins.
        var references = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in own.Concat(project.ProjectReferences.Where(_references.ContainsKey).SelectMany(r => _references[r])))
        {
            references.TryAdd(Path.GetFileNameWithoutExtension(((PortableExecutableReference)reference).FilePath!), reference);
        }

        _references[project.Path] = references.Values.ToImmutableArray();
        var projectReferences = Closure(project)
            .Where(_compiled.ContainsKey)
            .Select(r => (MetadataReference)_compiled[r].ToMetadataReference());
        var outputKind = project.BuildProperties.TryGetValue("OutputType", out var type) && type.EndsWith("Exe", StringComparison.OrdinalIgnoreCase)
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            project.Name,
            trees,
            references.Values.Concat(projectReferences),
            new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: project.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: project.AllowUnsafe));
        _compiled[project.Path] = compilation;
        return (compilation, unresolved);
    }

    private async Task<(ImmutableArray<Diagnostic> Diagnostics, double SafeAuthMs)> RunAnalyzersAsync(ProjectModel project, Compilation compilation)
    {
        var settings = project.SettingsFiles.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        var options = new AnalyzerOptions(settings, new PropertiesProvider(project.BuildProperties, Options));
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (AnalyzerFailures)
                {
                    AnalyzerFailures.Add($"{project.Name}: {analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        double safeAuthMs = 0;
        foreach (var analyzer in _analyzers)
        {
            safeAuthMs += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        return (diagnostics, safeAuthMs);
    }

    /// <summary>The projects <paramref name="project"/> references, directly or through others.</summary>
    private IEnumerable<string> Closure(ProjectModel project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(project.ProjectReferences);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next))
            {
                continue;
            }

            if (_models.TryGetValue(next, out var model))
            {
                foreach (var reference in model.ProjectReferences)
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    private string Relative(string path) =>
        string.IsNullOrEmpty(path) ? path : Path.GetRelativePath(_root, path).Replace('\\', '/');

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    /// <summary>The project's build properties as <c>build_property.*</c> keys, as the SDK's generated editorconfig gives them.</summary>
    private sealed class PropertiesProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public PropertiesProvider(ImmutableDictionary<string, string> properties, IReadOnlyDictionary<string, string> options) =>
            _options = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value).SetItems(options));

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
