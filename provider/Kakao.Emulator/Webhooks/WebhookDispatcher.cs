using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Webhooks;

/// <summary>
/// A signed callback waiting to be posted. Nonce and timestamp are fixed when the event is published, so every
/// redelivery of it carries the same ones (and the same signature), as Sinch's retries do.
/// </summary>
internal sealed record WebhookDelivery(
    string Target,
    string? Secret,
    string EventType,
    byte[] Body,
    string Nonce,
    string Timestamp,
    int Attempt);

/// <summary>
/// Delivers callbacks in the background: the API only enqueues (never waits), each POST has a short timeout.
/// Sinch: "The call will retry if unsuccessful" — a failed delivery (no answer, or a non-2xx status) is tried
/// again after 1, 2, 4, 8 s ([emulator choice]; <see cref="MaxAttempts"/> in all) on the emulator's clock, then
/// dropped with a log line. A slow or dead receiver never blocks or breaks the API.
/// </summary>
internal sealed class WebhookDispatcher : IWebhookPublisher, IAsyncDisposable
{
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(3);

    /// <summary>First attempt plus four redeliveries.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Back-off before redelivery n (1-based): 1 s × 2^(n-1).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// Queues the event for every webhook of the project subscribed to it (or to <c>ALL</c>). Never blocks.
    /// </summary>
    /// <param name="project">Whose webhooks receive it.</param>
    /// <param name="eventType">The trigger, e.g. KAKAOTALK_SENDER_ACTIVE.</param>
    /// <param name="callback">Makes the body (a sender or template callback), only when someone subscribed.</param>
    public void Publish<T>(ProjectState project, string eventType, Func<T> callback)
    {
        byte[]? body = null;
        foreach (var webhook in project.Webhooks)
        {
            if (!webhook.Triggers.Contains(eventType) && !webhook.Triggers.Contains(SenderVocabulary.WebhookAll))
            {
                continue;
            }

            body ??= JsonSerializer.SerializeToUtf8Bytes(callback(), EmulatorJson.Options);
            var now = _time.GetUtcNow();
            string timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            _queue.Writer.TryWrite(new WebhookDelivery(webhook.Target, webhook.Secret, eventType, body, Ulid.New(now), timestamp, Attempt: 1));
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

    /// <summary>The wait before redelivery after <paramref name="failedAttempt"/> failed attempts.</summary>
    internal static TimeSpan RetryDelay(int failedAttempt) => FirstRetryDelay * Math.Pow(2, failedAttempt - 1);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            // Measured from the start of the attempt, so a clock moved on while it was under way does not add to the wait.
            var started = _time.GetUtcNow();
            string? failure;
            try
            {
                failure = await DeliverAsync(delivery, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // best effort by design: a broken receiver must never stop the emulator.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex.Message;
            }

            if (failure is not null)
            {
                ScheduleRedelivery(delivery, started, failure, cancellationToken);
            }
        }
    }

    private void ScheduleRedelivery(WebhookDelivery delivery, DateTimeOffset started, string failure, CancellationToken cancellationToken)
    {
        if (delivery.Attempt >= MaxAttempts)
        {
            _logger.LogWarning("Webhook {EventType} to {Target} failed ({Reason}); giving up after {Attempts} attempts", delivery.EventType, delivery.Target, failure, delivery.Attempt);
            return;
        }

        var wait = started + RetryDelay(delivery.Attempt) - _time.GetUtcNow();
        _logger.LogWarning("Webhook {EventType} to {Target} failed ({Reason}); retrying in {Delay}", delivery.EventType, delivery.Target, failure, wait);
        _ = RequeueAsync(delivery with { Attempt = delivery.Attempt + 1 }, wait, cancellationToken);
    }

    private async Task RequeueAsync(WebhookDelivery delivery, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            _queue.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Posts once; returns why it failed, or null on a 2xx answer.</summary>
    private async Task<string?> DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target)
        {
            Content = new ByteArrayContent(delivery.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Secret, delivery.Body, delivery.Nonce, delivery.Timestamp));
            request.Headers.Add(WebhookSigner.AlgorithmHeader, WebhookSigner.Algorithm);
            request.Headers.Add(WebhookSigner.NonceHeader, delivery.Nonce);
            request.Headers.Add(WebhookSigner.TimestampHeader, delivery.Timestamp);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : "status " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
}
