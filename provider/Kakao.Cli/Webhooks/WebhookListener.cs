using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Kakao.Cli.Stack;
using Kakao.Cli.Terminal;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Webhooks;

/// <summary>
/// Receives <c>KAKAOTALK_SENDER_*</c> callbacks on a loopback URL (put a tunnel or reverse proxy in front for a
/// real Sinch project), checks each signature and hands authentic events to the <see cref="WebhookInbox"/>.
/// Refused callbacks get 401 and a warning line; nothing of their content is echoed. A redelivery of an event
/// already handled gets 200 and is not handed over again; one whose first copy failed is handled like the first.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly HttpListener _listener = new();
    private readonly WebhookSignatureValidator _validator;
    private readonly WebhookInbox _inbox;
    private readonly IConsoleIO _console;
    private readonly Task _loop;

    private WebhookListener(Uri address, WebhookSignatureValidator validator, WebhookInbox inbox, IConsoleIO console)
    {
        Address = address;
        _validator = validator;
        _inbox = inbox;
        _console = console;
        _listener.Prefixes.Add(address.GetLeftPart(UriPartial.Authority) + "/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The address callbacks are accepted on (the actual port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Checks <c>--webhook-listen</c>: plain http on a loopback host (port 0 picks a free one).</summary>
    public static Uri ParseListenUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !uri.IsLoopback
            || uri.AbsolutePath.Length > 1)
        {
            throw new ConfigurationException($"--webhook-listen must be http://127.0.0.1:PORT (a loopback address without a path), not '{text}'.");
        }

        return uri;
    }

    public static WebhookListener Start(Uri listenUrl, WebhookSignatureValidator validator, WebhookInbox inbox, IConsoleIO console)
    {
        ArgumentNullException.ThrowIfNull(listenUrl);
        var address = listenUrl.Port == 0 ? new UriBuilder(listenUrl) { Port = FreePort(listenUrl) }.Uri : listenUrl;
        try
        {
            return new WebhookListener(address, validator, inbox, console);
        }
        catch (HttpListenerException ex)
        {
            throw new ConfigurationException($"Cannot listen on {address}: {ex.Message}.");
        }
    }

    private static int FreePort(Uri url)
    {
        var ip = url.IsLoopback && url.Host.Contains(':', StringComparison.Ordinal) ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        using var probe = new TcpListener(ip, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The caller hung up; nothing to answer.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (context.Request.HttpMethod != "POST")
        {
            response.StatusCode = 405;
            return;
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            response.StatusCode = 413;
            return;
        }

        var check = _validator.Check(body, name => context.Request.Headers[name]);
        if (check == SignatureCheck.ReplayedNonce)
        {
            // Sinch redelivers until it gets a 2xx: acknowledge the copy, but the event was handled already.
            _console.Info("Ignored a webhook callback whose event was already processed (a redelivery).");
            response.StatusCode = 200;
            return;
        }

        if (check == SignatureCheck.InFlight)
        {
            response.StatusCode = 409;
            return;
        }

        if (check != SignatureCheck.Valid)
        {
            _console.Warn($"Refused a webhook callback: {Describe(check)}.");
            response.StatusCode = 401;
            return;
        }

        var nonce = context.Request.Headers[WebhookSignatureValidator.NonceHeader]!;
        var senderEvent = Parse(body);
        if (senderEvent is null)
        {
            _validator.Release(nonce);
            response.StatusCode = 400;
            return;
        }

        try
        {
            _inbox.Publish(senderEvent);
        }
        catch
        {
            _validator.Release(nonce);
            throw;
        }

        _validator.MarkProcessed(nonce);
        response.StatusCode = 200;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads <c>{type, payload: sender, comment?}</c>; null when it is not a sender callback.</summary>
    internal static SenderEvent? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var sender = payload.Deserialize<KakaoSender>(JsonSerializerOptions.Web);
            var comment = root.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return sender is null ? null : new SenderEvent(type.GetString()!, sender, comment);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(SignatureCheck check) => check switch
    {
        SignatureCheck.MissingHeaders => "signature headers missing",
        SignatureCheck.UnsupportedAlgorithm => "unsupported signature algorithm",
        SignatureCheck.BadSignature => "bad signature",
        SignatureCheck.StaleTimestamp => "timestamp too old or in the future",
        SignatureCheck.ReplayedNonce => "nonce already used (replay)",
        SignatureCheck.InFlight => "the same callback is being processed",
        _ => check.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
