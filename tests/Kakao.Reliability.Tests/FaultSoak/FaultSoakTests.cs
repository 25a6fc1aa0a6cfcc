using System.Diagnostics;
using System.Text.Json.Nodes;
using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using Kakao.Reliability.Tests.Support;
using Kakao.Testing;

namespace Kakao.Reliability.Tests.FaultSoak;

/// <summary>
/// Senders go through their whole life (create, refresh, read, rejection, update, approval, register and
/// verify, delete) through the plugin process while the emulator injects the fault mix of
/// <see cref="FaultPlan"/>; after every step the emulator's truth is checked against what the engine was told.
/// CI mode: 64 senders, 512 engine operations. <c>KAKAO_SOAK=long</c>: 400 senders, 3200 operations.
/// </summary>
[TestFixture]
[Category("FaultSoak")]
public sealed class FaultSoakTests
{
    private const string RejectionComment = "Logo too small (soak)";

    private static readonly string[] Steps = ["create", "refresh", "read", "refresh", "update", "refresh", "read", "delete"];

    [Test]
    public async Task Lifecycle_UnderInjectedFaults_KeepsEveryInvariant()
    {
        var settings = SoakSettings.Current;
        using var timeout = new CancellationTokenSource(settings.Long ? TimeSpan.FromMinutes(40) : TimeSpan.FromSeconds(100));
        var ct = timeout.Token;
        await using var world = await ReliabilityWorld.StartAsync(cancellationToken: ct);
        using var driverClient = new ProvisioningClient(new ProvisioningClientOptions
        {
            Endpoint = world.Emulator.BaseAddress,
            ProjectId = Sentinels.ProjectId,
            KeyId = Sentinels.KeyId,
            KeySecret = Sentinels.KeySecret,
            MaxRetries = 10,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        });
        var ledger = new SoakLedger();
        var senders = Enumerable.Range(0, settings.Senders)
            .Select(i => new SoakSender(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@soak-{settings.Seed % 1000:000}-{i:0000}"), $"s{i}"))
            .ToArray();
        await world.Probe.Control.SetSeededFaultsAsync(settings.Seed, FaultPlan.Rules(settings), ct);
        var stopwatch = Stopwatch.StartNew();

        foreach (var wave in senders.Chunk(settings.Concurrency))
        {
            for (int step = 0; step < Steps.Length; step++)
            {
                var kind = Steps[step];
                await Task.WhenAll(wave.Where(s => s.Alive).Select(s => RunOperationAsync(world, s, kind, ledger, ct)));
                await CheckInvariantsAsync(world, senders, ledger, ct);
                ledger.InvariantChecks++;
                await RunOutOfBandAsync(world, driverClient, wave, step, ledger, ct);
            }
        }

        stopwatch.Stop();
        var injected = await InjectedAsync(world);
        await world.Probe.Control.ClearFaultsAsync(ct);
        var exit = await world.Session.StopAsync(ct);
        await TestContext.Out.WriteLineAsync(ledger.Report(settings, injected, senders.Length, stopwatch.Elapsed));

        Assert.Multiple(() =>
        {
            Assert.That(ledger.Total, Is.GreaterThanOrEqualTo(500), "engine operations");
            Assert.That(injected.Values.Sum(), Is.GreaterThan(ledger.Total / 10), "faults actually injected");
            Assert.That(injected.Keys, Is.SupersetOf(new[] { "503", "429 + Retry-After", "commit-then-fail", "aborted connection", "latency spike" }));
            Assert.That(ledger.FailureCodes.Keys, Has.None.AnyOf(StatusCode.Internal, StatusCode.Unknown), "no operation failed as a provider bug");
            Assert.That(ledger.Failures, Is.Empty, "every operation survived its faults (10 retries, reconciliation)");
            Assert.That(exit!.ExitCode, Is.Zero, "the plugin never crashed: " + exit.StandardError);
            Assert.That(exit.StandardError, Does.Not.Contain("Unhandled exception"));
        });
    }

    private static async Task RunOperationAsync(ReliabilityWorld world, SoakSender sender, string kind, SoakLedger ledger, CancellationToken ct)
    {
        var session = world.Session;
        var urn = session.Urn(ReliabilityWorld.SenderType, sender.UrnName);
        try
        {
            switch (kind)
            {
                case "create":
                    sender.ExpectedName = $"Shop {sender.UrnName}";
                    var created = await session.UpAsync(ReliabilityWorld.SenderType, sender.UrnName, ReliabilityWorld.SenderInputs(sender.Id, sender.ExpectedName), ct);
                    sender.Check = truth => CheckCreated(sender, created.State, truth);
                    break;
                case "refresh":
                    var refresh = await session.RefreshAsync(urn, ct);
                    sender.Check = truth => CheckRefreshed(sender, refresh.After, truth);
                    break;
                case "read":
                    var read = await session.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = sender.Id }, ct);
                    if (read.Failures.Count > 0)
                    {
                        throw new InvalidOperationException("getSender failures: " + string.Join("; ", read.Failures));
                    }

                    sender.Check = truth => CheckRead(sender, read.Return, truth);
                    break;
                case "update":
                    sender.ExpectedName = $"Shop {sender.UrnName} v2";
                    var updated = await session.UpAsync(ReliabilityWorld.SenderType, sender.UrnName, ReliabilityWorld.SenderInputs(sender.Id, sender.ExpectedName), ct);
                    sender.Check = truth => CheckUpdated(sender, updated, truth);
                    break;
                case "delete":
                    await session.DestroyAsync(urn, ct);
                    sender.Check = truth => truth.ContainsKey(sender.Id) ? $"{sender.Id}: Delete reported success but the sender still exists" : null;
                    sender.Alive = false;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown step");
            }

            ledger.Succeed(kind);
        }
        catch (ProviderRpcException ex)
        {
            ledger.Fail(kind, sender.Id, ex.StatusCode, ex.Detail, ex.InitFailure is not null);
            sender.Alive = false;
            sender.Uncertain = true;
            sender.Check = null;
        }
        catch (InvalidOperationException ex)
        {
            ledger.Fail(kind, sender.Id, StatusCode.OK, ex.Message, initFailed: false);
            sender.Alive = false;
            sender.Uncertain = true;
            sender.Check = null;
        }

    }

