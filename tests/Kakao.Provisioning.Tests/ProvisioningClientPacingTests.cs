using System.Net;
using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>
/// Time a call spends queued in the shared request budget is not time the API took to answer: the attempt
/// timeout covers the HTTP exchange only, so a write paced behind others is sent, not given up as ambiguous.
/// </summary>
public class ProvisioningClientPacingTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    // Two answers and three 429s within a second, then the Retry-After passes: the budget paces at 1.5 req/s.
    private void LearnASlowLimit(RequestBudget budget)
    {
        budget.OnAnswered();
        budget.OnAnswered();
        var sent = _clock.GetUtcNow();
        for (int i = 0; i < RequestBudget.MinThrottles; i++)
        {
            budget.OnThrottled(sent, TimeSpan.FromSeconds(1));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(budget.Rate, Is.EqualTo(2 * RequestBudget.Headroom).Within(1e-9), "precondition: pacing one request every 0.67 s");
    }

    [Test]
    public async Task CreateSenderAsync_QueuedInTheBudgetLongerThanTheAttemptTimeout_IsSentOnceAndSucceeds()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 0;
        });
        LearnASlowLimit(client.Budget);

        // Slots at +0, +0.67 and +1.33 s: the third waits longer than one attempt may take.
        var creates = Enumerable.Range(0, 3).Select(_ => client.CreateSenderAsync(Clients.CreateRequest())).ToArray();
        _clock.Advance(TimeSpan.FromSeconds(2));
        var senders = await Task.WhenAll(creates).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(senders, Has.Length.EqualTo(3));
            Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(3), "each write sent once");
            Assert.That(handler.Requests.Count(r => r.Method == HttpMethod.Get), Is.Zero, "nothing was ambiguous, so nothing was read back");
        });
    }

    [Test]
    public async Task GetSenderAsync_AnswerSlowerThanTheAttemptTimeoutAfterAQueue_StillTimesOut()
    {
        // The attempt timeout still bounds the exchange itself, counted from when the request leaves the queue.
        var handler = new StubHandler((_, _, ct) => StubHandler.HangAsync(ct));
        using var client = Clients.Create(handler, _clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 0;
        });
        LearnASlowLimit(client.Budget);

        var first = client.GetSenderAsync(Clients.PlusFriendId);
        var second = client.GetSenderAsync(Clients.PlusFriendId);
        await handler.WaitForRequestsAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(0.7));
        await handler.WaitForRequestsAsync(2);
        Assert.That(first.IsCompleted, Is.False, "0.7 s into a 1 s attempt");
        _clock.Advance(TimeSpan.FromSeconds(0.31));
        var firstFailure = Assert.ThrowsAsync<ProvisioningApiException>(() => first);
        Assert.That(second.IsCompleted, Is.False, "the second request left the queue 0.67 s after the first: 0.34 s into its attempt");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var secondFailure = Assert.ThrowsAsync<ProvisioningApiException>(() => second);

        Assert.Multiple(() =>
        {
            Assert.That(firstFailure!.ErrorCode, Is.EqualTo(ProvisioningApiException.TimeoutErrorCode));
            Assert.That(secondFailure!.ErrorCode, Is.EqualTo(ProvisioningApiException.TimeoutErrorCode));
            Assert.That(secondFailure.Message, Does.Contain("attempt timeout"));
        });
    }
}
