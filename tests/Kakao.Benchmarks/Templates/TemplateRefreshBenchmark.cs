using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kakao.Benchmarks.Refresh;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;

namespace Kakao.Benchmarks.Templates;

/// <summary>
/// <c>pulumi refresh --parallel 10</c> of 1,000 templates spread over 20 senders against the emulator rate-limited
/// like the real API: total time against the floor (requests the reads need ÷ rate), failures, and whether every
/// 429 was honoured — the same figures as the senders' refresh benchmark.
/// </summary>
internal sealed class TemplateRefreshBenchmark(string pluginPath, RunnerOptions options, TextWriter log)
{
    public const int SenderCount = 20;

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: cancellationToken);
        using var control = new EmulatorControl(emulator.BaseAddress);
        await using var session = await PluginSession.StartAsync(pluginPath, emulator, cancellationToken);
        using var client = new ProvisioningClient(Samples.ClientOptions(emulator));
        using var api = TemplateSamples.Api(emulator);

        log.WriteLine($"templates: creating {SenderCount} ACTIVE senders and {options.Templates} templates (no rate limit)");
        var senders = Enumerable.Range(0, SenderCount).Select(i => Samples.PlusFriendId("t", i)).ToArray();
        foreach (string sender in senders)
        {
            await client.CreateSenderAsync(Samples.CreateRequest(sender), cancellationToken);
            await control.SetStateAsync(Samples.ProjectId, sender, "ACTIVE", cancellationToken);
        }

        var templates = new ConcurrentBag<(string Sender, string Name, string Code)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Templates), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                string sender = senders[i % SenderCount];
                string name = TemplateSamples.Name(i);
                templates.Add((sender, name, await TemplateSamples.CreateAsync(api, sender, name, token)));
            });

        var urn = session.Urn(TemplateSamples.TemplateType, "x");
        var checkedInputs = (await session.Provider.CheckAsync(urn, new(), TemplateSamples.Inputs(senders[0], TemplateSamples.Name(0)), cancellationToken)).Inputs;
        var all = templates.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

        log.WriteLine($"templates: reading {all.Length} templates, {RefreshBenchmark.Parallelism} at a time, at {options.Rate} requests/s");
        await control.SetRateLimitAsync(options.Rate, cancellationToken);
        await using var recorder = await RequestRecorder.StartAsync(control, cancellationToken);
        var (elapsed, failures, missing) = await ReadAllAsync(session, all, checkedInputs, cancellationToken);
        var requests = await recorder.StopAsync(cancellationToken);
        await control.SetRateLimitAsync(null, cancellationToken);

        log.WriteLine("templates: once more without the rate limit");
        var (unlimited, _, _) = await ReadAllAsync(session, all, checkedInputs, cancellationToken);
        session.Engine.ClearLogs();

        var apiRequests = requests.Where(r => !r.Path.StartsWith("/_emulator", StringComparison.Ordinal)).ToArray();
        var refused = apiRequests.Where(r => r.Status == 429).ToArray();
        int admitted = apiRequests.Length - refused.Length;
        int ignored = RefreshBenchmark.IgnoredRefusals(apiRequests);
        var floor = TimeSpan.FromSeconds(admitted / options.Rate);
        var strictFloor = TimeSpan.FromSeconds(Math.Max(0, admitted - options.Rate) / options.Rate);
        double ratio = elapsed / floor;
        foreach (var failure in failures.Take(5))
        {
            log.WriteLine("  failure: " + failure);
        }

        report.Section($"Template refresh at scale: {all.Length} templates over {SenderCount} senders, {RefreshBenchmark.Parallelism} concurrent Reads, emulator limited to {options.Rate} req/s",
            "figure", "value", "target");
        report.Row("total time", $"{elapsed.TotalSeconds:0.00} s", "");
        report.Row("floor (admitted requests / rate)", $"{floor.TotalSeconds:0.00} s ({admitted} requests, {admitted / (double)all.Length:0.00} per template)", "");
        report.Row("strict floor (initial burst of one second's worth taken off)", $"{strictFloor.TotalSeconds:0.00} s", $"time / strict floor {elapsed / strictFloor:0.000}x");
        report.Row("same refresh without rate limit", $"{unlimited.TotalSeconds:0.00} s ({admitted / unlimited.TotalSeconds:0} requests/s)", "");
        report.Row("time / floor", $"{ratio:0.000}x", $"<= {RefreshBenchmark.TargetRatio}x: {(ratio <= RefreshBenchmark.TargetRatio ? "met" : "NOT met")}");
        report.Row("failed Reads", $"{failures.Count} (+{missing} not found)", $"0: {(failures.Count == 0 && missing == 0 ? "met" : "NOT met")}");
        report.Row("429 answers", refused.Length.ToString(CultureInfo.InvariantCulture), "");
        report.Row("429 retried before Retry-After", ignored.ToString(CultureInfo.InvariantCulture), $"0: {(ignored == 0 ? "met" : "NOT met")}");
    }

    /// <summary>Reads every template through the plugin (id <c>{plusFriendId}/{code}</c>), as the engine refreshes a stack.</summary>
    private static async Task<(TimeSpan Elapsed, IReadOnlyList<string> Failures, int Missing)> ReadAllAsync(
        ProviderSession session, (string Sender, string Name, string Code)[] templates, PropertyMap checkedInputs, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<string>();
        int missing = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(templates, new ParallelOptions { MaxDegreeOfParallelism = RefreshBenchmark.Parallelism, CancellationToken = cancellationToken }, async (template, token) =>
        {
            var inputs = checkedInputs.With("plusFriendId", template.Sender).With("name", template.Name);
            string id = $"{template.Sender}/{template.Code}";
            try
            {
                var read = await session.Provider.ReadAsync(session.Urn(TemplateSamples.TemplateType, template.Name), id, inputs, inputs, token);
                if (!read.Exists)
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
}
