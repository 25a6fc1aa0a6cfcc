namespace Kakao.Emulator.Domain;

/// <summary>The enums of the facts file (sender states, changes statuses, activity types, webhook events).</summary>
internal static class SenderVocabulary
{
    public const string Active = "ACTIVE";
    public const string Blocked = "BLOCKED";
    public const string Inactive = "INACTIVE";
    public const string Suspended = "SUSPENDED";
    public const string Verifying = "VERIFYING";

    public const string Draft = "DRAFT";
    public const string InProgress = "IN_PROGRESS";
    public const string Rejected = "REJECTED";

    public const string ActivityCreated = "CREATED";
    public const string ActivityEdited = "EDITED";
    public const string ActivityCommentAdded = "COMMENT_ADDED";

    public const string WebhookActive = "KAKAOTALK_SENDER_ACTIVE";
    public const string WebhookInactive = "KAKAOTALK_SENDER_INACTIVE";
    public const string WebhookRejected = "KAKAOTALK_SENDER_REJECTED";
    public const string WebhookCommentAdded = "KAKAOTALK_SENDER_COMMENT_ADDED";

    /// <summary>Author of activities caused by API calls, as Sinch shows them (the definition's example).</summary>
    public const string CustomerAuthor = "Provisioning API user";

    /// <summary>[emulator choice] author of activities caused by Kakao's review and out-of-band changes.</summary>
    public const string ReviewerAuthor = "KakaoTalk";

    public static readonly IReadOnlyList<string> States = [Active, Blocked, Inactive, Suspended, Verifying];

    public static readonly IReadOnlyList<string> Statuses = [Draft, InProgress, Rejected];

    /// <summary>The trigger that subscribes a webhook to every event.</summary>
    public const string WebhookAll = "ALL";

    /// <summary>
    /// Triggers a webhook may subscribe to: the KakaoTalk sender and template events and <c>ALL</c>
    /// (kakaotalk-templates.md §7–8). The definition's enum has 39 values; the other channels' values are not
    /// in our facts, so they are refused like any unknown value.
    /// </summary>
    public static readonly IReadOnlyList<string> WebhookTriggers =
    [
        WebhookAll,
        WebhookActive, WebhookInactive, WebhookRejected, WebhookCommentAdded,
        "KAKAOTALK_TEMPLATE_APPROVED", "KAKAOTALK_TEMPLATE_REJECTED", "KAKAOTALK_TEMPLATE_COMMENT_ADDED",
    ];
}
