using Kakao.Cli.Commands;
using Kakao.Cli.Tests.Support;
using Kakao.Provisioning;
using Kakao.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Cli.Tests.Commands;

public class StatusRunnerTests
{
    private static readonly SenderStatusRow Row = new("@a", "p", "ACTIVE", "ACTIVE", null, null, null);

    [Test]
    public async Task RunAsync_WatchWithTransientFailure_WarnsAndKeepsWatching()
    {
        var time = new RecordingTimeProvider(Senders.Start);
        var interval = TimeSpan.FromSeconds(10);
        var console = new FakeConsole();
        var reads = 0;
        using var ctrlC = new CancellationTokenSource();
        Task<IReadOnlyList<SenderStatusRow>> Read(CancellationToken ct) => ++reads == 2
            ? Task.FromException<IReadOnlyList<SenderStatusRow>>(new ProvisioningApiException(503, null, "Service Unavailable"))
            : Task.FromResult<IReadOnlyList<SenderStatusRow>>([Row]);

        var watch = new StatusRunner(console, time).RunAsync(Read, json: false, watch: true, interval, ctrlC.Token);
        Assert.That(await console.TablesWritten.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "first render");
        for (var delay = 1; delay <= 2; delay++)
        {
            // Advance only once the runner armed its next delay; an earlier advance would leave it pending.
            Assert.That(await time.WaitForTimersAsync(interval, delay, TimeSpan.FromSeconds(10)), Is.True, $"delay {delay} was never armed");
            time.Advance(interval);
        }

        Assert.That(await console.TablesWritten.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "render after the failed read");
        await ctrlC.CancelAsync();

        Assert.That(await watch, Is.EqualTo(ExitCode.Success));
        Assert.That(reads, Is.EqualTo(3));
        Assert.That(console.Lines, Has.Some.StartsWith("warn: Could not read senders"));
    }

    [Test]
    public void RunAsync_OnceWithApiFailure_Propagates()
    {
        var runner = new StatusRunner(new FakeConsole(), new FakeTimeProvider());

        Assert.ThrowsAsync<ProvisioningApiException>(() => runner.RunAsync(
            _ => Task.FromException<IReadOnlyList<SenderStatusRow>>(new ProvisioningApiException(503, null, "down")), false, false, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Test]
    public async Task RunAsync_RejectedRow_ShowsReasonAndAge()
    {
        var time = new FakeTimeProvider(Senders.Start);
        var console = new FakeConsole();
        var row = new SenderStatusRow("@b", "p", "REJECTED", null, "REJECTED",
            new Kakao.Provisioning.Models.SenderActivity { Type = Kakao.Provisioning.Models.ActivityType.Rejected, Created = Senders.Start.AddHours(-2) }, "Logo is blurry.");

        await new StatusRunner(console, time).RunAsync(_ => Task.FromResult<IReadOnlyList<SenderStatusRow>>([row]), false, false, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.That(console.Lines.Single(l => l.StartsWith("row:", StringComparison.Ordinal)), Is.EqualTo("row: @b | p | REJECTED | - | REJECTED | REJECTED 2h ago: Logo is blurry. | -"));
    }
}
