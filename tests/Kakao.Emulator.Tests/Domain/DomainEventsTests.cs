using Kakao.Emulator.Domain;
using Kakao.Emulator.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Emulator.Tests.Domain;

/// <summary>
/// Reviews due now run on the thread pool after the operation that scheduled them; disposing the emulator must
/// wait for them, or a run still writing the data file outlives the emulator (and a test's clean-up of its folder).
/// </summary>
[TestFixture]
public sealed class DomainEventsTests
{
    private sealed class NoWebhooks : IWebhookPublisher
    {
        public void Publish<T>(ProjectState project, string eventType, Func<T> callback)
        {
        }
    }

    private static DomainEvents Create() => new(new FakeTimeProvider(), new NoWebhooks(), NullLogger<DomainEvents>.Instance);

    [Test]
    public async Task DisposeAsync_WhileAReviewRuns_CompletesOnlyAfterIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = Create();
        events.Attach(async () =>
        {
            started.SetResult();
            await release.Task;
        });

        events.ReviewScheduled(TimeSpan.Zero);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var disposing = events.DisposeAsync().AsTask();

        Assert.That(disposing.IsCompleted, Is.False, "the review is still writing");
        release.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task DisposeAsync_ReviewDueNow_HasRunWhenItReturnsAndNoneStartsAfter()
    {
        int runs = 0;
        var events = Create();
        events.Attach(() =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        events.ReviewScheduled(TimeSpan.Zero);
        await events.DisposeAsync();
        int atDispose = Volatile.Read(ref runs);
        events.ReviewScheduled(TimeSpan.Zero);
        await events.DisposeAsync();

        Assert.That(atDispose, Is.EqualTo(1), "the run scheduled before disposing was waited for");
        Assert.That(Volatile.Read(ref runs), Is.EqualTo(1), "nothing is scheduled once disposed");
    }
}
