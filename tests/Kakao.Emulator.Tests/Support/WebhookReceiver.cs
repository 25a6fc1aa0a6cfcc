using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kakao.Emulator.Tests.Support;

/// <summary>A callback received by <see cref="WebhookReceiver"/>: raw body and headers.</summary>
internal sealed record ReceivedCallback(byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>A loopback HTTP endpoint that records webhook callbacks (optionally answering slowly or with errors).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Status the receiver answers (e.g. 500 to prove failures do not matter).</summary>
    public int Status { get; set; } = 200;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            // Read before the callback is handed over, so a test changing Status after seeing it affects only later ones.
            int status = receiver.Status;
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            await receiver._received.Writer.WriteAsync(new ReceivedCallback(buffer.ToArray(), headers), context.RequestAborted);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hook");
        return receiver;
    }

    /// <summary>The next callback; fails the test after a generous real-time bound (delivery is asynchronous).</summary>
    public async Task<ReceivedCallback> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a callback has already arrived (no waiting).</summary>
    public bool TryTake(out ReceivedCallback? callback) => _received.Reader.TryRead(out callback);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
