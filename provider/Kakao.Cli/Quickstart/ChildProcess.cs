using System.Diagnostics;
using Kakao.Cli.Pulumi;

namespace Kakao.Cli.Quickstart;

/// <summary>The outcome of a child command: its exit code and its last lines (both streams, in arrival order).</summary>
internal sealed record ChildProcessResult(int ExitCode, IReadOnlyList<string> Tail);

/// <summary>
/// Runs a child command (dotnet publish, pulumi) with extra environment, line by line to a callback, keeping the
/// last lines for error messages. Cancellation interrupts it like Ctrl-C, then kills it after a grace period.
/// A missing executable surfaces as <see cref="System.ComponentModel.Win32Exception"/>.
/// </summary>
internal static class ChildProcess
{
    public const int TailLines = 40;

    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string>? onLine,
        TimeSpan interruptGrace,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = info };
        process.Start();
        process.StandardInput.Close();
        var tail = new Queue<string>();
        var gate = new Lock();
        void Line(string line)
        {
            lock (gate)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }

            onLine?.Invoke(line);
        }

        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, Line), PumpAsync(process.StandardError, Line));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await pumps.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, interruptGrace).ConfigureAwait(false);
            throw;
        }

        lock (gate)
        {
            return new ChildProcessResult(process.ExitCode, tail.ToList());
        }
    }

    private static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        // Politely first (pulumi then cancels its update and releases the stack lock), then for good.
        ProcessSignals.Interrupt(process);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }
    }
}
