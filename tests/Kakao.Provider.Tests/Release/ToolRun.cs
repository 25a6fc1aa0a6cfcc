using System.Diagnostics;

namespace Kakao.Provider.Tests.Release;

/// <summary>Runs a build tool to its end and hands back its standard output; a non-zero exit fails the test with both streams.</summary>
internal static class ToolRun
{
    public static async Task<string> OutputAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
