using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

public partial class ProvisioningClient
{
    /// <summary>
    /// Registers a webhook. The secret is sent once and never logged. After an ambiguous failure the webhooks are
    /// listed: one with the same target and triggers counts as registered.
    /// </summary>
    /// <param name="request">Target URL, signing secret and triggers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Webhook> CreateWebhookAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Target, nameof(request) + ".Target");
        InputChecks.HttpUrl(request.Target, "target", nameof(request) + ".Target");
        if (string.IsNullOrEmpty(request.Secret))
        {
            throw new ArgumentException("The webhook secret is required.", nameof(request) + ".Secret");
        }

        if (request.Triggers is not { Count: > 0 } || request.Triggers.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one trigger is required, and none may be empty.", nameof(request) + ".Triggers");
        }

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
                    var existing = await ListWebhooksAsync(t);
                    return existing.FirstOrDefault(w =>
                        string.Equals(w.Target, request.Target, StringComparison.Ordinal)
                        && w.Triggers.Order(StringComparer.Ordinal).SequenceEqual(request.Triggers.Order(StringComparer.Ordinal)));
                },
                token),
            cancellationToken);
    }

    /// <summary>Lists the project's webhooks.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        var list = await GetAsync(ApiPaths.Webhooks(_projectId), Wire.WebhookList, cancellationToken);
        return list.Webhooks;
    }

    /// <summary>Deletes a webhook. A retry answered 404 after an unanswered attempt counts as success.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        InputChecks.NonEmptyId(webhookId, nameof(webhookId));
        return DeleteAsync(ApiPaths.Webhook(_projectId, webhookId), ex => ex.Status == 404, cancellationToken);
    }

    // Webhook URLs often carry a token in their query string: logs get the path only.
    private static string WithoutQuery(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(webhook)";
}
