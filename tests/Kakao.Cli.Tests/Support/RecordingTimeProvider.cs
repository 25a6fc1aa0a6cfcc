using Microsoft.Extensions.Time.Testing;

namespace Kakao.Cli.Tests.Support;

/// <summary>A fake clock that also remembers every timer's due time (delays, timeouts) in creation order.</summary>
internal sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _timers = [];

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
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_timers)
            {
                _timers.Add(dueTime);
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
