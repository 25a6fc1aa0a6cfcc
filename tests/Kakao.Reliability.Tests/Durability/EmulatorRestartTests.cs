using Kakao.EngineHarness.Results;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.Durability;

/// <summary>
/// The emulator restarted on its data file in the middle of a deployment (creates in flight) loses no
/// sender and no review decision, and the plugin rides through the outage on its retries.
/// </summary>
[TestFixture]
[Category("Durability")]
public sealed class EmulatorRestartTests
{
    [Test]
    public async Task Restart_MidRunOnDataFile_LosesNoSender()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var directory = Directory.CreateTempSubdirectory("kakao-durability-");
        try
        {
            var dataFile = Path.Combine(directory.FullName, "emulator.json");
            await using var world = await ReliabilityWorld.StartAsync(ReliabilityWorld.EmulatorOptions(dataFile), cancellationToken: ct);
            var session = world.Session;
            for (int i = 0; i < 10; i++)
            {
                await session.UpAsync(ReliabilityWorld.SenderType, $"before{i}", ReliabilityWorld.SenderInputs($"@durable-{i:00}"), ct);
            }

            await world.Probe.Control.ApproveAsync(Sentinels.ProjectId, "@durable-00", ct);
            await world.Probe.Control.RejectAsync(Sentinels.ProjectId, "@durable-01", "Blurry logo", ct);
            var beforeRestart = await world.Probe.SendersAsync(ct);

            // Ten more creates run into the outage: while the emulator is down its port refuses every
            // connection (accept, then reset), and it comes back only once each create has been refused.
            await world.StopEmulatorAsync();
            int refused;
            Task<Kakao.EngineHarness.Lifecycle.UpResult>[] inFlight;
            using (var outage = new DeadPort(world.Emulator.BaseAddress.Port))
            {
                inFlight = Enumerable.Range(10, 10)
                    .Select(i => session.UpAsync(ReliabilityWorld.SenderType, $"during{i}", ReliabilityWorld.SenderInputs($"@durable-{i:00}"), ct))
                    .ToArray();
                refused = await outage.RefuseAsync(inFlight.Length, ct);
            }

            await world.StartEmulatorAsync(ReliabilityWorld.EmulatorOptions(dataFile), ct);
            var failures = new List<string>();
            foreach (var create in inFlight)
            {
                try
                {
                    await create;
                }
                catch (ProviderRpcException ex)
                {
                    failures.Add($"{ex.StatusCode}: {ex.Detail}");
                }
            }

            var afterRestart = await world.Probe.SendersAsync(ct);
            await world.RestartEmulatorAsync(ReliabilityWorld.EmulatorOptions(dataFile), ct);
            var afterSecondRestart = await world.Probe.SendersAsync(ct);
            var stateIds = session.State.Resources.Select(r => r.Id).ToArray();
            var refreshed = await session.RefreshAsync(session.Urn(ReliabilityWorld.SenderType, "before0"), ct);
            await TestContext.Out.WriteLineAsync($"Durability: {beforeRestart.Count} senders before the restart, {inFlight.Length} creates in flight across it ({refused} connections refused during the outage, {failures.Count} creates failed), {afterSecondRestart.Count} after two restarts");

            Assert.Multiple(() =>
            {
                foreach (var (id, sender) in beforeRestart)
                {
                    Assert.That(afterRestart.ContainsKey(id), Is.True, $"{id} survived the restart");
                    Assert.That(afterSecondRestart[id].ToJsonString(), Is.EqualTo(sender.ToJsonString()), $"{id} unchanged by two restarts");
                }

                Assert.That(afterRestart.Keys, Is.SubsetOf(stateIds), "every sender that exists is in the engine's state");
                Assert.That(stateIds, Is.SubsetOf(afterRestart.Keys), "every create the engine recorded happened");
                Assert.That(failures, Is.Empty, "the plugin's retries rode through the restart");
                Assert.That(afterRestart.Keys.Count(id => string.CompareOrdinal(id, "@durable-10") >= 0), Is.EqualTo(10), "every create that met the outage happened once it was over");
                Assert.That(afterSecondRestart.Keys, Is.EquivalentTo(afterRestart.Keys));
                Assert.That(refreshed.After!.Outputs.Text("status"), Is.EqualTo("PENDING_VERIFICATION"), "the approval survived");
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
