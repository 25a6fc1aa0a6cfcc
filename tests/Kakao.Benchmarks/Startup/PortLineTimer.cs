using System.Diagnostics;

namespace Kakao.Benchmarks.Startup;

/// <summary>
/// What the engine waits for when it loads a plugin: the time from exec to the port line on stdout. The
/// process is killed once the line is read.
/// </summary>
internal static class PortLineTimer
{
    public static async Task<double> MeasureAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(executable)!,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {executable}.");
        try
        {
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (!int.TryParse(line, out var port) || port <= 0)
            {
                throw new InvalidOperationException($"{executable} printed '{line}' instead of a port.");
            }

            return elapsed;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
