using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kakao.Benchmarks.Shared;

/// <summary>One entry of the emulator's request log (<c>GET /_emulator/requests</c>).</summary>
internal sealed record LoggedRequest(long Sequence, DateTimeOffset Time, string Method, string Path, int Status);

/// <summary>The emulator's control API, over HTTP like any other tool would use it.</summary>
internal sealed class EmulatorControl(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task SetRateLimitAsync(double? requestsPerSecond, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("_emulator/rate-limit", new Dictionary<string, double?> { ["requestsPerSecond"] = requestsPerSecond }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetStateAsync(string projectId, string plusFriendId, string state, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            $"_emulator/projects/{projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/state",
            new Dictionary<string, string> { ["state"] = state },
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("_emulator/reset", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The log as the emulator holds it now (its most recent 2,000 requests).</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("_emulator/requests", cancellationToken));
        return [.. document.RootElement.GetProperty("requests").EnumerateArray().Select(e => new LoggedRequest(
            e.GetProperty("sequence").GetInt64(),
            DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture),
            e.GetProperty("method").GetString()!,
            e.GetProperty("path").GetString()!,
            e.GetProperty("status").GetInt32()))];
    }

    /// <summary>The highest sequence number logged so far (0 for an empty log).</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken) =>
        (await RequestsAsync(cancellationToken)).Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// Keeps every request logged after a start point, polling the emulator's bounded log often enough that nothing
/// scrolls out of it during a long run.
/// </summary>
internal sealed class RequestRecorder : IAsyncDisposable
{
    private readonly EmulatorControl _control;
    private readonly SortedDictionary<long, LoggedRequest> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _after;

    private RequestRecorder(EmulatorControl control, long after)
    {
        _control = control;
        _after = after;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<RequestRecorder> StartAsync(EmulatorControl control, CancellationToken cancellationToken) =>
        new(control, await control.LastSequenceAsync(cancellationToken));

    /// <summary>Stops polling and returns everything seen, in order; throws when entries were lost.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> StopAsync(CancellationToken cancellationToken)
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
