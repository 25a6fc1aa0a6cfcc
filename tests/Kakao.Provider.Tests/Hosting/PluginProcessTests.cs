using System.Diagnostics;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Kakao.Provider.Protocol;
using Kakao.Provider.Tests.TestSupport;

namespace Kakao.Provider.Tests.Hosting;

/// <summary>The built executable, launched the way the engine launches it.</summary>
[NonParallelizable]
public class PluginProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private static Process Start(string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, System.Collections.Concurrent.ConcurrentQueue<string>? stderr = null, IReadOnlyList<string>? arguments = null)
    {
        // KAKAO_PLUGIN_PATH points these tests at another build (e.g. the Native AOT binary).
        var executable = Environment.GetEnvironmentVariable("KAKAO_PLUGIN_PATH") is { Length: > 0 } path
            ? path
            : Path.Combine(TestContext.CurrentContext.TestDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-kakao.exe" : "pulumi-resource-kakao");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestContext.CurrentContext.TestDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        foreach (var arg in arguments ?? ["--logtostderr", "--tracing", "http://127.0.0.1:9", "127.0.0.1:1"])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr?.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Reads stdout up to the first newline, exactly as written.</summary>
    private static async Task<string> ReadPortLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var text = new StringBuilder();
        var buffer = new char[1];
        while (!text.ToString().EndsWith('\n'))
        {
            if (await process.StandardOutput.ReadAsync(buffer.AsMemory(), timeout.Token) == 0)
            {
                break;
            }

            text.Append(buffer[0]);
        }

        return text.ToString();
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Start_WithHelp_PrintsUsageAndExitsWith0(string flag)
    {
        using var process = Start(arguments: [flag]);
        using var timeout = new CancellationTokenSource(StartTimeout);

        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(0));
            Assert.That(output, Does.StartWith("Usage: pulumi-resource-kakao").And.Contain("--help"));
        });
    }

    [Test]
    public async Task Start_WritesOnlyThePortLineAndStopsOnCancel()
    {
        using var process = Start();
        try
        {
            var line = await ReadPortLineAsync(process);
            Assert.That(line, Does.Match(@"^[0-9]+\n$"));

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{line.Trim()}");
            var rpc = new ProviderRpc(channel.CreateCallInvoker());
            var info = await rpc.CallAsync<Empty, PluginInfo>("GetPluginInfo", new Empty());
            await rpc.CallAsync<Empty, Empty>("Cancel", new Empty());

            using var stop = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(stop.Token);
            var rest = await process.StandardOutput.ReadToEndAsync();

            Assert.Multiple(() =>
            {
                Assert.That(info.Version, Is.EqualTo("0.1.0"));
                Assert.That(process.ExitCode, Is.Zero);
                Assert.That(rest, Is.Empty, "nothing but the port line may reach stdout");
            });
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Test]
    public async Task Start_InAProgramDirectoryWithItsOwnAspNetSettings_IgnoresThem()
    {
        var directory = Directory.CreateTempSubdirectory("kakao-plugin-cwd-");
        try
        {
            await File.WriteAllTextAsync(
                Path.Combine(directory.FullName, "appsettings.json"),
                """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:1" } } }, "Logging": { "LogLevel": { "Default": "Trace" } } }""");
            var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var process = Start(directory.FullName, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:2" }, stderr);
            try
            {
                var line = await ReadPortLineAsync(process);
                using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{line.Trim()}");
                var info = await new ProviderRpc(channel.CreateCallInvoker()).CallAsync<Empty, PluginInfo>("GetPluginInfo", new Empty());

                Assert.Multiple(() =>
                {
                    Assert.That(line, Does.Match(@"^[0-9]+\n$"));
                    Assert.That(line.Trim(), Is.Not.EqualTo("1").And.Not.EqualTo("2"));
                    Assert.That(info.Version, Is.EqualTo("0.1.0"));
                    Assert.That(stderr.Where(l => l.StartsWith("trce:", StringComparison.Ordinal) || l.StartsWith("dbug:", StringComparison.Ordinal)), Is.Empty, "the program's Logging settings must not apply");
                });
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Start_StopsGracefullyOnSigterm()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals only");
        using var process = Start();
        try
        {
            await ReadPortLineAsync(process);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.That(kill.ExitCode, Is.Zero);
            }

            using var stop = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(stop.Token);

            Assert.That(process.ExitCode, Is.Zero);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
