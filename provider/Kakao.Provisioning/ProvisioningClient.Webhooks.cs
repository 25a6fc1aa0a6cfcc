using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

public partial class ProvisioningClient
{
    /// <summary>Most webhooks a project can have (the API answers 424 <c>webhook_limit_reached</c> beyond).</summary>
    public const int MaxWebhooksPerProject = 15;

    private const int WebhookTargetMaxLength = 742;
    private const int WebhookSecretMaxLength = 128;

    /// <summary>
    /// Registers a webhook. The secret is sent once and never logged. After an ambiguous failure the webhooks are
    /// listed: one with the same target (unique per project) and triggers counts as registered.
    /// </summary>
    /// <param name="request">Target URL, signing secret and triggers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Webhook> CreateWebhookAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckWebhook(request.Target, request.Secret, request.Triggers, partial: false);
        var body = Json(new CreateWebhookBody(request.Target, request.Secret, request.Triggers), Wire.CreateWebhookBody);
        var path = ApiPaths.Webhooks(_projectId);
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Webhook registration",
                WithoutQuery(request.Target),
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body) { ExtraSecrets = [request.Secret] },
                (call, t) => SendForJsonAsync(call, Wire.Webhook, t),
                async t =>
                {
                    await foreach (var existing in ListWebhooksAsync(t))
                    {
                        if (string.Equals(existing.Target, request.Target, StringComparison.Ordinal) && SameTriggers(existing.Triggers, request.Triggers))
                        {
                            return existing;
                        }
                    }

                    return null;
                },
                token),
            cancellationToken);
    }

    /// <summary>Lists the project's webhooks, following every page.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<Webhook> ListWebhooksAsync(CancellationToken cancellationToken = default) =>
        Pager.AllAsync((token, ct) => ListWebhooksPageAsync(null, token, ct), page => page.Webhooks, page => page.NextPageToken, cancellationToken);

    /// <summary>Reads one page of webhooks (without a token: the first, in alphabetical order).</summary>
    /// <param name="pageSize">1..15; null for the API's default (all of them).</param>
    /// <param name="pageToken">The <see cref="WebhookPage.NextPageToken"/> of the previous page, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<WebhookPage> ListWebhooksPageAsync(int? pageSize = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxWebhooksPerProject)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"pageSize must be 1..{MaxWebhooksPerProject}.");
        }

        return GetAsync(ApiPaths.WebhookList(_projectId, pageSize, pageToken), Wire.WebhookPage, cancellationToken);
    }

    /// <summary>Reads a webhook; 404 <c>webhook_not_found</c> raises <see cref="ProvisioningApiException"/>.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Webhook> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        InputChecks.NonEmptyId(webhookId, nameof(webhookId));
        return GetAsync(ApiPaths.Webhook(_projectId, webhookId), Wire.Webhook, cancellationToken);
    }

    /// <summary>Reads a webhook, or null when it does not exist (404 <c>webhook_not_found</c>).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Webhook?> TryGetWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetWebhookAsync(webhookId, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.WebhookNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces a webhook (PUT): target, secret and triggers all take the given values, the id stays. Repeating
    /// it leaves the same result, so it is retried like a read.
    /// </summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="request">The complete new definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Webhook> ReplaceWebhookAsync(string webhookId, CreateWebhookRequest request, CancellationToken cancellationToken = default)
    {
        InputChecks.NonEmptyId(webhookId, nameof(webhookId));
        ArgumentNullException.ThrowIfNull(request);
        CheckWebhook(request.Target, request.Secret, request.Triggers, partial: false);
        var body = Json(new CreateWebhookBody(request.Target, request.Secret, request.Triggers), Wire.CreateWebhookBody);
        var path = ApiPaths.Webhook(_projectId, webhookId);
        return _transport.RunAsync(
            token => SendForJsonAsync(new ApiRequest(HttpMethod.Put, path, RetryMode.Idempotent, body) { ExtraSecrets = [request.Secret] }, Wire.Webhook, token),
            cancellationToken);
    }

    /// <summary>
    /// Changes the given members of a webhook (PATCH) — a new target, a rotated secret or new triggers — without
    /// replacing the subscription. Setting values is idempotent, so it is retried like a read.
    /// </summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="request">The members to change (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Webhook> UpdateWebhookAsync(string webhookId, UpdateWebhookRequest request, CancellationToken cancellationToken = default)
    {
        InputChecks.NonEmptyId(webhookId, nameof(webhookId));
        ArgumentNullException.ThrowIfNull(request);
        if (request.Target is null && request.Secret is null && request.Triggers is null)
        {
            throw new ArgumentException("Set at least one of Target, Secret and Triggers.", nameof(request));
        }

        CheckWebhook(request.Target, request.Secret, request.Triggers, partial: true);
        var body = Json(new UpdateWebhookBody(request.Target, request.Secret, request.Triggers), Wire.UpdateWebhookBody);
        var path = ApiPaths.Webhook(_projectId, webhookId);
        return _transport.RunAsync(
            token => SendForJsonAsync(new ApiRequest(HttpMethod.Patch, path, RetryMode.Idempotent, body) { ExtraSecrets = request.Secret is { } s ? [s] : [] }, Wire.Webhook, token),
            cancellationToken);
    }

    /// <summary>Deletes a webhook. A retry answered 404 after an unanswered attempt counts as success.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        InputChecks.NonEmptyId(webhookId, nameof(webhookId));
        return DeleteAsync(ApiPaths.Webhook(_projectId, webhookId), ex => ex.Status == 404, cancellationToken);
    }

    private static void CheckWebhook(string? target, string? secret, IReadOnlyList<WebhookTrigger>? triggers, bool partial)
    {
        const string Request = "request";
        if (target is not null || !partial)
        {
            ArgumentNullException.ThrowIfNull(target, Request + ".Target");
            InputChecks.HttpUrl(target, "target", Request + ".Target");
            if (target.Length > WebhookTargetMaxLength)
            {
                throw new ArgumentException($"target must be at most {WebhookTargetMaxLength} characters (got {target.Length}).", Request + ".Target");
            }
        }

        if ((secret is not null || !partial) && secret is not { Length: > 0 and <= WebhookSecretMaxLength })
        {
            throw new ArgumentException($"The webhook secret is required, 1..{WebhookSecretMaxLength} characters.", Request + ".Secret");
        }

        if ((triggers is not null || !partial)
            && (triggers is not { Count: > 0 } || triggers.Any(t => string.IsNullOrWhiteSpace(t.Value)) || triggers.Distinct().Count() != triggers.Count))
        {
            throw new ArgumentException("At least one trigger is required; none may be empty or repeated.", Request + ".Triggers");
        }
    }

    private static bool SameTriggers(IReadOnlyList<WebhookTrigger> a, IReadOnlyList<WebhookTrigger> b) =>
        a.Select(t => t.Value).Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(b.Select(t => t.Value).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    // Webhook URLs often carry a token in their query string: logs get the path only.
    private static string WithoutQuery(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(webhook)";
}
