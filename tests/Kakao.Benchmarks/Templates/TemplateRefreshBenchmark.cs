using System.Collections.Concurrent;
using Kakao.Benchmarks.Refresh;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using Kakao.Testing;

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
        using var control = new EmulatorControlClient(emulator.BaseAddress);
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

        report.Section($"Template refresh at scale: {all.Length} templates over {SenderCount} senders, {RefreshBenchmark.Parallelism} concurrent Reads, emulator limited to {options.Rate} req/s",
            "figure", "value", "target");
        RefreshBenchmark.ReportFigures(report, log, requests, options.Rate, elapsed, unlimited, failures, missing, all.Length);
    }

    /// <summary>Reads every template through the plugin (id <c>{plusFriendId}/{code}</c>), as the engine refreshes a stack.</summary>
    private static Task<(TimeSpan Elapsed, IReadOnlyList<string> Failures, int Missing)> ReadAllAsync(
        ProviderSession session, (string Sender, string Name, string Code)[] templates, PropertyMap checkedInputs, CancellationToken cancellationToken) =>
        RefreshBenchmark.ReadAllAsync(session, templates, t => (
            session.Urn(TemplateSamples.TemplateType, t.Name),
            $"{t.Sender}/{t.Code}",
            checkedInputs.With("plusFriendId", t.Sender).With("name", t.Name)), cancellationToken);
}
