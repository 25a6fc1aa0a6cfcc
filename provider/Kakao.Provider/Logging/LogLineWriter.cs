using System.Text;

namespace Kakao.Provider.Logging;

/// <summary>Writes whole log entries to a stream, one writer at a time, flushing each so none is lost on exit.</summary>
internal sealed class LogLineWriter(Stream stream) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _disposed;

    public void Write(string entry)
    {
        var bytes = Encoding.UTF8.GetBytes(entry);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                stream.Write(bytes);
                stream.Flush();
            }
            catch (IOException)
            {
                // stderr closed (the engine went away): logging must never fail the plugin.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            // stderr itself stays open: it belongs to the process, and late shutdown messages are dropped, not thrown.
            _disposed = true;
        }
    }
}
