using System.Collections.Concurrent;

namespace Kakao.Emulator.Control;

/// <summary>One received request as GET /_emulator/requests shows it (secrets redacted).</summary>
internal sealed record RequestLogEntry(
    long Sequence,
    string Time,
    string Method,
    string Path,
    string? Query,
    int Status,
    string? AuthScheme,
    string? Body,
    string? Fault,
    bool Aborted);

/// <summary>The most recent requests, bounded, safe to read while requests keep arriving.</summary>
internal sealed class RequestLog
{
    /// <summary>Enough for long soak runs (an entry is a few hundred bytes).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RequestLogEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    /// <summary>The entries after sequence number <paramref name="since"/> (0: all kept), oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot(long since = 0) => _entries.Where(e => e.Sequence > since).OrderBy(e => e.Sequence).ToArray();

    public void Clear() => _entries.Clear();
}
