using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Logging;

/// <summary>
/// The plugin's logger factory: every category logs to stderr at or above one minimum level, in the console
/// logger's simple format (<c>warn: Category[EventId]</c>, the message indented on the next line).
/// </summary>
/// <remarks>
/// Replaces <c>AddConsole</c> and the default <c>LoggerFactory</c>, which cost start-up time before the port
/// line: the console logger binds options and starts a writer thread, and the factory looks up each provider's
/// alias attribute by reflection for every logger it creates (slow under Native AOT). stderr is opened on the
/// first message, and messages are written synchronously: a plugin logs little, and nothing is lost when the
/// engine kills it.
/// </remarks>
internal sealed class StderrLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, StderrLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Lazy<LogLineWriter> _writer;
    private readonly LogLevel _minimum;

    /// <summary>Logs to the process's stderr.</summary>
    public StderrLoggerFactory(LogLevel minimum)
        : this(minimum, Console.OpenStandardError)
    {
    }

    /// <summary>Logs to the stream <paramref name="open"/> returns on the first message (tests pass their own).</summary>
    public StderrLoggerFactory(LogLevel minimum, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _minimum = minimum;
        _writer = new Lazy<LogLineWriter>(() => new LogLineWriter(open()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => new StderrLogger(name, factory._minimum, factory._writer), this);

    /// <summary>Not supported: stderr is the plugin's only log destination.</summary>
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The plugin logs to stderr only.");

    public void Dispose()
    {
        if (_writer.IsValueCreated)
        {
            _writer.Value.Dispose();
        }
    }
}
