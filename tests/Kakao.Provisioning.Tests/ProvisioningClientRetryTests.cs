using System.Net;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>
/// Retries, back-off, Retry-After and timeouts on a fake clock: every delay is observed as a timer and the clock
/// is advanced past it, so nothing waits for real.
/// </summary>
public class ProvisioningClientRetryTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    private static HttpResponseMessage Ok() => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson());

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task GetSenderAsync_TransientStatusThenOk_RetriesAfterABackoffWithinBounds(HttpStatusCode status)
    {
        var handler = new StubHandler((_, n) => n == 1 ? StubHandler.Status(status) : Ok());
        using var client = Clients.Create(handler, _clock);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        var delay = await _clock.AdvanceToNextTimerAsync();
        var sender = await call;

        Assert.That(sender.PlusFriendId, Is.EqualTo(Clients.PlusFriendId));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
        Assert.That(delay, Is.GreaterThan(TimeSpan.Zero).And.LessThan(TimeSpan.FromSeconds(1.4)), "Polly's jittered exponential back-off from a base of 1 s: under 1.4 x the base first");
    }

    [Test]
    public async Task GetSenderAsync_RepeatedFailures_BackOffExponentiallyUpToTheCap()
    {
        var delays = await BackoffDelaysAsync(retries: 4, o => o.MaxRetryDelay = TimeSpan.FromSeconds(3));

        Assert.Multiple(() =>
        {
            Assert.That(delays, Is.All.GreaterThan(TimeSpan.Zero).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(delays.Take(3), Is.Ordered.Ascending.And.Unique, "each wait longer than the one before");
            Assert.That(delays[2].TotalSeconds, Is.GreaterThan(delays[0].TotalSeconds * 2), "growing exponentially, not linearly");
            Assert.That(delays[3], Is.EqualTo(TimeSpan.FromSeconds(3)), "capped by MaxRetryDelay");
        });
    }

    [Test]
    public async Task GetSenderAsync_RepeatedFailures_JitterComesFromTheRandomizerAndIsRepeatable()
    {
        var low = await BackoffDelaysAsync(retries: 2, o => o.Randomizer = () => 0.1);
        var high = await BackoffDelaysAsync(retries: 2, o => o.Randomizer = () => 0.9);
        var lowAgain = await BackoffDelaysAsync(retries: 2, o => o.Randomizer = () => 0.1);

        Assert.Multiple(() =>
        {
            Assert.That(low, Is.EqualTo(lowAgain), "the same random draws give the same delays");
            Assert.That(low[0], Is.Not.EqualTo(high[0]), "the delay is jittered");
        });
    }

    private async Task<List<TimeSpan>> BackoffDelaysAsync(int retries, Action<ProvisioningClientOptions> configure)
    {
        var clock = new TestClock();
        var handler = new StubHandler((_, n) => n <= retries ? StubHandler.Status(HttpStatusCode.ServiceUnavailable) : Ok());
        using var client = Clients.Create(handler, clock, configure);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        var delays = new List<TimeSpan>();
        for (int i = 0; i < retries; i++)
        {
            delays.Add(await clock.AdvanceToNextTimerAsync());
        }

        await call;
        return delays;
    }

    [Test]
    public async Task GetSenderAsync_RetryAfterSeconds_WaitsThatLongPlusAtMostATenthOfJitter()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7)))
            : Ok());
        using var client = Clients.Create(handler, _clock);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        var delay = await _clock.NextTimerAsync();
        _clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "no retry before Retry-After elapsed");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await call;

        Assert.That(delay, Is.InRange(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.7)));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetSenderAsync_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(_clock.GetUtcNow().AddSeconds(12)))
            : Ok());
        using var client = Clients.Create(handler, _clock);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        var delay = await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(delay, Is.InRange(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13)));
    }

    [Test]
    public async Task GetSenderAsync_RetryAfterBeyondTheCap_IsCappedByMaxRetryDelay()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromHours(3)))
            : Ok());
        using var client = Clients.Create(handler, _clock);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        var delay = await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task GetSenderAsync_AlwaysUnavailable_GivesUpAfterMaxRetries()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.ServiceUnavailable, "internal_error", "Down."));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 2);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();
        await _clock.AdvanceToNextTimerAsync();
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(ex.ErrorCode, Is.EqualTo("internal_error"));
        Assert.That(handler.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void GetSenderAsync_InternalServerError_IsNotRetried()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.InternalServerError, "internal_error"));
        using var client = Clients.Create(handler, _clock);

        Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void GetSenderAsync_ClientError_IsNotRetried()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.BadRequest, "project_not_initialized"));
        using var client = Clients.Create(handler, _clock);

        Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetSenderAsync_ConnectionFailures_AreRetriedThenMappedToTransportError()
    {
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("Connection refused (provisioning.test:443)"));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 1);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Status, Is.EqualTo(0));
            Assert.That(ex.ErrorCode, Is.EqualTo(ProvisioningApiException.TransportErrorCode));
            Assert.That(ex.Message, Does.Contain("Connection refused"));
            Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task GetSenderAsync_AttemptTimesOut_IsRetriedAndSucceeds()
    {
        var handler = new StubHandler((_, n, ct) => n == 1 ? StubHandler.HangAsync(ct) : Task.FromResult(Ok()));
        using var client = Clients.Create(handler, _clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await handler.WaitForRequestsAsync(1);
        Assert.That(await _clock.AdvanceToNextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(10)), "the attempt timeout");
        await _clock.AdvanceToNextTimerAsync(); // back-off
        await _clock.AdvanceToNextTimerAsync(); // second attempt's timeout timer starts; its answer is immediate
        var sender = await call;

        Assert.That(sender.PlusFriendId, Is.EqualTo(Clients.PlusFriendId));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetSenderAsync_EveryAttemptTimesOut_RaisesRequestTimeout()
    {
        var handler = new StubHandler((_, _, ct) => StubHandler.HangAsync(ct));
        using var client = Clients.Create(handler, _clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.MaxRetries = 0;
        });

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await handler.WaitForRequestsAsync(1);
        await _clock.AdvanceToNextTimerAsync();
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.That(ex!.Status, Is.EqualTo(0));
        Assert.That(ex.ErrorCode, Is.EqualTo(ProvisioningApiException.TimeoutErrorCode));
    }

    [Test]
    public async Task GetSenderAsync_OverallTimeoutDuringBackoff_RaisesRequestTimeout()
    {
        var handler = new StubHandler((_, _) => StubHandler.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(20))));
        using var client = Clients.Create(handler, _clock, o => o.RequestTimeout = TimeSpan.FromSeconds(15));

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        Assert.That(await _clock.NextTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(15)), "the overall timeout starts first");
        Assert.That(await _clock.NextTimerAsync(), Is.InRange(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21)), "Retry-After back-off (plus jitter)");
        _clock.Advance(TimeSpan.FromSeconds(15));
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.That(ex!.ErrorCode, Is.EqualTo(ProvisioningApiException.TimeoutErrorCode));
        Assert.That(ex.Message, Does.Contain("request timeout"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetSenderAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        var handler = new StubHandler((_, _) => StubHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var client = Clients.Create(handler, _clock);
        using var cts = new CancellationTokenSource();

        var call = client.GetSenderAsync(Clients.PlusFriendId, cts.Token);
        await _clock.NextTimerAsync();
        await cts.CancelAsync();

        var ex = Assert.CatchAsync(() => call);
        Assert.That(ex, Is.InstanceOf<OperationCanceledException>());
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetSenderAsync_CallerCancelsWhileWaitingForTheAnswer_ThrowsOperationCanceled()
    {
        var handler = new StubHandler((_, _, ct) => StubHandler.HangAsync(ct));
        using var client = Clients.Create(handler, _clock);
        using var cts = new CancellationTokenSource();

        var call = client.GetSenderAsync(Clients.PlusFriendId, cts.Token);
        await handler.WaitForRequestsAsync(1);
        await cts.CancelAsync();

        Assert.That(Assert.CatchAsync(() => call), Is.InstanceOf<OperationCanceledException>());
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "cancellation is not retried");
    }

    [Test]
    public async Task DeleteSenderAsync_RetryAfterLostAnswerFindsItDeleted_Succeeds()
    {
        var handler = new StubHandler((_, n, _) => n == 1
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult(StubHandler.SinchError(HttpStatusCode.Conflict, "sender_already_deleted")));
        using var client = Clients.Create(handler, _clock);

        var call = client.DeleteSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DeleteSenderAsync_RetryAfterLostAnswerGetsBare404_IsRaised()
    {
        // A 404 without Sinch's sender_not_found (a gateway, a wrong route) says nothing about the sender.
        var handler = new StubHandler((_, n, _) => n == 1
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>Not Found</html>") }));
        using var client = Clients.Create(handler, _clock);

        var call = client.DeleteSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();

        Assert.That(Assert.CatchAsync<ProvisioningApiException>(() => call)!.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task DeleteSenderAsync_NotFoundAfterOnlyA429_IsStillRaised()
    {
        // A 429 means "not processed": a following 404 is the truth about a sender that never existed.
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Status(HttpStatusCode.TooManyRequests)
            : StubHandler.SinchError(HttpStatusCode.NotFound, "sender_not_found"));
        using var client = Clients.Create(handler, _clock);

        var call = client.DeleteSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();

        Assert.That(Assert.ThrowsAsync<ProvisioningApiException>(() => call)!.ErrorCode, Is.EqualTo("sender_not_found"));
    }

    [Test]
    public void DeleteSenderAsync_FirstAnswerAlreadyDeleted_Throws()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.Conflict, "sender_already_deleted"));
        using var client = Clients.Create(handler, _clock);

        Assert.That(Assert.ThrowsAsync<ProvisioningApiException>(() => client.DeleteSenderAsync(Clients.PlusFriendId))!.ErrorCode, Is.EqualTo("sender_already_deleted"));
    }

    [Test]
    public void MaxRetriesZero_NoRetryAtAll()
    {
        var handler = new StubHandler((_, _) => StubHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 0);

        Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }
}
