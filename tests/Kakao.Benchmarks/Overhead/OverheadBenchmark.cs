using System.Diagnostics;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.Provisioning;

namespace Kakao.Benchmarks.Overhead;

/// <summary>
/// What the plugin adds per operation: Check, Diff, Create and Read through the plugin over gRPC (the engine
/// harness playing the engine) against the same Provisioning calls made directly with the client, same emulator,
/// same run, calls interleaved. Check and Diff make no API call, so their whole round trip is overhead.
/// </summary>
internal sealed class OverheadBenchmark(string pluginPath, RunnerOptions options, TextWriter log)
{
    public const double TargetP50Ms = 1;
    public const double TargetP99Ms = 5;

    private const int Warmup = 30;

    private int Iterations => Math.Max(200, options.Runs);

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: cancellationToken);
        await using var session = await PluginSession.StartAsync(pluginPath, emulator, cancellationToken);
        using var client = new ProvisioningClient(Samples.ClientOptions(emulator));
        log.WriteLine($"overhead: {Iterations} interleaved samples per operation, plugin {pluginPath}");

        var urn = session.Urn(Samples.SenderType, "shop");
        var inputs = Samples.Inputs("@bench-read");
        var check = await session.Provider.CheckAsync(urn, new(), inputs, cancellationToken);
        var created = await session.Provider.CreateAsync(urn, check.Inputs, cancellationToken: cancellationToken);
        var changed = check.Inputs.With("name", "Sinch Demo Shop 2");

        var checks = await MeasureAsync(() => session.Provider.CheckAsync(urn, new(), inputs, cancellationToken));
        var diffs = await MeasureAsync(() => session.Provider.DiffAsync(urn, created.Id, created.Properties, check.Inputs, changed, cancellationToken: cancellationToken));

        var (pluginReads, directReads) = await MeasurePairAsync(
            _ => session.Provider.ReadAsync(urn, created.Id, created.Properties, check.Inputs, cancellationToken),
            _ => client.DescribeSenderAsync(created.Id, cancellationToken));

        var (pluginCreates, directCreates) = await MeasurePairAsync(
            // Checked inputs as Check returns them, only the plusFriendId differs (Check is timed on its own above).
            i => session.Provider.CreateAsync(urn, check.Inputs.With("plusFriendId", Samples.PlusFriendId("p", i)), cancellationToken: cancellationToken),
            async i =>
            {
                // What the plugin's Create does against the API: create, then read back sender and activities.
                var id = Samples.PlusFriendId("d", i);
                await client.CreateSenderAsync(Samples.CreateRequest(id), cancellationToken);
                return await client.DescribeSenderAsync(id, cancellationToken);
            });
        session.Engine.ClearLogs();

        report.Section("Per-operation overhead: plugin over gRPC vs direct client call (same emulator, same run)",
            "operation", "n", "plugin p50", "direct p50", "overhead p50", "plugin p99", "direct p99", "overhead p99", "target (p50 <= 1 ms, p99 <= 5 ms)");
        Row(report, "Check (no API call)", checks, null);
        Row(report, "Diff (no API call)", diffs, null);
        Row(report, "Read (GET sender + activities)", pluginReads, directReads);
        Row(report, "Create (POST + GET sender + activities)", pluginCreates, directCreates);
    }

    private static void Row(ReportTable report, string name, List<double> plugin, List<double>? direct)
    {
        var p = Summary.Of(plugin);
        var d = direct is null ? new Summary(0, 0, 0, 0, 0) : Summary.Of(direct);
        double p50 = p.Median - d.Median, p99 = p.P99 - d.P99;
        bool met = p50 <= TargetP50Ms && p99 <= TargetP99Ms;
        report.Row(name, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Summary.Format(p.Median), direct is null ? "-" : Summary.Format(d.Median), Summary.Format(p50),
            Summary.Format(p.P99), direct is null ? "-" : Summary.Format(d.P99), Summary.Format(p99), met ? "met" : "NOT met");
    }

    private async Task<List<double>> MeasureAsync<T>(Func<Task<T>> call)
    {
        for (int i = 0; i < Warmup; i++)
        {
            await call();
        }

        var samples = new List<double>(Iterations);
        for (int i = 0; i < Iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    private async Task<(List<double> Plugin, List<double> Direct)> MeasurePairAsync<TPlugin, TDirect>(
        Func<int, Task<TPlugin>> plugin, Func<int, Task<TDirect>> direct)
    {
        var pluginSamples = new List<double>(Iterations);
        var directSamples = new List<double>(Iterations);
        for (int i = 0; i < Warmup + Iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await plugin(i);
            var pluginMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await direct(i);
            var directMs = watch.Elapsed.TotalMilliseconds;
            if (i >= Warmup)
            {
                pluginSamples.Add(pluginMs);
                directSamples.Add(directMs);
            }
        }

        return (pluginSamples, directSamples);
    }
}
