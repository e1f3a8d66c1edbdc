using Spectre.Console;

namespace SafeAuth.Cli.Scan;

/// <summary>
/// The progress display of a scan on standard error: projects loaded and analysed out of the total, and the current
/// one. Quiet when standard error is redirected (CI logs, pipes), so reports on standard output stay clean.
/// </summary>
public sealed class ScanProgress
{
    private readonly IAnsiConsole? _console;
    private ProgressTask? _load;
    private ProgressTask? _analyse;
    private string _loadTitle = "Loading projects";

    /// <summary>Creates the display; <paramref name="console"/> null means quiet.</summary>
    public ScanProgress(IAnsiConsole? console) => _console = console;

    /// <summary>A display on standard error when it is a terminal, otherwise a quiet one.</summary>
    public static ScanProgress ForStandardError()
    {
        if (Console.IsErrorRedirected)
        {
            return new ScanProgress(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new ScanProgress(console.Profile.Capabilities.Interactive ? console : null);
    }

    /// <summary>Runs <paramref name="work"/> with the display shown.</summary>
    public async Task<T> RunAsync<T>(Func<ScanProgress, Task<T>> work)
    {
        if (_console is null)
        {
            return await work(this).ConfigureAwait(false);
        }

        return await _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new RemainingCountColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _load = context.AddTask(_loadTitle, autoStart: true, maxValue: 1);
                _analyse = context.AddTask("Analysing projects", autoStart: false, maxValue: 1);
                return await work(this).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Loading starts: <paramref name="inputs"/> projects or solutions.</summary>
    public void StartLoading(int inputs)
    {
        _loadTitle = $"Loading {inputs} input(s)";
        if (_load is not null)
        {
            _load.MaxValue = Math.Max(1, inputs);
        }
    }

    /// <summary>What is being done now.</summary>
    public void Status(string text)
    {
        var task = _analyse is { IsStarted: true } ? _analyse : _load;
        if (task is not null)
        {
            task.Description = Markup.Escape(text.Length <= 60 ? text : "..." + text[^57..]);
        }
    }

    /// <summary>One input is loaded.</summary>
    public void InputLoaded() => _load?.Increment(1);

    /// <summary>Analysis starts over <paramref name="projects"/> projects.</summary>
    public void StartAnalysing(int projects)
    {
        if (_load is not null)
        {
            _load.Value = _load.MaxValue;
            _load.StopTask();
        }

        if (_analyse is not null)
        {
            _analyse.MaxValue = Math.Max(1, projects);
            _analyse.StartTask();
        }
    }

    /// <summary>One project is analysed.</summary>
    public void ProjectAnalysed() => _analyse?.Increment(1);

    private sealed class RemainingCountColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime)
            => new Markup($"{task.Value:0}/{task.MaxValue:0}");
    }
}
