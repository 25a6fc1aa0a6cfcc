using System.Runtime.InteropServices;

namespace Kakao.Cli.Terminal;

/// <summary>
/// Ctrl-C for a command-line program: the first press asks it to stop cleanly, a second ends it at once.
/// SIGTERM (kill, docker stop, systemd, a CI runner's cancel) asks the same clean stop, so what the program
/// started is cleaned up there too.
/// </summary>
internal static class CtrlC
{
    // Kept for the life of the process: a collected registration stops handling the signal.
    private static PosixSignalRegistration? s_terminate;

    /// <summary>A source cancelled by the first Ctrl-C or SIGTERM (which is then not allowed to end the process).</summary>
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
        if (!OperatingSystem.IsWindows())
        {
            s_terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                if (stop.IsCancellationRequested)
                {
                    // A second SIGTERM: the runtime's default, end now.
                    return;
                }

                context.Cancel = true;
                Console.Error.WriteLine("Stopping (SIGTERM)…");
                stop.Cancel();
            });
        }

        return stop;
    }
}
