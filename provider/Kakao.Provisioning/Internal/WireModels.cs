using System.Text.Json.Serialization;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

// Shapes that exist only on the wire; the public models cover everything callers see.

/// <summary><c>KakaotalkInputVerifySenderDto</c>: the code is a JSON number.</summary>
internal sealed record VerifySenderBody(int Code);

/// <summary><c>KakaotalkCommentInputDto</c>.</summary>
internal sealed record CommentBody(string Comment);

/// <summary><c>KakaotalkSenderCategoryListDto</c>.</summary>
internal sealed record SenderCategoryList
{
    public IReadOnlyList<SenderCategory> Categories { get; init; } = [];
}

/// <summary>The OAuth2 token endpoint's answer (snake_case, unlike the Provisioning API).</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }
}

/// <summary>Update body: <c>status</c> is always written, even though it has a default.</summary>
internal sealed record UpdateSenderBody(SubmitAction Status, SenderDetails? Details);

/// <summary>Webhook create/replace body, secret included (it is write-only and never logged).</summary>
internal sealed record CreateWebhookBody(string Target, string Secret, IReadOnlyList<WebhookTrigger> Triggers);

/// <summary>Webhook PATCH body: null members are not sent.</summary>
internal sealed record UpdateWebhookBody(string? Target, string? Secret, IReadOnlyList<WebhookTrigger>? Triggers);

/// <summary>Template create body (<c>KakaotalkInputTemplateDto</c>); <c>status</c> and <c>saveDraftOnFailure</c> always written.</summary>
internal sealed record CreateTemplateBody(SubmitAction Status, bool SaveDraftOnFailure, TemplateDetails Details);

/// <summary>Template update body: <c>status</c> is always written (the API's default is DRAFT).</summary>
internal sealed record UpdateTemplateBody(SubmitAction Status, TemplateDetails? Details);

/// <summary><c>KakaotalkTemplateCategoryListDto</c>: one page of template categories.</summary>
internal sealed record TemplateCategoryPage
{
    public IReadOnlyList<TemplateCategory> Categories { get; init; } = [];

    public string? NextPageToken { get; init; }
}
