using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kakao.EngineHarness.Engine;

/// <summary>
/// A stand-in for the engine's own gRPC server (<c>pulumirpc.Engine</c>), the address a plugin receives as
/// its positional argument: serves cleartext HTTP/2 on 127.0.0.1 and records every <c>Log</c> call.
/// </summary>
public sealed class FakeEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LogCollector _logs;

    private FakeEngine(WebApplication app, LogCollector logs, string address)
    {
        _app = app;
        _logs = logs;
        Address = address;
    }

    /// <summary>The engine address to hand to the plugin, <c>127.0.0.1:port</c>.</summary>
    public string Address { get; }

    /// <summary>Every log entry received so far, in arrival order.</summary>
    public IReadOnlyList<LogEntry> Logs => _logs.Snapshot();

    /// <summary>Starts the fake engine on a free loopback port.</summary>
    public static async Task<FakeEngine> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = null);
        var logs = new LogCollector();
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<EngineLogService>();

        var app = builder.Build();
        app.MapGrpcService<EngineLogService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Select(url => new Uri(url)).First();
        return new FakeEngine(app, logs, $"127.0.0.1:{address.Port}");
    }

    /// <summary>Forgets the log entries received so far.</summary>
    public void ClearLogs() => _logs.Clear();

    /// <summary>Waits until a log entry matching <paramref name="match"/> has arrived (or returns one already received).</summary>
    public Task<LogEntry> WaitForLogAsync(Func<LogEntry, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _logs.WaitForAsync(match, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
