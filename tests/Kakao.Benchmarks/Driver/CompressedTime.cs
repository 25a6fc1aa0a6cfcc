namespace Kakao.Benchmarks.Driver;

/// <summary>
/// The system clock with every timer shortened <see cref="Factor"/> times, so the polling waiter's real
/// 2 s → 30 s back-off runs in a fraction of the time; measured latencies are scaled back by the factor.
/// </summary>
internal sealed class CompressedTime(double factor) : TimeProvider
{
    public double Factor => factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? value : TimeSpan.FromTicks((long)(value.Ticks / factor));
}
