using Microsoft.Extensions.Time.Testing;

namespace Kakao.Testing;

/// <summary>A fake clock that also remembers every timer's due time (delays, timeouts) in creation order.</summary>
public sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _timers = [];
    private readonly SemaphoreSlim _timerCreated = new(0);

    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_timers)
            {
                return _timers.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Registered with the fake clock first, recorded after: a test that sees the timer and advances the clock
        // at once must find it armed (recording first let an Advance slip in before it was, leaving it pending).
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_timers)
            {
                _timers.Add(dueTime);
            }
        }

        _timerCreated.Release();
        return timer;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> timers with <paramref name="dueTime"/> exist, so a test advances the
    /// clock only after the code under test armed its delay (advancing earlier would leave that delay pending).
    /// </summary>
    public async Task<bool> WaitForTimersAsync(TimeSpan dueTime, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Timers.Count(t => t == dueTime) < count)
        {
            try
            {
                await _timerCreated.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }
}
