namespace Kakao.Cli.Terminal;

/// <summary>Ctrl-C for a command-line program: the first press asks it to stop cleanly, a second ends it at once.</summary>
internal static class CtrlC
{
    /// <summary>A source cancelled by the first Ctrl-C (which is then not allowed to end the process).</summary>
    public static CancellationTokenSource StopOnFirstPress()
    {
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            e.Cancel = true;
            Console.Error.WriteLine();
            Console.Error.WriteLine("Stopping… (press Ctrl-C again to force)");
            stop.Cancel();
        };
        return stop;
    }
}
