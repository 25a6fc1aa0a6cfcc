using Kakao.Quickstart;

// First Ctrl-C asks the quick start to stop and clean up; a second one ends the process at once.
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

return await QuickstartCommand.RunAsync(args, QuickstartServices.CreateDefault(), stop.Token).ConfigureAwait(false);
