using System.Diagnostics;
using Kakao.EngineHarness.Results;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.RateLimit;

/// <summary>
/// Issue 12 §5: parallel work under the API's rate limit (what <c>pulumi up --parallel</c> meets). The plugin's
/// client shares one request budget across concurrent calls, so a burst of creates against the emulator's token
/// bucket completes — slower — with no failure, within 1.2 × the floor the limit imposes.
/// </summary>
[TestFixture]
[Category("RateLimit")]
public sealed class RateLimitBurstTests
{
    private const int Creates = 50;
    private const double RequestsPerSecond = 20;

    [Test]
    public async Task Create_FiftyConcurrentAgainstTwentyPerSecond_AllSucceedWithinOnePointTwoTimesTheFloor()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = timeout.Token;

        // Default client settings (maxRetries 4): the budget, not a generous retry count, must carry the burst.
        await using var world = await ReliabilityWorld.StartAsync(maxRetries: 4, cancellationToken: ct);
        var provider = world.Session.Provider;

        // Warm the plugin and its connection first: the figure is about the burst, not the first call's start-up.
        await provider.InvokeAsync("kakao:index:getSenderCategories", [], cancellationToken: ct);
        await world.ResetAsync(ct);
        await world.Probe.Control.SetRateLimitAsync(RequestsPerSecond, ct);

        var clock = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, Creates).Select(async i =>
        {
            var urn = world.Session.Urn(ReliabilityWorld.SenderType, $"burst-{i}");
            try
            {
                await provider.CreateAsync(urn, ReliabilityWorld.SenderInputs($"@burst-{i:D2}"), cancellationToken: ct);
                return null;
            }
            catch (ProviderRpcException ex)
            {
                return $"burst-{i}: {ex.StatusCode} {ex.Detail}";
            }
        }).ToArray();
        var failures = (await Task.WhenAll(calls)).Where(f => f is not null).ToArray();
        var elapsed = clock.Elapsed;

        await world.Probe.Control.SetRateLimitAsync(null, ct);
        var requests = await world.Probe.RequestsAsync(ct);
        var senders = await world.Probe.SendersAsync(ct);
        int admitted = requests.Count(r => r.Status != 429);
        int throttled = requests.Count(r => r.Status == 429);

        // The bucket holds one second of requests and refills at the rate: admitting N takes (N - rate) / rate.
        var floor = TimeSpan.FromSeconds((admitted - RequestsPerSecond) / RequestsPerSecond);
        await TestContext.Out.WriteLineAsync(
            $"{Creates} creates at {RequestsPerSecond} req/s: {failures.Length} failed; {admitted} requests admitted, {throttled} answered 429; " +
            $"{elapsed.TotalSeconds:0.00} s against a floor of {floor.TotalSeconds:0.00} s ({elapsed / floor:0.00} ×)");
        await TestContext.Out.WriteLineAsync("answers in order (. admitted, x 429): " + string.Concat(requests.Select(r => r.Status == 429 ? 'x' : r.Method == "POST" ? 'P' : '.')));
        foreach (var failure in failures)
        {
            await TestContext.Out.WriteLineAsync("  " + failure);
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, "no create failed");
            Assert.That(senders.Keys.Count(k => k.StartsWith("@burst-", StringComparison.Ordinal)), Is.EqualTo(Creates), "every sender exists once");
            Assert.That(requests.Count(r => r.Method == "POST" && r.Status == 201), Is.EqualTo(Creates), "each created exactly once");
            Assert.That(elapsed, Is.LessThanOrEqualTo(floor * 1.2), "within 1.2 × the rate-limit floor");
        });
    }
}