    /// <summary>What happens outside the engine between steps: the reviewer, and the driver's OTP step.</summary>
    private static async Task RunOutOfBandAsync(ReliabilityWorld world, ProvisioningClient driver, SoakSender[] wave, int step, SoakLedger ledger, CancellationToken ct)
    {
        foreach (var sender in wave.Where(s => s.Alive))
        {
            switch (step)
            {
                case 2:
                    await world.Probe.Control.RejectAsync(Sentinels.ProjectId, sender.Id, RejectionComment, ct);
                    break;
                case 4:
                    await world.Probe.Control.ApproveAsync(Sentinels.ProjectId, sender.Id, ct);
                    break;
                case 5:
                    // The driver's last mile through the same client library, under the same faults; a failure
                    // is reported with the others (and the sender leaves the soak) rather than ending the run.
                    try
                    {
                        await driver.RegisterSenderAsync(sender.Id, ct);
                        var code = await world.Probe.Control.OtpAsync(Sentinels.ProjectId, sender.Id, ct) ?? throw new InvalidOperationException("no one-time code after register");
                        await driver.VerifySenderAsync(sender.Id, code, ct);
                        ledger.Succeed(SoakLedger.DriverStep);
                    }
                    catch (Exception ex) when (ex is ProvisioningApiException or InvalidOperationException)
                    {
                        ledger.Fail(SoakLedger.DriverStep, sender.Id, StatusCode.OK, ex.Message, initFailed: false);
                        sender.Alive = false;
                        sender.Uncertain = true;
                    }

                    break;
            }
        }
    }

    private static async Task CheckInvariantsAsync(ReliabilityWorld world, SoakSender[] senders, SoakLedger ledger, CancellationToken ct)
    {
        var truth = await world.Probe.SendersAsync(ct);
        var log = await world.Probe.RequestsAsync(ct);
        var state = world.Session.State.Resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var problems = new List<string>();

        // Nothing lost: every sender that exists is in the engine's state (Create failures with
        // ErrorResourceInitFailed are recorded there by the harness, as by the engine).
        problems.AddRange(truth.Keys.Where(id => !state.ContainsKey(id)).Select(id => $"{id} exists but the engine does not know it"));

        // No ghosts: what the engine holds exists, unless its last operation failed (then refresh decides).
        var byId = senders.ToDictionary(s => s.Id, StringComparer.Ordinal);
        problems.AddRange(state.Keys.Where(id => !truth.ContainsKey(id) && !(byId.TryGetValue(id, out var s) && s.Uncertain)).Select(id => $"{id} is in the engine's state but does not exist"));

        // No success that did not happen.
        foreach (var sender in senders)
        {
            if (sender.Check is { } check && check(truth) is { } problem)
            {
                problems.Add(problem);
            }

            sender.Check = null;
        }

        // No duplicate write: each sender is created, updated, registered, verified and deleted once.
        foreach (var group in log.Where(r => r.Committed && r.Method != "GET").GroupBy(r => (r.Method, Route(r))))
        {
            if (group.Key.Item2 is { } route && group.Count() > 1)
            {
                problems.Add($"{group.Count()} committed {group.Key.Method} {route} (sequences {string.Join(", ", group.Select(r => r.Sequence))})");
            }
        }

        if (world.Session.Process is { HasExited: true } process)
        {
            problems.Add("the plugin process exited: " + process.StandardError);
        }

        Assert.That(problems, Is.Empty, $"after {ledger.Total} operations");
    }

