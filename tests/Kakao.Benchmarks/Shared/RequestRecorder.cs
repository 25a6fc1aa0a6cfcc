using Kakao.Testing;

namespace Kakao.Benchmarks.Shared;

/// <summary>
/// Keeps every request logged after a start point, polling the emulator's bounded log often enough that nothing
/// scrolls out of it during a long run.
/// </summary>
internal sealed class RequestRecorder : IAsyncDisposable
{
    private readonly EmulatorControlClient _control;
    private readonly SortedDictionary<long, EmulatorRequest> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _after;

    private RequestRecorder(EmulatorControlClient control, long after)
    {
        _control = control;
        _after = after;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<RequestRecorder> StartAsync(EmulatorControlClient control, CancellationToken cancellationToken) =>
        new(control, await control.LastSequenceAsync(cancellationToken));

    /// <summary>Stops polling and returns everything seen, in order; throws when entries were lost.</summary>
    public async Task<IReadOnlyList<EmulatorRequest>> StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
        await CollectAsync(cancellationToken);
        var all = _seen.Values.ToArray();
        for (int i = 1; i < all.Length; i++)
        {
            if (all[i].Sequence != all[i - 1].Sequence + 1)
            {
                // Sequence numbers are taken on arrival and logged on completion: a gap may close later, but not
                // after the run has finished.
                throw new InvalidOperationException($"The request log lost entries between {all[i - 1].Sequence} and {all[i].Sequence}.");
            }
        }

        return all;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), _stop.Token);
                await CollectAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await _control.RequestsAsync(cancellationToken))
        {
            if (entry.Sequence > _after)
            {
                _seen[entry.Sequence] = entry;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
