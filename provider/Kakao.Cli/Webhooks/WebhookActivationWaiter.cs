using System.Security.Cryptography;
using Kakao.Cli.Terminal;
using Kakao.Cli.Verification;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Webhooks;

/// <summary>
/// Waits for ACTIVE through webhook callbacks instead of polling. Registers one webhook per project (target =
/// the listener, a fresh random secret, the <c>KAKAOTALK_SENDER_*</c> triggers) the first time it is needed
/// and deletes them all on dispose. A slow safety poll covers a lost callback.
/// </summary>
internal sealed class WebhookActivationWaiter : IActivationWaiter
{
    public static readonly IReadOnlyList<WebhookTrigger> Triggers =
        [WebhookTrigger.SenderActive, WebhookTrigger.SenderInactive, WebhookTrigger.SenderRejected, WebhookTrigger.SenderCommentAdded];

    public static readonly TimeSpan SafetyPollInterval = TimeSpan.FromMinutes(1);

    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly WebhookInbox _inbox = new();
    private readonly Dictionary<ProvisioningClient, Webhook> _registered = [];
    private readonly WebhookListener _listener;
    private readonly Uri _target;
    private readonly IConsoleIO _console;
    private readonly TimeProvider _timeProvider;

    public WebhookActivationWaiter(Uri listenUrl, Uri? publicTarget, IConsoleIO console, TimeProvider timeProvider)
    {
        _console = console;
        _timeProvider = timeProvider;
        _listener = WebhookListener.Start(listenUrl, new WebhookSignatureValidator(_secret, timeProvider), _inbox, console);
        _target = publicTarget ?? _listener.Address;
    }

    /// <summary>Where the listener actually listens.</summary>
    public Uri ListenAddress => _listener.Address;

    public async Task<KakaoSender> WaitForActiveAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await EnsureRegisteredAsync(client, cancellationToken).ConfigureAwait(false);
        var announced = false;
        while (true)
        {
            // Checking after subscribing closes the gap where the callback came before the webhook existed.
            var current = await client.GetSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false);
            if (current.State == SenderState.Active)
            {
                return current;
            }

            if (!announced)
            {
                _console.Info($"Waiting for a webhook callback for {plusFriendId}…");
                announced = true;
            }

            using var interval = new CancellationTokenSource(SafetyPollInterval, _timeProvider);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
            try
            {
                var next = await _inbox.NextAsync(plusFriendId, poll.Token).ConfigureAwait(false);
                _console.Info($"Webhook: {next.Type} for {plusFriendId}.");
                if (next.Sender.State == SenderState.Active)
                {
                    return next.Sender;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No callback within the safety interval: look again.
            }
        }
    }

    /// <summary>Registers this run's webhook in the client's project (once); waiting does it on demand too.</summary>
    public async Task EnsureRegisteredAsync(ProvisioningClient client, CancellationToken cancellationToken)
    {
        if (_registered.ContainsKey(client))
        {
            return;
        }

        var webhook = await client.CreateWebhookAsync(new CreateWebhookRequest
        {
            Target = _target.ToString(),
            Secret = _secret,
            Triggers = Triggers,
        }, cancellationToken).ConfigureAwait(false);
        _registered[client] = webhook;
        _console.Info($"Listening for webhooks on {_listener.Address} (webhook {webhook.Id} in project {client.ProjectId}).");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (client, webhook) in _registered)
        {
            if (webhook.Id is null)
            {
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await client.DeleteWebhookAsync(webhook.Id, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
            {
                _console.Warn($"Could not delete webhook {webhook.Id} in project {client.ProjectId}; delete it by hand ({ex.Message}).");
            }
        }

        _registered.Clear();
        await _listener.DisposeAsync().ConfigureAwait(false);
    }
}
