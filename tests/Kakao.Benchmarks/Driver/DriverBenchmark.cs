using System.Diagnostics;
using System.Globalization;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Cli.Terminal;
using Kakao.Cli.Verification;
using Kakao.Cli.Webhooks;
using Kakao.Emulator;
using Kakao.Provisioning;
using Kakao.Testing;
using Kakao.Verification;

namespace Kakao.Benchmarks.Driver;

/// <summary>
/// How soon the <c>kakao</c> driver notices that a sender became ACTIVE, and how many API requests it spends
/// waiting: the webhook waiter (callbacks from the emulator) against the polling waiter (2 s doubling to 30 s).
/// The change happens at a random moment within the first minute of the wait. Polling runs on a clock
/// compressed <see cref="Compression"/> times (its latencies are scaled back); webhooks run in real time.
/// </summary>
internal sealed class DriverBenchmark(RunnerOptions options, TextWriter log)
{
    public const double Compression = 20;

    private static readonly TimeSpan ChangeWindow = TimeSpan.FromSeconds(60);

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: cancellationToken);
        using var control = new EmulatorControlClient(emulator.BaseAddress);
        using var client = new ProvisioningClient(Samples.ClientOptions(emulator));
        var console = new PlainConsoleIO(TextWriter.Null, TextWriter.Null, humanLinesToError: false);
        var random = new Random(7);

        log.WriteLine($"driver: {options.Runs} webhook waits (real time)");
        var webhook = new Measurements();
        await using (var recorder = await RequestRecorder.StartAsync(control, cancellationToken))
        {
            var waiter = new WebhookActivationWaiter(new Uri("http://127.0.0.1:0"), null, console, TimeProvider.System);
            await using (waiter)
            {
                for (int i = 0; i < options.Runs; i++)
                {
                    // A webhook notices as fast whenever the change comes: a short random pause is enough.
                    await MeasureOnceAsync(waiter, client, control, Samples.PlusFriendId("w", i), TimeSpan.FromMilliseconds(random.Next(20, 200)), 1, webhook, cancellationToken);
                }
            }

            webhook.Requests = ApiRequests(await recorder.StopAsync(cancellationToken));
        }

        log.WriteLine($"driver: {options.Runs} polling waits (clock compressed {Compression}x)");
        var polling = new Measurements();
        await using (var recorder = await RequestRecorder.StartAsync(control, cancellationToken))
        {
            var time = new CompressedTime(Compression);
            await using var waiter = new PollingActivationWaiter(time, console);
            for (int i = 0; i < options.Runs; i++)
            {
                var changeAt = TimeSpan.FromTicks((long)(random.NextDouble() * ChangeWindow.Ticks / Compression));
                await MeasureOnceAsync(waiter, client, control, Samples.PlusFriendId("q", i), changeAt, Compression, polling, cancellationToken);
            }

            polling.Requests = ApiRequests(await recorder.StopAsync(cancellationToken));
        }

        report.Section($"Driver: status change to the driver noticing ACTIVE ({options.Runs} waits each; change at a random moment in the first minute)",
            [.. ReportTable.TimingHeaders, "API requests per wait", "vs webhook (median)"]);
        var webhookSummary = Summary.Of(webhook.Latencies);
        var pollingSummary = Summary.Of(polling.Latencies);
        report.Timing("webhook waiter", webhookSummary, "ms", PerWait(webhook, options.Runs), "1.00x");
        report.Timing("polling waiter (2 s doubling to 30 s)", pollingSummary, "ms", PerWait(polling, options.Runs), $"{pollingSummary.Median / webhookSummary.Median:0}x");
    }

    private static string PerWait(Measurements measurements, int runs) =>
        (measurements.Requests / (double)runs).ToString("0.0", CultureInfo.InvariantCulture) + $" ({measurements.Requests} in all)";

    /// <summary>Requests the waiter made: everything but the control API and the creation of the senders waited for.</summary>
    private static int ApiRequests(IReadOnlyList<EmulatorRequest> requests) =>
        requests.Count(r => !r.Path.StartsWith("/_emulator", StringComparison.Ordinal)
            && !(r.Method == "POST" && r.Path.EndsWith("/kakaotalk/senders", StringComparison.Ordinal)));

    /// <summary>
    /// Creates (and by the emulator's default policy approves) a sender, starts waiting, makes it ACTIVE after
    /// <paramref name="changeAfter"/>, and records how long the waiter took to return after the change.
    /// </summary>
    private static async Task MeasureOnceAsync(
        IActivationWaiter waiter, ProvisioningClient client, EmulatorControlClient control, string plusFriendId, TimeSpan changeAfter,
        double scale, Measurements into, CancellationToken cancellationToken)
    {
        await client.CreateSenderAsync(Samples.CreateRequest(plusFriendId), cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var wait = waiter.WaitForActiveAsync(client, plusFriendId, timeout.Token);
        await Task.Delay(changeAfter, cancellationToken);
        var watch = Stopwatch.StartNew();
        await control.SetStateAsync(Samples.ProjectId, plusFriendId, "ACTIVE", cancellationToken);
        await wait;
        into.Latencies.Add(watch.Elapsed.TotalMilliseconds * scale);
    }

    private sealed class Measurements
    {
        public List<double> Latencies { get; } = [];

        public int Requests { get; set; }
    }
}
