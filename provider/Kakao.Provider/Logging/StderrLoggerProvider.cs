using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Logging;

/// <summary>
/// The plugin's only log destination: stderr, in the console logger's simple format
/// (<c>warn: Category[EventId]</c>, the message indented on the next line). Replaces
/// <c>AddConsole</c>, whose options binding and background writer thread cost several milliseconds before the
/// port line; stderr is opened on the first message, and messages are written synchronously (a plugin logs
/// little, and nothing is lost when the engine kills it).
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, StderrLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Lazy<LogLineWriter> _writer;

    /// <summary>Logs to the process's stderr.</summary>
    public StderrLoggerProvider()
        : this(Console.OpenStandardError)
    {
    }

    /// <summary>Logs to the stream <paramref name="open"/> returns on the first message (tests pass their own).</summary>
    public StderrLoggerProvider(Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _writer = new Lazy<LogLineWriter>(() => new LogLineWriter(open()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, writer) => new StderrLogger(name, writer), _writer);

    public void Dispose()
    {
        if (_writer.IsValueCreated)
        {
            _writer.Value.Dispose();
        }
    }
}
