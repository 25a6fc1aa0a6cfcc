namespace Kakao.Provisioning.Models;

/// <summary>
/// A webhook subscription (<c>/v1/projects/{projectId}/webhooks</c>). The secret is write-only: the API never
/// returns it.
/// </summary>
public sealed record Webhook
{
    /// <summary>Identifier assigned by the API.</summary>
    public string? Id { get; init; }

    /// <summary>The callback URL (unique per project).</summary>
    public required string Target { get; init; }

    /// <summary>Triggers such as <c>KAKAOTALK_SENDER_ACTIVE</c>.</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>When the webhook was registered (UTC).</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>Body of register webhook.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>The callback URL.</summary>
    public required string Target { get; init; }

    /// <summary>The HMAC-SHA256 signing secret (never logged).</summary>
    public required string Secret { get; init; }

    /// <summary>Triggers to subscribe to.</summary>
    public required IReadOnlyList<string> Triggers { get; init; }

    /// <summary>Renders the request without its secret.</summary>
    public override string ToString() => $"CreateWebhookRequest {{ Target = {Target}, Triggers = [{string.Join(", ", Triggers)}], Secret = *** }}";
}
