using System.ComponentModel;
using System.Diagnostics;
using Kakao.Cli.Processes;

namespace Kakao.Cli.Tests.Processes;

[Platform(Exclude = "Win", Reason = "The child processes are bash scripts.")]
public class ProcessRunnerTests
{
    [Test]
    public async Task RunAsync_ChildWritesBothStreams_StreamsLinesKeepsOutputAndEnvironment()
    {
        var lines = new List<string>();
        var result = await ProcessRunner.RunAsync(new ProcessRequest
        {
            FileName = "/bin/bash",
            Arguments = ["-c", "echo \"out $KAKAO_RUNNER_TEST\"; echo err >&2; [ -z \"${HOME+x}\" ] && echo no-home; exit 3"],
            Environment = new Dictionary<string, string?> { ["KAKAO_RUNNER_TEST"] = "set", ["HOME"] = null },
            OnStandardOutput = line => { lock (lines) { lines.Add(line); } },
        }, CancellationToken.None);

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.StandardOutput, Is.EqualTo("out set\nno-home\n"));
        Assert.That(result.StandardError.Trim(), Is.EqualTo("err"));
        Assert.That(lines, Is.EqualTo(new[] { "out set", "no-home" }));
        Assert.That(result.Tail, Has.Count.EqualTo(3));
    }

    [Test]
    public void RunAsync_MissingExecutable_ThrowsWin32Exception() =>
        Assert.ThrowsAsync<Win32Exception>(() => ProcessRunner.RunAsync(new ProcessRequest { FileName = "/nonexistent/kakao-no-such-program" }, CancellationToken.None));

    [Test]
    public async Task RunAsync_Cancelled_InterruptsThenKillsTheProcessTreeAfterTheGrace()
    {
        // A child that ignores SIGINT and has a grandchild: only the tree kill after the grace ends both.
        var pidFile = Path.GetTempFileName();
        using var cancel = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync(new ProcessRequest
        {
            FileName = "/bin/bash",
            Arguments = ["-c", $"trap '' INT; sleep 600 & echo $! > {pidFile}; echo started; wait"],
            InterruptGrace = TimeSpan.FromMilliseconds(500),
            OnStandardOutput = line => { if (line == "started") { cancel.Cancel(); } },
        }, cancel.Token);

        var watch = Stopwatch.StartNew();
        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        Assert.That(ProcessAlive(grandchild), Is.False, "the grandchild (sleep) was killed with the tree");
    }

    [Test]
    public void ToString_Request_NamesTheExecutableOnly() =>
        Assert.That(new ProcessRequest { FileName = "/usr/bin/pulumi", Arguments = ["--passphrase-sentinel"], Environment = new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = "pp-sentinel" } }.ToString(),
            Does.Contain("pulumi").And.Not.Contain("sentinel"));

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
