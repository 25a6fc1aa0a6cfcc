using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kakao.Quickstart.Tests;

/// <summary>
/// The quick start without the pulumi CLI: the real plugin (built next to the tests) driven by the engine
/// harness against the in-process emulator, end to end.
/// </summary>
[Platform(Exclude = "Win", Reason = "The clone's stand-in executables are bash scripts.")]
public partial class QuickstartHarnessTests
{
    private QuickstartWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new QuickstartWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    [Test]
    public async Task Quickstart_NoPulumiCli_TakesTheSenderToActiveWithTheEngineHarness()
    {
        var code = await _world.RunAsync("--plugin", QuickstartWorld.PluginPath);

        Assert.That(code, Is.EqualTo(0), _world.Output);
        Assert.That(_world.Output, Does.Contain("The pulumi CLI is not on PATH"));
        Assert.That(_world.JourneyStatuses(), Is.EqualTo(new[] { "IN_PROGRESS", "PENDING_VERIFICATION", "VERIFYING", "ACTIVE", "ACTIVE" }));
        Assert.That(_world.Console.Lines.SkipWhile(l => !l.StartsWith("info: Journey of", StringComparison.Ordinal)).Skip(1).Take(5),
            Has.All.Contains("[engine harness]"), "every journey step is labelled");
        Assert.That(_world.Output, Does.Contain("engine harness, not the pulumi CLI"));
        Assert.That(_world.Output, Does.Contain("@sinch-demo deleted"), "clean-up deletes the sender");
        Assert.That(_world.Output, Does.Contain("The sender is ACTIVE"));
    }

    [Test]
    public async Task Quickstart_Always_NeverPrintsTheCodeTheKeySecretOrThePhone()
    {
        var code = await _world.RunAsync("--engine", "harness", "--plugin", QuickstartWorld.PluginPath);

        Assert.That(code, Is.EqualTo(0), _world.Output);
        Assert.That(_world.Output, Does.Not.Contain("emulator-secret"));
        Assert.That(_world.Output, Does.Not.Contain("777777777"));
        Assert.That(SixDigits().IsMatch(_world.Output), Is.False, "no one-time code in the output:\n" + _world.Output);
    }

    [Test]
    public async Task Quickstart_KeepThenCtrlC_KeepsTheEmulatorUntilInterruptedThenStopsIt()
    {
        using var ctrlC = new CancellationTokenSource();
        Uri? emulator = null;
        _world.Console.OnInfo = line =>
        {
            if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
            {
                emulator = new Uri(EmulatorUrl().Match(_world.Output).Value);
                using var tcp = new TcpClient();
                tcp.Connect(emulator.Host, emulator.Port);   // still serving while kept
                ctrlC.Cancel();
            }
        };

        var code = await _world.RunAsync(ctrlC.Token, "--keep", "--plugin", QuickstartWorld.PluginPath);

        Assert.That(code, Is.EqualTo(0), _world.Output);
        Assert.That(emulator, Is.Not.Null, "the command waited for Ctrl-C");
        Assert.That(_world.Output, Does.Not.Contain("@sinch-demo deleted"), "--keep leaves the sender");
        using var after = new TcpClient();
        Assert.That(() => after.Connect(emulator!.Host, emulator.Port), Throws.InstanceOf<SocketException>(), "the emulator stopped after Ctrl-C");
    }

    [Test]
    public async Task Quickstart_PluginThatIsNotThere_ExitsTwo()
    {
        var code = await _world.RunAsync("--plugin", Path.Combine(_world.Dir, "missing", "pulumi-resource-kakao"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(_world.Output, Does.Contain("--plugin").And.Contain("no such file"));
    }

    [GeneratedRegex(@"(?<![\d.:])\d{6}(?![\d.])")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex EmulatorUrl();
}
