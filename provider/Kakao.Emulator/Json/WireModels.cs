using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Json;

// Response bodies, named and shaped after the facts file's schemas (KakaotalkSenderDto and friends).

internal sealed record SenderDetailsDto(
    string? AdminPhoneNo,
    string? Name,
    string? LogoImage,
    string? TopLevelCategoryCode,
    string? MidLevelCategoryCode,
    string? SubLevelCategoryCode)
{
    public static SenderDetailsDto From(SenderDetails details) => new(
        details.AdminPhoneNo,
        details.Name,
        details.LogoImage,
        details.TopLevelCategoryCode,
        details.MidLevelCategoryCode,
        details.SubLevelCategoryCode);
}

internal sealed record SenderChangesDto(string Status, SenderDetailsDto Details);

internal sealed record SenderDto(
    string Id,
    string PlusFriendId,
    string? State,
    SenderDetailsDto? Details,
    SenderChangesDto? Changes,
    string Created,
    string Modified)
{
    public static SenderDto From(SenderRecord sender) => new(
        sender.Id,
        sender.PlusFriendId,
        sender.State,
        sender.Details is null ? null : SenderDetailsDto.From(sender.Details),
        sender.Changes is null ? null : new SenderChangesDto(sender.Changes.Status, SenderDetailsDto.From(sender.Changes.Details)),
        EmulatorJson.FormatTime(sender.Created),
        EmulatorJson.FormatTime(sender.Modified));
}

internal sealed record SenderListDto(
    int TotalSize,
    int PageSize,
    IReadOnlyList<SenderDto> Senders,
    string? NextPageToken,
    string? PreviousPageToken);

internal sealed record ActivityDto(string Type, string Created, string? Author, string? Comment)
{
    public static ActivityDto From(ActivityRecord activity) =>
        new(activity.Type, EmulatorJson.FormatTime(activity.Created), activity.Author, activity.Comment);
}

internal sealed record ActivityListDto(
    int TotalSize,
    int PageSize,
    IReadOnlyList<ActivityDto> Notifications,
    string? NextPageToken,
    string? PreviousPageToken);

internal sealed record CommentDto(string Type, string Comment, string Created);

internal sealed record SenderCategoryDto(
    string ParentCode,
    int Depth,
    string Code,
    string Name,
    IReadOnlyList<SenderCategoryDto> Subcategories);

internal sealed record SenderCategoryListDto(IReadOnlyList<SenderCategoryDto> Categories);

/// <summary>The webhook DTO of the definition: <c>{id, target, projectId, triggers}</c> (never the secret).</summary>
internal sealed record WebhookDto(string Id, string Target, string ProjectId, IReadOnlyList<string> Triggers)
{
    public static WebhookDto From(string projectId, WebhookRecord webhook) =>
        new(webhook.Id, webhook.Target, projectId, webhook.Triggers);
}

internal sealed record WebhookListDto(
    string? PreviousPageToken,
    string? NextPageToken,
    int PageSize,
    int TotalSize,
    IReadOnlyList<WebhookDto> Webhooks);

internal sealed record WebhookCallbackDto(string Type, SenderDto Payload, string? Comment);

internal sealed record ErrorDto(string ErrorCode, string Message, string Resolution, IReadOnlyDictionary<string, object>? AdditionalInformation);

internal sealed record ProblemDto(string Type, string Title, int Status, string Detail);

#pragma warning disable CA1707 // OAuth2 field names are snake_case on the wire.
internal sealed record TokenDto(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

internal sealed record OAuthErrorDto(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
#pragma warning restore CA1707
