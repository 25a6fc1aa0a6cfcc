using Kakao.Cli.Commands;

// First Ctrl-C asks every command to stop cleanly; a second one ends the process at once.
using var stop = new CancellationTokenSource();
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

return await new CliApp(CliServices.CreateDefault()).RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
