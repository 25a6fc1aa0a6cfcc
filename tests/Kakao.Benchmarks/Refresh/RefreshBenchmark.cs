using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using Kakao.Testing;

namespace Kakao.Benchmarks.Refresh;

/// <summary>
/// <c>pulumi refresh --parallel 10</c> of many senders against the emulator rate-limited like the real API: total
/// time against the floor (requests the reads need ÷ rate), failures, and whether every 429 was honoured
/// (checked in the emulator's request log: the retry of a refused request arrives no sooner than Retry-After).
/// </summary>
internal sealed class RefreshBenchmark(string pluginPath, RunnerOptions options, TextWriter log)
{
    public const double TargetRatio = 1.1;
    public const int Parallelism = 10;

    /// <summary>The emulator answers 429 with Retry-After rounded up to whole seconds, at least 1.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: cancellationToken);
        using var control = new EmulatorControlClient(emulator.BaseAddress);
        await using var session = await PluginSession.StartAsync(pluginPath, emulator, cancellationToken);
        using var client = new ProvisioningClient(Samples.ClientOptions(emulator));

        log.WriteLine($"refresh: creating {options.Senders} senders (no rate limit)");
        var ids = Enumerable.Range(0, options.Senders).Select(i => Samples.PlusFriendId("r", i)).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (id, token) => await client.CreateSenderAsync(Samples.CreateRequest(id), token));

        var urnPrefix = session.Urn(Samples.SenderType, "x");
        var checkedInputs = (await session.Provider.CheckAsync(urnPrefix, new(), Samples.Inputs(ids[0]), cancellationToken)).Inputs;

        log.WriteLine($"refresh: reading {ids.Length} senders, {Parallelism} at a time, at {options.Rate} requests/s");
        await control.SetRateLimitAsync(options.Rate, cancellationToken);
        await using var recorder = await RequestRecorder.StartAsync(control, cancellationToken);
        var (elapsed, failures, missing) = await ReadAllAsync(session, ids, checkedInputs, cancellationToken);
        var requests = await recorder.StopAsync(cancellationToken);
        await control.SetRateLimitAsync(null, cancellationToken);

        // The same refresh without the limit: what this machine manages at all (the floor is only reachable above it).
        log.WriteLine("refresh: once more without the rate limit");
        var (unlimited, _, _) = await ReadAllAsync(session, ids, checkedInputs, cancellationToken);
        session.Engine.ClearLogs();

        report.Section($"Refresh at scale: {ids.Length} senders, {Parallelism} concurrent Reads, emulator limited to {options.Rate} req/s",
            "figure", "value", "target");
        ReportFigures(report, log, requests, options.Rate, elapsed, unlimited, failures, missing, ids.Length);
    }

    /// <summary>Reads every sender through the plugin, <see cref="Parallelism"/> at a time, as the engine refreshes a stack.</summary>
    private static Task<(TimeSpan Elapsed, IReadOnlyList<string> Failures, int Missing)> ReadAllAsync(
        ProviderSession session, string[] ids, PropertyMap checkedInputs, CancellationToken cancellationToken) =>
        ReadAllAsync(session, ids, id => (session.Urn(Samples.SenderType, id[1..]), id, checkedInputs.With("plusFriendId", id)), cancellationToken);

    /// <summary>Reads every item through the plugin, <see cref="Parallelism"/> at a time; failures and "not found" counted.</summary>
    internal static async Task<(TimeSpan Elapsed, IReadOnlyList<string> Failures, int Missing)> ReadAllAsync<T>(
        ProviderSession session, IReadOnlyList<T> items, Func<T, (ResourceUrn Urn, string Id, PropertyMap Inputs)> read, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<string>();
        int missing = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var (urn, id, inputs) = read(item);
            try
            {
                var result = await session.Provider.ReadAsync(urn, id, inputs, inputs, token);
                if (!result.Exists)
                {
                    Interlocked.Increment(ref missing);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{id}: {ex.Message}");
            }
        });
        return (watch.Elapsed, [.. failures], missing);
    }

    /// <summary>The figures of a rate-limited refresh (under the section the caller opened): time against the floor, failures, honoured 429s.</summary>
    internal static void ReportFigures(
        ReportTable report, TextWriter log, IReadOnlyList<EmulatorRequest> requests, double rate, TimeSpan elapsed, TimeSpan unlimited,
        IReadOnlyList<string> failures, int missing, int items)
    {
        var api = requests.Where(r => !r.Path.StartsWith("/_emulator", StringComparison.Ordinal)).ToArray();
        var refused = api.Where(r => r.Status == 429).ToArray();
        int admitted = api.Length - refused.Length;
        var ignored = IgnoredRefusals(api);
        var floor = TimeSpan.FromSeconds(admitted / rate);
        double ratio = elapsed / floor;
        foreach (var failure in failures.Take(5))
        {
            log.WriteLine("  failure: " + failure);
        }

        report.Row("total time", $"{elapsed.TotalSeconds:0.00} s", "");
        report.Row("floor (admitted requests / rate)", $"{floor.TotalSeconds:0.00} s ({admitted} requests, {admitted / (double)items:0.00} per resource)", "");
        // The emulator's bucket starts full (one second's worth), so a perfect client can beat requests / rate by up to 1 s.
        var strictFloor = TimeSpan.FromSeconds(Math.Max(0, admitted - rate) / rate);
        report.Row("strict floor (initial burst of one second's worth taken off)", $"{strictFloor.TotalSeconds:0.00} s", $"time / strict floor {elapsed / strictFloor:0.000}x");
        report.Row("same refresh without rate limit", $"{unlimited.TotalSeconds:0.00} s ({admitted / unlimited.TotalSeconds:0} requests/s)", "");
        report.Row("time / floor", $"{ratio:0.000}x", $"<= {TargetRatio}x: {(ratio <= TargetRatio ? "met" : "NOT met")}");
        report.Row("failed Reads", $"{failures.Count} (+{missing} not found)", $"0: {(failures.Count == 0 && missing == 0 ? "met" : "NOT met")}");
        report.Row("429 answers", refused.Length.ToString(CultureInfo.InvariantCulture), "");
        report.Row("429 retried before Retry-After", ignored.ToString(CultureInfo.InvariantCulture), $"0: {(ignored == 0 ? "met" : "NOT met")}");
    }


    /// <summary>
    /// Refused requests whose retry (the next request for the same path: each sender is read by one worker) arrived
    /// before Retry-After had passed. Log times have millisecond resolution, hence the 1 ms allowance.
    /// </summary>
    internal static int IgnoredRefusals(IReadOnlyList<EmulatorRequest> requests)
    {
        int ignored = 0;
        foreach (var group in requests.GroupBy(r => (r.Method, r.Path)))
        {
            var ordered = group.OrderBy(r => r.Sequence).ToArray();
            for (int i = 0; i + 1 < ordered.Length; i++)
            {
                if (ordered[i].Status == 429 && ordered[i + 1].Time - ordered[i].Time < RetryAfter - TimeSpan.FromMilliseconds(1))
                {
                    ignored++;
                }
            }
        }

        return ignored;
    }
}
