using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Webhook;

/// <summary>The events a webhook subscribes to (the KakaoTalk values of Sinch's trigger enum, and <c>ALL</c>).</summary>
[EnumType("kakao:index:WebhookTrigger", Description = "An event a webhook subscribes to: a KakaoTalk sender or template change, or `ALL` for every event of the project.")]
internal enum WebhookEvent
{
    [EnumValue("ALL", Description = "Every event of the project.")]
    All,

    [EnumValue("KAKAOTALK_SENDER_ACTIVE", Description = "A sender became ACTIVE.")]
    SenderActive,

    [EnumValue("KAKAOTALK_SENDER_INACTIVE", Description = "A sender became INACTIVE (for a new sender: approved, awaiting verification).")]
    SenderInactive,

    [EnumValue("KAKAOTALK_SENDER_REJECTED", Description = "A sender's submission was rejected.")]
    SenderRejected,

    [EnumValue("KAKAOTALK_SENDER_COMMENT_ADDED", Description = "A comment was added to a sender.")]
    SenderCommentAdded,

    [EnumValue("KAKAOTALK_TEMPLATE_APPROVED", Description = "A template was approved.")]
    TemplateApproved,

    [EnumValue("KAKAOTALK_TEMPLATE_REJECTED", Description = "A template was rejected.")]
    TemplateRejected,

    [EnumValue("KAKAOTALK_TEMPLATE_COMMENT_ADDED", Description = "A comment was added to a template.")]
    TemplateCommentAdded,
}

/// <summary>The inputs of <c>kakao:index:Webhook</c>. <see cref="object.ToString"/> never shows the secret.</summary>
internal partial record WebhookInputs
{
    [Property("The URL Sinch posts the callbacks to: `https://`, or `http://` only for a loopback host (a local receiver); 1 to 742 characters, unique in the project. Changing it updates the webhook in place.", Example = "\"https://hooks.example.com/kakao\"", MinLength = 1, MaxLength = 742)]
    public required string Target { get; init; }

    [Property("The secret Sinch signs every callback with (HMAC-SHA256), 1 to 128 characters. Always stored as a secret and never logged. Sinch never returns it: a refresh cannot see it changed elsewhere, and an imported webhook takes the declared one. Changing it rotates it in place.", Example = "\"use-a-long-random-string\"", MinLength = 1, MaxLength = 128, Secret = true)]
    public required string Secret { get; init; }

    [Property("The events to send: at least one, none repeated; `ALL` for every event of the project. Changing them updates the webhook in place.", Example = "[\"KAKAOTALK_SENDER_ACTIVE\", \"KAKAOTALK_TEMPLATE_APPROVED\"]", MinItems = 1)]
    public required IReadOnlyList<WebhookEvent> Triggers { get; init; }

    [Property("The Sinch project of the webhook (at most 128 characters; a single URL path segment). Defaults to the provider's `kakao:projectId`. Changing it replaces the webhook (the new one is created first).", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"", ReplaceOnChanges = true, OutputRequired = true, OutputDescription = "The Sinch project the webhook belongs to (the `projectId` input, or else the provider's `kakao:projectId`).")]
    public string? ProjectId { get; init; }

    // The signing secret never reaches a log line through ToString.
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append($"Target = {Target}, Secret = ***, Triggers = [{string.Join(", ", Triggers ?? [])}], ProjectId = {ProjectId}");
        return true;
    }
}

/// <summary>The outputs of a webhook: its inputs (secret as declared: Sinch never returns it) and its id.</summary>
internal sealed partial record WebhookOutputs : WebhookInputs
{
    [Property("Sinch's id of the webhook (32 lower-case hex digits); also the resource's id, for `pulumi import`.", Example = "\"7c60ce550f1d40198d5ffb113d58591b\"", Stable = true)]
    public required string WebhookId { get; init; }
}
