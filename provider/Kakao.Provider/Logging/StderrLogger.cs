using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Logging;

/// <summary>One category's logger: entries at or above the minimum level go to the shared writer.</summary>
internal sealed class StderrLogger(string category, LogLevel minimum, Lazy<LogLineWriter> writer) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var message = formatter(state, exception);
        if (string.IsNullOrEmpty(message) && exception is null)
        {
            return;
        }

        writer.Value.Write(LogLineFormat.Format(logLevel, category, eventId.Id, message, exception));
    }
}
