using Kakao.Cli.Terminal;

namespace Kakao.Quickstart;

/// <summary>
/// Shows a long step: behind a spinner at a terminal, unless its output is streamed line by line (a spinner and
/// lines written under it would fight over the terminal), in which case the step's line comes first.
/// </summary>
internal static class StepStatus
{
    public static Task<T> RunAsync<T>(IConsoleIO console, string message, bool streamsLines, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (streamsLines && console.IsInteractive)
        {
            console.Info(message);
            return work(cancellationToken);
        }

        return console.RunWithStatusAsync(message, work, cancellationToken);
    }

    /// <summary>Whether a step's child output goes to the console: always with --verbose, else only as plain lines.</summary>
    public static bool StreamsLines(IConsoleIO console, bool verbose) => verbose || !console.IsInteractive;
}
