using Spectre.Console;

namespace SafeAuth.Cli;

/// <summary>The consoles the commands write to.</summary>
public static class Consoles
{
    /// <summary>
    /// A console over <paramref name="output"/>: colours on a terminal; redirected (a log, a pipe, a file) it gets plain
    /// text and one line per finding, with no wrapping at 80 columns.
    /// </summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
