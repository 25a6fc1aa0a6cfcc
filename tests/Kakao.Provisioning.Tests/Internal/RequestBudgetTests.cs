using System.Net;
using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Provisioning.Tests.Internal;

/// <summary>The shared request budget: idle until a rate limit shows, then paced, slowed and sped up adaptively.</summary>
public class RequestBudgetTests
{
    private FakeTimeProvider _clock = null!;
    private RequestBudget _budget = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        _budget = new RequestBudget(_clock);
    }

    [Test]
    public void AcquireAsync_BeforeAnyLimit_ReturnsAtOnce()
    {
        for (int i = 0; i < 100; i++)
        {
            Assert.That(_budget.AcquireAsync(CancellationToken.None).IsCompleted, Is.True);
        }

        Assert.That(_budget.Rate, Is.Null);
    }

    [Test]
    public void OnThrottled_LoneFaultWithoutConcurrentSuccesses_DoesNotPace()
    {
        _budget.OnThrottled(_clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(_budget.Rate, Is.Null);
    }

    [Test]
    public void OnThrottled_ScatteredFaultsAmongManyAnswers_DoNotPace()
    {
        // 5 % injected 429s (the fault soak's plan) are faults, not a limit.
        for (int i = 0; i < 200; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            if (i % 20 == 0)
            {
                _budget.OnThrottled(_clock.GetUtcNow(), TimeSpan.FromSeconds(1));
            }
            else
            {
                _budget.OnAnswered();
            }
        }

        Assert.That(_budget.Rate, Is.Null);
        Assert.That(_budget.AcquireAsync(CancellationToken.None).IsCompleted, Is.True);
    }

    // Four 429s among ten answers within the window: a limit.
    private void Throttle(RequestBudget budget, TimeSpan? retryAfter = null)
    {
        var sent = _clock.GetUtcNow();
        for (int i = 0; i < 4; i++)
        {
            budget.OnThrottled(sent, retryAfter);
        }
    }

    [Test]
    public void OnThrottled_AfterABurstOfAnswers_PacesJustUnderTheRateLetThrough()
    {
        var sent = _clock.GetUtcNow();
        for (int i = 0; i < 20; i++)
        {
            _budget.OnAnswered();
        }

        // Thirty 429s of the same burst: one piece of news, one adjustment.
        for (int i = 0; i < 30; i++)
        {
            _budget.OnThrottled(sent);
        }

        Assert.That(_budget.Rate, Is.Null, "learning while every call waits out the pause");
        _clock.Advance(RequestBudget.Window);
        Assert.That(_budget.Rate, Is.EqualTo(20 * RequestBudget.Headroom).Within(1e-9));
    }

    [Test]
    public async Task AcquireAsync_AfterLearningALimit_PausesForRetryAfterThenBurstsThenSpacesByOneInterval()
    {
        var budget = _budget;
        for (int i = 0; i < 10; i++)
        {
            budget.OnAnswered();
        }

        Throttle(budget, TimeSpan.FromSeconds(1));
        int burst = (int)Math.Floor(10 * RequestBudget.Headroom);
        var slots = Enumerable.Range(0, burst + 2).Select(_ => budget.AcquireAsync(CancellationToken.None).AsTask()).ToArray();

        _clock.Advance(TimeSpan.FromSeconds(0.999));
        Assert.That(slots.Count(s => s.IsCompleted), Is.Zero, "every call waits out the Retry-After");
        _clock.Advance(TimeSpan.FromSeconds(0.002));
        await Task.WhenAll(slots.Take(burst));
        double interval = 1 / budget.Rate!.Value;
        Assert.That(slots.Skip(burst).Count(s => s.IsCompleted), Is.Zero, "a burst of the learned size, no more");
        _clock.Advance(TimeSpan.FromSeconds(interval));
        await slots[burst];
        Assert.That(slots[burst + 1].IsCompleted, Is.False);
        _clock.Advance(TimeSpan.FromSeconds(interval));
        await slots[burst + 1];
    }

    [Test]
    public void OnThrottled_WhilePacing_SlowsDownAndAnswersSpeedUp()
    {
        for (int i = 0; i < 10; i++)
        {
            _budget.OnAnswered();
        }

        Throttle(_budget);
        _clock.Advance(RequestBudget.Window);
        var learned = _budget.Rate!.Value;
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        _budget.OnThrottled(_clock.GetUtcNow());
        Assert.That(_budget.Rate, Is.EqualTo(learned * RequestBudget.SlowDown).Within(1e-9));

        _budget.OnAnswered();
        Assert.That(_budget.Rate, Is.EqualTo(learned * RequestBudget.SlowDown * RequestBudget.SpeedUp).Within(1e-9));
    }

    [Test]
    public void AcquireAsync_AfterAQuietPeriod_StopsPacing()
    {
        for (int i = 0; i < 10; i++)
        {
            _budget.OnAnswered();
        }

        Throttle(_budget);
        _clock.Advance(RequestBudget.QuietReset + TimeSpan.FromSeconds(1));

        Assert.That(_budget.AcquireAsync(CancellationToken.None).IsCompleted, Is.True);
        Assert.That(_budget.Rate, Is.Null);
    }

    /// <summary>
    /// The API behind a token bucket of <paramref name="perSecond"/> requests a second, holding as many, on the
    /// fake clock: an empty bucket answers 429 with Retry-After: 1 s; otherwise a sender (201 for a POST).
    /// </summary>
    private sealed class TokenBucketApi
    {
        private readonly Lock _gate = new();
        private double _tokens;
        private DateTimeOffset _last;

        public TokenBucketApi(TestClock clock, int perSecond)
        {
            _tokens = perSecond;
            _last = clock.GetUtcNow();
            Handler = new StubHandler((request, _) =>
            {
                lock (_gate)
                {
                    var now = clock.GetUtcNow();
                    _tokens = Math.Min(perSecond, _tokens + (now - _last).TotalSeconds * perSecond);
                    _last = now;
                    if (_tokens < 1)
                    {
                        return StubHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)));
                    }

                    _tokens -= 1;
                    bool create = request.Method == HttpMethod.Post;
                    Created += create ? 1 : 0;
                    return StubHandler.Json(create ? HttpStatusCode.Created : HttpStatusCode.OK, Clients.SenderJson());
                }
            });
        }

        public StubHandler Handler { get; }

        /// <summary>POSTs the bucket admitted (each one applied).</summary>
        public int Created { get; private set; }
    }

    // Moves the fake clock in 10 ms steps until every call has ended (or the limit passed); the fake time taken.
    private static async Task<TimeSpan> AdvanceUntilDoneAsync(TestClock clock, Task all, TimeSpan limit)
    {
        while (!all.IsCompleted && clock.GetUtcNow() < clock.Start + limit)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
            await Task.Delay(1);
        }

        await all;
        return clock.GetUtcNow() - clock.Start;
    }

    [Test]
    public async Task Client_ConcurrentCallsAgainstATokenBucket_AllSucceedAndShareOneBudget()
    {
        // A 10 req/s bucket holding 10 that asks for Retry-After: 1 s: the client must learn it and finish 40
        // concurrent calls with no failure (an exception would fail the await).
        var clock = new TestClock();
        var api = new TokenBucketApi(clock, 10);
        using var client = Clients.Create(api.Handler, clock, o => o.MaxRetries = 4);
        var calls = Enumerable.Range(0, 40).Select(_ => client.GetSenderAsync(Clients.PlusFriendId)).ToArray();

        var elapsed = await AdvanceUntilDoneAsync(clock, Task.WhenAll(calls), TimeSpan.FromMinutes(1));

        // Floor: (40 - 10) / 10 = 3 s. A bucket this small magnifies the budget's 0.75 start and one-second pause
        // (≈ 1.3 x here); the reliability suite holds the 1.2 x target at 20 req/s through the plugin.
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(3 * 1.5)), "paced close to the floor, not one Retry-After per call");
    }

    [Test]
    public async Task Client_FourHundredConcurrentWritesAgainstATokenBucket_EachSentUntilAcceptedWithinTheFloor()
    {
        // A 40 req/s bucket holding 40, and an attempt timeout (2 s) far shorter than the queue the budget builds
        // (≈ 9 s): every write must still be created exactly once, none given up as ambiguous.
        var clock = new TestClock();
        var api = new TokenBucketApi(clock, 40);
        using var client = Clients.Create(api.Handler, clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        var calls = Enumerable.Range(0, 400).Select(_ => client.CreateSenderAsync(Clients.CreateRequest())).ToArray();

        var elapsed = await AdvanceUntilDoneAsync(clock, Task.WhenAll(calls), TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(api.Created, Is.EqualTo(400), "each write applied once");
            Assert.That(api.Handler.Requests.Count(r => r.Method == HttpMethod.Get), Is.Zero, "no write was ambiguous, so none was read back");

            // Floor: (400 - 40) / 40 = 9 s.
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(9 * 1.2)), "within 1.2 x the rate-limit floor");
        });
    }
}
