using Microsoft.Extensions.Time.Testing;

namespace Kakao.Quickstart.Tests;

/// <summary>
/// The quick start with a pulumi CLI on PATH (a stand-in that answers like the real one) and a stand-in
/// dotnet for the plugin build: the commands, their order, flags and environment, the verify step against the
/// real in-process emulator, clean-up and exit codes.
/// </summary>
[Platform(Exclude = "Win", Reason = "The stand-in executables are bash scripts.")]
public class QuickstartPulumiTests
{
    private QuickstartWorld _world = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new QuickstartWorld();
        StandIns.Dotnet(_world);
        StandIns.Pulumi(_world, "IN_PROGRESS", "PENDING_VERIFICATION", "ACTIVE");
    }

    [TearDown]
    public void TearDown() => _world.Dispose();

    private string[] Tail => ["--non-interactive", "--cwd", _world.Root];

    [Test]
    public async Task Quickstart_PulumiOnPath_RunsUpRefreshVerifyRefreshOnATemporaryFileBackend()
    {
        var code = await _world.RunAsync();

        Assert.That(code, Is.EqualTo(0), _world.Output);
        var calls = _world.Log("pulumi.log");
        string[][] expected =
        [
            ["version"],
            ["stack", "init", "quickstart", "--secrets-provider", "passphrase", .. Tail],
            ["config", "set", "endpoint", EmulatorEndpoint(calls), "--stack", "quickstart", .. Tail],
            ["up", "--yes", "--skip-preview", "--stack", "quickstart", .. Tail],
            ["stack", "output", "--json", "--stack", "quickstart", .. Tail],
            ["refresh", "--yes", "--skip-preview", "--stack", "quickstart", .. Tail],
            ["stack", "output", "--json", "--stack", "quickstart", .. Tail],
            // kakao verify: refresh, read the checkpoint, (register + code + verify over the API), refresh.
            ["refresh", "--yes", "--skip-preview", "--stack", "quickstart", .. Tail],
            ["stack", "export", "--stack", "quickstart", .. Tail],
            ["refresh", "--yes", "--skip-preview", "--stack", "quickstart", .. Tail],
            ["stack", "output", "--json", "--stack", "quickstart", .. Tail],
            ["destroy", "--yes", "--skip-preview", "--stack", "quickstart", .. Tail],
            ["stack", "rm", "quickstart", "--yes", .. Tail],
        ];
        Assert.That(calls, Is.EqualTo(expected));
        Assert.That(EmulatorEndpoint(calls), Does.Match(@"^http://127\.0\.0\.1:\d+$"), "the stack points at the in-process emulator");
        Assert.That(File.ReadAllText(Path.Combine(_world.Bin, "create.status")), Does.StartWith("HTTP/1.1 201"), "up created the sender in the emulator");
        Assert.That(_world.JourneyStatuses(), Is.EqualTo(new[] { "IN_PROGRESS", "PENDING_VERIFICATION", "VERIFYING", "ACTIVE", "ACTIVE" }));
        Assert.That(_world.Output, Does.Contain("@sinch-demo was verified and is ACTIVE"), "kakao verify used the emulator's code");
        Assert.That(_world.Output, Does.Not.Contain("[engine harness]"));
    }

    [Test]
    public async Task Quickstart_PulumiOnPath_EveryCommandUsesTheTemporaryBackendAndPassphraseAndNoToken()
    {
        _world.Environment["PULUMI_ACCESS_TOKEN"] = "pul-user-token";

        var code = await _world.RunAsync();

        Assert.That(code, Is.EqualTo(0), _world.Output);
        var environments = _world.Log("env.log").Skip(1).ToList();   // after `pulumi version`
        Assert.That(environments, Has.Count.EqualTo(12));
        var backend = environments[0][0]["PULUMI_BACKEND_URL=".Length..];
        Assert.That(backend, Does.StartWith("file://" + Path.GetTempPath().TrimEnd('/')));
        Assert.That(environments, Has.All.EqualTo(new[] { "PULUMI_BACKEND_URL=" + backend, "PULUMI_CONFIG_PASSPHRASE=quickstart", "PULUMI_ACCESS_TOKEN=<unset>" }));
        Assert.That(Directory.Exists(backend["file://".Length..]), Is.False, "the temporary backend is removed at exit");
        Assert.That(_world.Output, Does.Contain($"State: stack 'quickstart' in {backend} (passphrase 'quickstart'), removed at exit."));
    }

    [Test]
    public async Task Quickstart_NoAotToolchain_SaysInOneLineThatItBuiltTheJitPlugin()
    {
        StandIns.JitOnly(_world);

        Assert.That(await _world.RunAsync(), Is.EqualTo(0), _world.Output);

        var lines = _world.Console.Lines.Where(l => l.Contains("clang", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), _world.Output);
        Assert.That(lines[0], Does.StartWith("warn: Plugin: JIT build, because Native AOT needs clang and zlib1g-dev"));
        Assert.That(_world.Output, Does.Contain("pulumi-resource-kakao (JIT, built in"));
    }

    [TestCase("jit")]
    [TestCase("aot")]
    public async Task Quickstart_BuildOption_PassesTheBuildKindToPublishAndRebuildsWhenItChanges(string kind)
    {
        Assert.That(await _world.RunAsync(), Is.EqualTo(0), _world.Output);
        File.Delete(Path.Combine(_world.Bin, "outputs.count"));   // the stand-in's outputs start over
        Assert.That(await _world.RunAsync("--build", kind), Is.EqualTo(0), _world.Output);

        var publishes = _world.Log("dotnet.log");
        Assert.That(publishes, Has.Count.EqualTo(2), "another build kind is not up to date");
        Assert.That(publishes[1][^1], Is.EqualTo("-p:KakaoPluginBuild=" + kind));
    }

    [Test]
    public async Task Quickstart_PluginSources_PublishesIntoPulumiLocalSkipsWhileUnchangedRepublishesAfterAnEdit()
    {
        var source = Path.Combine(_world.Root, "provider", "Kakao.Provider", "Program.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(source, "// v1");

        Assert.That(await RunAgainAsync(), Is.EqualTo(0), _world.Output);
        Assert.That(await RunAgainAsync(), Is.EqualTo(0), _world.Output);
        Assert.That(_world.Log("dotnet.log"), Has.Count.EqualTo(1), "the second run found the plugin up to date");
        Assert.That(_world.Output, Does.Contain("(Native AOT, up to date)"));
        File.WriteAllText(source, "// v2, edited");
        Assert.That(await RunAgainAsync(), Is.EqualTo(0), _world.Output);

        var publishes = _world.Log("dotnet.log");
        Assert.That(publishes, Has.Count.EqualTo(2), "an edited source file makes the plugin out of date");
        Assert.That(publishes, Has.All.EqualTo(new[] { "publish", "provider/Kakao.Provider", "-c", "Release", "-o", ".pulumi-local/plugin", "--nologo", "-p:KakaoPluginBuild=auto" }));
        Assert.That(File.Exists(Path.Combine(_world.Root, ".pulumi-local", "plugin", "pulumi-resource-kakao")), Is.True);

        Task<int> RunAgainAsync()
        {
            File.Delete(Path.Combine(_world.Bin, "outputs.count"));   // the stand-in's outputs start over
            return _world.RunAsync("--engine", "pulumi");
        }
    }

    [Test]
    public async Task Quickstart_PluginBuildFails_ExitsOneWithTheCompilerErrorAndRunsNoPulumiCommand()
    {
        StandIns.Fail(_world, "dotnet");

        var code = await _world.RunAsync();

        Assert.That(code, Is.EqualTo(1));
        Assert.That(_world.Output, Does.Contain("The plugin build failed (dotnet publish exited with 1)"));
        Assert.That(_world.Output, Does.Contain("error CS1002: ; expected"));
        Assert.That(_world.Log("pulumi.log").Select(c => c[0]), Is.EqualTo(new[] { "version" }));
    }

    [Test]
    public async Task Quickstart_PulumiUpFails_ExitsOneWithItsLastLinesAndStillCleansUp()
    {
        StandIns.Fail(_world, "up");

        var code = await _world.RunAsync();

        Assert.That(code, Is.EqualTo(1));
        Assert.That(_world.Output, Does.Contain("`pulumi up` failed with exit code 255"));
        Assert.That(_world.Output, Does.Contain("creating (0s) error: something broke"), "the command's last lines are shown");
        Assert.That(_world.Log("pulumi.log").Select(c => string.Join(" ", c.Take(2))).TakeLast(2), Is.EqualTo(new[] { "destroy --yes", "stack rm" }));
        Assert.That(_world.Output, Does.Not.Contain("Journey of"));
    }

    [Test]
    public async Task Quickstart_CtrlCDuringUp_StopsPulumiCleansUpAndExits130()
    {
        StandIns.Hang(_world, "up");
        using var ctrlC = new CancellationTokenSource();
        _world.OnStatus = message =>
        {
            if (message.StartsWith("pulumi up", StringComparison.Ordinal))
            {
                ctrlC.Cancel();
            }
        };

        var code = await _world.RunAsync(ctrlC.Token);

        Assert.That(code, Is.EqualTo(130));
        Assert.That(_world.Output, Does.Contain("Interrupted; cleaning up."));
        Assert.That(_world.Log("pulumi.log").Select(c => c[0]).TakeLast(2), Is.EqualTo(new[] { "destroy", "stack" }));
    }

    [Test]
    public async Task Quickstart_TimeoutElapsesDuringUp_StopsPulumiCleansUpAndExitsSix()
    {
        StandIns.Hang(_world, "up");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _world.Time = time;
        _world.OnStatus = message =>
        {
            if (message.StartsWith("pulumi up", StringComparison.Ordinal))
            {
                time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
            }
        };

        var code = await _world.RunAsync("--timeout", "2m");

        Assert.That(code, Is.EqualTo(6), _world.Output);
        Assert.That(_world.Output, Does.Contain("did not finish within 2m (--timeout)"));
        Assert.That(_world.Log("pulumi.log").Select(c => c[0]).TakeLast(2), Is.EqualTo(new[] { "destroy", "stack" }));
    }

    [Test]
    public async Task Quickstart_EnginePulumiWithoutTheCli_ExitsTwo()
    {
        File.Delete(Path.Combine(_world.Bin, "pulumi"));

        var code = await _world.RunAsync("--engine", "pulumi");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(_world.Output, Does.Contain("the pulumi CLI is not on PATH"));
        Assert.That(_world.Log("dotnet.log"), Is.Empty, "nothing was built");
    }

    [Test]
    public async Task Quickstart_PluginOptionWithThePulumiCli_ExitsTwo()
    {
        var code = await _world.RunAsync("--plugin", QuickstartWorld.PluginPath);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(_world.Output, Does.Contain("--plugin applies to the engine harness only"));
    }

    [Test]
    public async Task Quickstart_OutsideAClone_ExitsTwo()
    {
        File.Delete(Path.Combine(_world.Root, "KakaoPulumi.sln"));

        var code = await _world.RunAsync();

        Assert.That(code, Is.EqualTo(2));
        Assert.That(_world.Output, Does.Contain("Run the quick start from a clone of the repository"));
    }

    private static string EmulatorEndpoint(IReadOnlyList<string[]> calls) =>
        calls.FirstOrDefault(c => c.Length > 3 && c[0] == "config")?[3] ?? "<no config set>";
}
