using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Webhooks;

/// <summary>A signed callback waiting to be posted.</summary>
internal sealed record WebhookDelivery(string Target, string? Secret, string EventType, byte[] Body);

/// <summary>
/// Delivers KAKAOTALK_SENDER_* callbacks in the background, best effort: the API only enqueues (never waits),
/// each POST has a short timeout, and failures are logged and dropped — no retries, no crash.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(3);

    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _disposed;

    public WebhookDispatcher(TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = DeliveryTimeout, UseProxy = false }) { Timeout = DeliveryTimeout };
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Queues the event for every webhook of the project subscribed to it. Never blocks.</summary>
    public void Publish(ProjectState project, string eventType, SenderRecord sender, string? comment)
    {
        byte[]? body = null;
        foreach (var webhook in project.Webhooks)
        {
            if (!webhook.Triggers.Contains(eventType))
            {
                continue;
            }

            body ??= JsonSerializer.SerializeToUtf8Bytes(new WebhookCallbackDto(eventType, SenderDto.From(sender), comment), EmulatorJson.Options);
            _queue.Writer.TryWrite(new WebhookDelivery(webhook.Target, webhook.Secret, eventType, body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await DeliverAsync(delivery, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // best effort by design: a broken receiver must never stop the emulator.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning("Webhook {EventType} to {Target} failed: {Reason}", delivery.EventType, delivery.Target, ex.Message);
            }
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target)
        {
            Content = new ByteArrayContent(delivery.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            string nonce = Guid.NewGuid().ToString("N");
            string timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Secret, delivery.Body, nonce, timestamp));
            request.Headers.Add(WebhookSigner.AlgorithmHeader, WebhookSigner.Algorithm);
            request.Headers.Add(WebhookSigner.NonceHeader, nonce);
            request.Headers.Add(WebhookSigner.TimestampHeader, timestamp);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _logger.LogWarning("Webhook {EventType} to {Target} answered {Status}", delivery.EventType, delivery.Target, (int)response.StatusCode);
        }
    }
}
