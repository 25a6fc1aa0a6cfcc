namespace Kakao.Provisioning.Models;

/// <summary>
/// A webhook subscription (<c>/v1/projects/{projectId}/webhooks</c>), as the API returns it:
/// <c>{id, target, projectId, triggers}</c>. The secret is write-only: the API never returns it.
/// </summary>
public sealed record Webhook
{
    /// <summary>Identifier assigned by the API (32 lower-case hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>The callback URL (unique per project).</summary>
    public required string Target { get; init; }

    /// <summary>The project the webhook belongs to.</summary>
    public string? ProjectId { get; init; }

    /// <summary>Triggers such as <c>KAKAOTALK_SENDER_ACTIVE</c>, or <c>ALL</c>.</summary>
    public IReadOnlyList<WebhookTrigger> Triggers { get; init; } = [];
}

/// <summary>Body of create webhook and of replace webhook (PUT): every field is required.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>The callback URL (absolute http(s), 1..742 characters).</summary>
    public required string Target { get; init; }

    /// <summary>The HMAC-SHA256 signing secret (1..128 characters; never logged).</summary>
    public required string Secret { get; init; }

    /// <summary>Triggers to subscribe to (at least one, no duplicates).</summary>
    public required IReadOnlyList<WebhookTrigger> Triggers { get; init; }

    /// <summary>Renders the request without its secret.</summary>
    public override string ToString() => $"CreateWebhookRequest {{ Target = {Target}, Triggers = [{string.Join(", ", Triggers)}], Secret = *** }}";
}

/// <summary>Body of update webhook (PATCH): only the members that are set are sent.</summary>
public sealed record UpdateWebhookRequest
{
    /// <summary>A new callback URL, or null to keep it.</summary>
    public string? Target { get; init; }

    /// <summary>A new signing secret (rotation), or null to keep it. Never logged.</summary>
    public string? Secret { get; init; }

    /// <summary>New triggers (replacing the old ones), or null to keep them.</summary>
    public IReadOnlyList<WebhookTrigger>? Triggers { get; init; }

    /// <summary>Renders the request without its secret.</summary>
    public override string ToString() =>
        $"UpdateWebhookRequest {{ Target = {Target}, Triggers = [{string.Join(", ", Triggers ?? [])}], Secret = {(Secret is null ? "(unchanged)" : "***")} }}";
}

/// <summary>One page of webhooks (the list answer).</summary>
public sealed record WebhookPage
{
    /// <summary>Total number of webhooks of the project.</summary>
    public int TotalSize { get; init; }

    /// <summary>The page size the API used.</summary>
    public int PageSize { get; init; }

    /// <summary>The webhooks of this page.</summary>
    public IReadOnlyList<Webhook> Webhooks { get; init; } = [];

    /// <summary>Token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Token of the previous page.</summary>
    public string? PreviousPageToken { get; init; }
}
