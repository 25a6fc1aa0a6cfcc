using System.Diagnostics;
using System.Text.Json.Nodes;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.Cancellation;

/// <summary>
/// Cancel and SIGINT while the plugin is backing off between retries end every in-flight call within 1 s;
/// Ctrl-C in the driver exits 130 with a message and leaves nothing half-done.
/// </summary>
[TestFixture]
[Category("Cancellation")]
public sealed class CancellationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Test]
    public async Task CancelRpc_DuringRetryBackOff_EndsEveryInFlightCallWithinOneSecond()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var world = await ReliabilityWorld.StartAsync(cancellationToken: timeout.Token);
        var calls = await StartCallsInBackOffAsync(world, timeout.Token);

        var stopwatch = Stopwatch.StartNew();
        await world.Session.CancelAsync(timeout.Token);
        var outcomes = await EndAllAsync(calls);
        stopwatch.Stop();
        var senders = await world.Probe.SendersAsync(timeout.Token);

        // The plugin stops on Cancel (the engine's shutdown signal) — cleanly, never as a crash.
        var exit = await world.Session.StopAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(stopwatch.Elapsed, Is.LessThan(Limit), "every call ended within 1 s of Cancel");
            Assert.That(outcomes, Has.All.Matches<StatusCode>(code => code is not (StatusCode.OK or StatusCode.Internal or StatusCode.Unknown)), string.Join(", ", outcomes));
            Assert.That(senders.Keys, Is.EquivalentTo(new[] { "@cancel-existing" }), "the cancelled create did not half-happen");
            Assert.That(exit!.ExitCode, Is.Zero, "Cancel does not crash the plugin: " + exit.StandardError);
            Assert.That(exit.StandardError, Does.Not.Contain("Unhandled exception"));
        });
    }

    [Test]
    public async Task Sigint_DuringRetryBackOff_EndsEveryInFlightCallWithinOneSecondAndExitsCleanly()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var world = await ReliabilityWorld.StartAsync(cancellationToken: timeout.Token);
        var calls = await StartCallsInBackOffAsync(world, timeout.Token);
        var process = world.Session.Process!;

        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        var outcomes = await EndAllAsync(calls);
        var callsEnded = stopwatch.Elapsed;

        // The host then shuts down gracefully (its shutdown timeout is 5 s while the engine's channel is open).
        using (var exitWait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token))
        {
            exitWait.CancelAfter(TimeSpan.FromSeconds(8));
            using var plugin = Process.GetProcessById(process.ProcessId);
            await plugin.WaitForExitAsync(exitWait.Token);
        }

        var exit = await world.Session.StopAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(callsEnded, Is.LessThan(Limit), "every call ended within 1 s of SIGINT");
            Assert.That(outcomes, Has.None.AnyOf(StatusCode.OK, StatusCode.Internal), string.Join(", ", outcomes));
            Assert.That(exit!.Reason, Is.EqualTo(Kakao.EngineHarness.Hosting.PluginStopReason.ExitedOnItsOwn), "SIGINT alone stopped the plugin");
            Assert.That(exit.ExitCode, Is.Zero, exit.StandardError);
            Assert.That(exit.StandardError, Does.Not.Contain("Unhandled exception"));
        });
    }

    [TestCase("INT", TestName = "Driver_CtrlCDuringRetryBackOff_ExitsWithMessageAndLeavesNothingHalfDone")]
    [TestCase("TERM", TestName = "Driver_SigtermDuringRetryBackOff_ExitsWithMessageAndLeavesNothingHalfDone")]
    public async Task Driver_SignalDuringRetryBackOff_ExitsWithMessageAndLeavesNothingHalfDone(string signal)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var emulator = await Kakao.Emulator.EmulatorServer.StartAsync(ReliabilityWorld.EmulatorOptions(), ct);
        using var probe = new EmulatorProbe(emulator.BaseAddress);
        using (var client = new ProvisioningClient(new ProvisioningClientOptions { Endpoint = emulator.BaseAddress, ProjectId = Sentinels.ProjectId, KeyId = Sentinels.KeyId, KeySecret = Sentinels.KeySecret }))
        {
            await client.CreateSenderAsync(new Kakao.Provisioning.Models.CreateSenderRequest
            {
                PlusFriendId = "@ctrl-c",
                Details = new Kakao.Provisioning.Models.SenderDetails { AdminPhoneNo = Sentinels.AdminPhoneNo, Name = "Shop", TopLevelCategoryCode = "019", MidLevelCategoryCode = "0006", SubLevelCategoryCode = "0001" },
            }, ct);
        }

        await probe.Control.ApproveAsync(Sentinels.ProjectId, "@ctrl-c", ct);
        await probe.Control.SetFaultsAsync([new JsonObject { ["method"] = "POST", ["path"] = "/v1/projects/*/kakaotalk/senders/*/register", ["status"] = 503, ["retryAfterSeconds"] = 10 }], ct);
        using var driver = DriverProcess.Start(["senders", "register", "@ctrl-c"], new Dictionary<string, string?>
        {
            ["SINCH_PROJECT_ID"] = Sentinels.ProjectId,
            ["SINCH_KEY_ID"] = Sentinels.KeyId,
            ["SINCH_KEY_SECRET"] = Sentinels.KeySecret,
            ["KAKAO_ENDPOINT"] = emulator.BaseAddress.ToString(),
        });
        await WaitForFaultsAsync(probe, 1, ct);

        var stopwatch = Stopwatch.StartNew();
        await driver.SignalAsync(signal, ct);
        var result = await driver.WaitAsync(ct);
        stopwatch.Stop();
        var sender = (await probe.SendersAsync(ct))["@ctrl-c"];
        var registers = (await probe.RequestsAsync(ct)).Count(r => r.Path.EndsWith("/register", StringComparison.Ordinal));
        var otp = await probe.Control.OtpAsync(Sentinels.ProjectId, "@ctrl-c", ct);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(130), result.StandardError);
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.5)), "the driver stopped promptly (runtime shutdown included)");
            Assert.That(result.StandardError + result.StandardOutput, Does.Contain("Interrupted"), "the user is told the command stopped");
            Assert.That(result.HasStackTrace, Is.False, result.StandardError);
            Assert.That(registers, Is.EqualTo(1), "no retry after Ctrl-C");
            Assert.That(sender.Text("state"), Is.EqualTo("INACTIVE"), "the interrupted register did not half-happen");
            Assert.That(otp, Is.Null, "no code was sent");
        });
    }

    /// <summary>A create, a refresh and a read, all stuck in back-off behind 503 + Retry-After 10 s.</summary>
    private static async Task<Task[]> StartCallsInBackOffAsync(ReliabilityWorld world, CancellationToken ct)
    {
        var session = world.Session;
        await session.UpAsync(ReliabilityWorld.SenderType, "existing", ReliabilityWorld.SenderInputs("@cancel-existing"), ct);
        await world.Probe.Control.SetFaultsAsync(
            [new JsonObject { ["path"] = "/v1/projects/*/kakaotalk/senders/**", ["status"] = 503, ["retryAfterSeconds"] = 10 },
             new JsonObject { ["method"] = "POST", ["path"] = "/v1/projects/*/kakaotalk/senders", ["status"] = 503, ["retryAfterSeconds"] = 10 }],
            ct);
        Task[] calls =
        [
            session.UpAsync(ReliabilityWorld.SenderType, "new", ReliabilityWorld.SenderInputs("@cancel-new"), ct),
            session.RefreshAsync(session.Urn(ReliabilityWorld.SenderType, "existing"), ct),
            session.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = "@cancel-existing" }, ct),
        ];
        await WaitForFaultsAsync(world.Probe, calls.Length, ct);
        Assert.That(calls.Where(c => c.IsCompleted), Is.Empty, "the calls are waiting in back-off");
        return calls;
    }

    private static async Task WaitForFaultsAsync(EmulatorProbe probe, int count, CancellationToken ct)
    {
        // Observes the emulator until every call has made its first (faulted) attempt; no fixed sleep.
        while ((await probe.Control.FaultRulesAsync(ct)).Sum(rule => rule!["fired"]!.GetValue<int>()) < count)
        {
            await Task.Yield();
        }
    }

    private static async Task<StatusCode[]> EndAllAsync(Task[] calls)
    {
        var codes = new List<StatusCode>();
        foreach (var call in calls)
        {
            try
            {
                await call.WaitAsync(TimeSpan.FromSeconds(20));
                codes.Add(StatusCode.OK);
            }
            catch (ProviderRpcException ex)
            {
                codes.Add(ex.StatusCode);
            }
        }

        return codes.ToArray();
    }
}
