using Grpc.Core;
using Grpc.Net.Client;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Grpc;

/// <summary>
/// Sends diagnostics to the engine's <c>pulumirpc.Engine/Log</c>, dialling the engine address lazily on first
/// use. Every message is mirrored to the plugin's own log (stderr). Failures are swallowed: a diagnostic must
/// never fail an operation.
/// </summary>
internal sealed partial class EngineLogSink(ILogger<EngineLogSink> logger) : IEngineDiagnostics, IDisposable
{
    private static readonly TimeSpan LogDeadline = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private string? _address;
    private GrpcChannel? _channel;
    private Engine.EngineClient? _client;

    /// <summary>The engine address in use, if any.</summary>
    public string? Address
    {
        get
        {
            lock (_gate)
            {
                return _address;
            }
        }
    }

    /// <summary>Sets (or changes) the engine address; the connection is made on the next log.</summary>
    public void SetAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        lock (_gate)
        {
            if (address == _address)
            {
                return;
            }

            _address = address;
            _channel?.Dispose();
            _channel = null;
            _client = null;
        }
    }

    public async Task LogAsync(DiagnosticSeverity severity, string message, string? urn = null, bool ephemeral = false, CancellationToken cancellationToken = default)
    {
        LogLocally(logger, ToLevel(severity), urn ?? "", message);
        var client = GetClient();
        if (client is null || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await client.LogAsync(
                new LogRequest { Severity = (LogSeverity)(int)severity, Message = message, Urn = urn ?? "", Ephemeral = ephemeral },
                deadline: DateTime.UtcNow + LogDeadline,
                cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            LogFailed(logger, ex.StatusCode.ToString());
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            LogFailed(logger, ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _channel?.Dispose();
            _channel = null;
            _client = null;
        }
    }

    private Engine.EngineClient? GetClient()
    {
        lock (_gate)
        {
            if (_client is not null || _address is null)
            {
                return _client;
            }

            try
            {
                var address = _address.Contains("://", StringComparison.Ordinal) ? _address : "http://" + _address;
                _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxSendMessageSize = 4 * 1024 * 1024 });
                _client = new Engine.EngineClient(_channel);
            }
            catch (Exception ex) when (ex is UriFormatException or ArgumentException or InvalidOperationException)
            {
                LogFailed(logger, ex.GetType().Name);
                _address = null;
            }

            return _client;
        }
    }

    private static LogLevel ToLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Debug => LogLevel.Debug,
        DiagnosticSeverity.Info => LogLevel.Information,
        DiagnosticSeverity.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };

    [LoggerMessage(EventId = 1, Message = "[engine] {Urn} {Message}")]
    private static partial void LogLocally(ILogger logger, LogLevel level, string urn, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Could not send a diagnostic to the engine ({Reason}); continuing.")]
    private static partial void LogFailed(ILogger logger, string reason);
}