    // A committed write's identity: the create of a plusFriendId, or a write on one sender's sub-route.
    private static string? Route(EmulatorRequest request)
    {
        const string marker = "/kakaotalk/senders";
        int at = request.Path.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        if (request.Path[(at + marker.Length)..] is { Length: > 0 } rest)
        {
            return rest;
        }

        // A create: the sender is named in the body (the log keeps it; only secrets are masked).
        var body = request.Body ?? string.Empty;
        return "create " + (body.StartsWith('{') ? JsonNode.Parse(body).Text("plusFriendId") : body);
    }

    private static string? CheckCreated(SoakSender sender, ResourceState state, IReadOnlyDictionary<string, JsonObject> truth)
    {
        if (!truth.TryGetValue(sender.Id, out var actual))
        {
            return $"{sender.Id}: Create reported success but the sender does not exist";
        }

        return actual.Text("changes", "details", "name") != sender.ExpectedName || actual.Text("changes", "status") != "IN_PROGRESS" || state.Id != sender.Id
            ? $"{sender.Id}: Create reported {state.Id} but the emulator holds {actual.ToJsonString()}"
            : null;
    }

    private static string? CheckRefreshed(SoakSender sender, ResourceState? after, IReadOnlyDictionary<string, JsonObject> truth)
    {
        if (!truth.TryGetValue(sender.Id, out var actual))
        {
            return after is null ? null : $"{sender.Id}: Refresh kept a sender that does not exist";
        }

        if (after is null)
        {
            return $"{sender.Id}: Refresh dropped a sender that exists";
        }

        return after.Outputs.Text("state") != actual.Text("state") || after.Outputs.Text("changesStatus") != actual.Text("changes", "status")
            ? $"{sender.Id}: Refresh reported state {after.Outputs.Text("state")}/{after.Outputs.Text("changesStatus")}, the emulator holds {actual.Text("state")}/{actual.Text("changes", "status")}"
            : null;
    }

    private static string? CheckRead(SoakSender sender, PropertyMap result, IReadOnlyDictionary<string, JsonObject> truth) =>
        !truth.TryGetValue(sender.Id, out var actual) ? $"{sender.Id}: getSender answered for a sender that does not exist"
        : result.Text("plusFriendId") != sender.Id || result.Text("state") != actual.Text("state")
            ? $"{sender.Id}: getSender answered {result.Text("plusFriendId")}/{result.Text("state")}, the emulator holds {actual.Text("state")}"
            : null;

    private static string? CheckUpdated(SoakSender sender, UpResult updated, IReadOnlyDictionary<string, JsonObject> truth) =>
        !truth.TryGetValue(sender.Id, out var actual) ? $"{sender.Id}: Update reported success but the sender does not exist"
        : updated.Operation != ResourceOperation.Update || actual.Text("changes", "details", "name") != sender.ExpectedName || actual.Text("changes", "status") != "IN_PROGRESS"
            ? $"{sender.Id}: Update ({updated.Operation}) reported success, the emulator holds {actual.ToJsonString()}"
            : null;

    private static async Task<IReadOnlyDictionary<string, int>> InjectedAsync(ReliabilityWorld world)
    {
        var rules = await world.Probe.Control.FaultRulesAsync(CancellationToken.None);
        return rules.GroupBy(rule => FaultPlan.KindOf(rule!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(rule => rule!["fired"]!.GetValue<int>()), StringComparer.Ordinal);
    }

    private sealed class SoakSender(string id, string urnName)
    {
        public string Id { get; } = id;

        public string UrnName { get; } = urnName;

        public string ExpectedName { get; set; } = string.Empty;

        public bool Alive { get; set; } = true;

        /// <summary>An operation failed: the engine may legitimately hold a stale record until a refresh.</summary>
        public bool Uncertain { get; set; }

        /// <summary>The check of the last successful operation against the truth read after the step.</summary>
        public Func<IReadOnlyDictionary<string, JsonObject>, string?>? Check { get; set; }
    }
}
