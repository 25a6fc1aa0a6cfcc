using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Tests.Fakes;

namespace Kakao.EngineHarness.Tests.Hosting;

[NonParallelizable]
[Platform(Exclude = "Win", Reason = "The stand-in plugins are POSIX shell scripts; SIGINT is POSIX too.")]
public class PluginProcessTests
{
    private static readonly TimeSpan ShortGrace = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task StartAsync_PortLine_DialsPluginWithFlagsThenEngineAddress()
    {
        await using var provider = await FakeResourceProvider.StartAsync();
        using var script = FakePluginScript.AnnouncingPortFromEnvironment();

        await using var process = await PluginProcess.StartAsync(Options(script.Path, provider.Port));
        var version = await new ProviderClient(process.CallInvoker).GetPluginInfoAsync();
        var exit = await process.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(process.Port, Is.EqualTo(provider.Port));
            Assert.That(version, Is.EqualTo("1.2.3"));
            Assert.That(exit.StandardError, Does.Contain("args: --logtostderr -v=9 127.0.0.1:4242"));
        });
    }

    [Test]
    public async Task StartAsync_NullEnvironmentValue_RemovesInheritedVariable()
    {
        const string Name = "KAKAO_HARNESS_TEST_INHERITED";
        Environment.SetEnvironmentVariable(Name, "leaked");
        try
        {
            await using var provider = await FakeResourceProvider.StartAsync();
            using var script = new FakePluginScript($$"""
                echo "inherited=[${{Name}}] set=[$SET_BY_TEST]" >&2
                printf '%s\n' "$FAKE_PORT"
                trap 'exit 0' INT
                while true; do sleep 0.05; done
                """);
            var options = Options(script.Path, provider.Port);
            var environment = new Dictionary<string, string?>(options.Environment) { [Name] = null, ["SET_BY_TEST"] = "yes" };
            await using var process = await PluginProcess.StartAsync(new PluginProcessOptions
            {
                ExecutablePath = options.ExecutablePath,
                EngineAddress = options.EngineAddress,
                Environment = environment,
                CancelGracePeriod = ShortGrace,
                InterruptGracePeriod = ShortGrace,
            });

            var exit = await process.StopAsync();

            Assert.That(exit.StandardError, Does.Contain("inherited=[] set=[yes]"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, null);
        }
    }

    [Test]
    public async Task StopAsync_PluginIgnoresCancel_SendsCancelThenSigint()
    {
        await using var provider = await FakeResourceProvider.StartAsync();
        using var script = FakePluginScript.AnnouncingPortFromEnvironment();
        await using var process = await PluginProcess.StartAsync(Options(script.Path, provider.Port));

        var exit = await process.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(provider.CallNames, Does.Contain("Cancel"));
            Assert.That(exit.Reason, Is.EqualTo(PluginStopReason.Interrupt));
            Assert.That(exit.ExitCode, Is.EqualTo(7));
            Assert.That(exit.StandardError, Does.Contain("interrupted"));
        });
    }

    [Test]
    public async Task StopAsync_PluginIgnoresSigint_KillsIt()
    {
        await using var provider = await FakeResourceProvider.StartAsync();
        using var script = new FakePluginScript("""
            trap '' INT
            printf '%s\n' "$FAKE_PORT"
            while true; do sleep 0.05; done
            """);
        await using var process = await PluginProcess.StartAsync(Options(script.Path, provider.Port));

        var exit = await process.StopAsync();

        Assert.That(exit.Reason, Is.EqualTo(PluginStopReason.Kill));
    }

    [Test]
    public async Task StopAsync_OutputAfterPortLine_IsReportedAsUnexpected()
    {
        await using var provider = await FakeResourceProvider.StartAsync();
        using var script = new FakePluginScript("""
            printf '%s\n' "$FAKE_PORT"
            echo "a banner on stdout"
            trap 'exit 0' INT
            while true; do sleep 0.05; done
            """);
        await using var process = await PluginProcess.StartAsync(Options(script.Path, provider.Port));

        var exit = await process.StopAsync();

        Assert.That(exit.UnexpectedStandardOutput, Is.EqualTo("a banner on stdout\n"));
    }

    [Test]
    public void StartAsync_ExitsBeforePortLine_ThrowsWithExitCodeAndStderr()
    {
        using var script = new FakePluginScript("echo 'boom: no config' >&2\nexit 3\n");

        var error = Assert.ThrowsAsync<PluginProcessException>(() => PluginProcess.StartAsync(Options(script.Path, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ExitCode, Is.EqualTo(3));
            Assert.That(error.StandardError, Does.Contain("boom: no config"));
        });
    }

    [TestCase("listening on 5000\\n", TestName = "StartAsync_BannerInsteadOfPort_Throws")]
    [TestCase("5000\\r\\n", TestName = "StartAsync_PortWithCarriageReturn_Throws")]
    [TestCase("0\\n", TestName = "StartAsync_PortZero_Throws")]
    public void StartAsync_MalformedPortLine_Throws(string output)
    {
        using var script = new FakePluginScript($"printf '{output}'\nsleep 5\n");

        var error = Assert.ThrowsAsync<PluginProcessException>(() => PluginProcess.StartAsync(Options(script.Path, 1)));

        Assert.That(error!.Message, Does.Contain("port"));
    }

    [Test]
    public void StartAsync_NoPortLineInTime_ThrowsTimeout()
    {
        using var script = new FakePluginScript("exec sleep 5\n");
        var options = new PluginProcessOptions
        {
            ExecutablePath = script.Path,
            EngineAddress = "127.0.0.1:4242",
            PortTimeout = TimeSpan.FromMilliseconds(200),
        };

        var error = Assert.ThrowsAsync<PluginProcessException>(() => PluginProcess.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("no port line within 0.2 s"));
    }

    [Test]
    public void StartAsync_MissingExecutable_Throws()
    {
        var options = Options("/nonexistent/pulumi-resource-nothing", 1);

        Assert.ThrowsAsync<PluginProcessException>(() => PluginProcess.StartAsync(options));
    }

    private static PluginProcessOptions Options(string path, int port) => new()
    {
        ExecutablePath = path,
        EngineAddress = "127.0.0.1:4242",
        Flags = ["--logtostderr", "-v=9"],
        Environment = new Dictionary<string, string?> { ["FAKE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        PortTimeout = TimeSpan.FromSeconds(10),
        CancelGracePeriod = ShortGrace,
        InterruptGracePeriod = ShortGrace,
    };
}
