using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>Body of create template (<c>KakaotalkInputTemplateDto</c>).</summary>
public sealed record CreateTemplateRequest
{
    /// <summary>SUBMIT for inspection (the API's default) or DRAFT.</summary>
    public SubmitAction Status { get; init; } = SubmitAction.Submit;

    /// <summary>
    /// Keep the template as a draft when Kakao refuses the submission. The refusal (424, or a 500) then names the
    /// saved draft: <see cref="ProvisioningApiException.SavedDraftTemplateCode"/>.
    /// </summary>
    public bool SaveDraftOnFailure { get; init; }

    /// <summary>The details: name and language always, content unless <see cref="Status"/> is DRAFT.</summary>
    public required TemplateDetails Details { get; init; }
}

/// <summary>
/// Body of update template (<c>KakaotalkInputUpdateTemplateDto</c>, PATCH). The language cannot change. Editing is
/// possible only when <c>state</c> is APPROVED or REJECTED and pending changes, if any, are DRAFT or REJECTED.
/// </summary>
public sealed record UpdateTemplateRequest
{
    /// <summary>
    /// SUBMIT or DRAFT. The API's own default is DRAFT, so the client always sends this field explicitly; ours
    /// defaults to SUBMIT, which is what a declarative tool means by "apply this".
    /// </summary>
    public SubmitAction Status { get; init; } = SubmitAction.Submit;

    /// <summary>The details to change; null members are left as they are. <see cref="TemplateDetails.Language"/> must be null.</summary>
    public TemplateDetails? Details { get; init; }

    /// <summary>Fields to clear: each is sent as an explicit JSON <c>null</c>; it must then be null in <see cref="Details"/>.</summary>
    public TemplateClearableFields Clear { get; init; }
}

/// <summary>The template fields an update can clear with an explicit <c>null</c>.</summary>
[Flags]
public enum TemplateClearableFields
{
    /// <summary>Nothing is cleared.</summary>
    None = 0,

    /// <summary><c>extra</c>.</summary>
    Extra = 1,

    /// <summary><c>title</c>.</summary>
    Title = 2,

    /// <summary><c>subtitle</c>.</summary>
    Subtitle = 4,

    /// <summary><c>imageName</c>.</summary>
    ImageName = 8,

    /// <summary><c>imageUrl</c>.</summary>
    ImageUrl = 16,

    /// <summary><c>buttons</c> (all of them).</summary>
    Buttons = 32,
}

/// <summary>Filters for listing a sender's templates.</summary>
public sealed record TemplateListFilter
{
    /// <summary>Only templates in these states (APPROVED, REJECTED).</summary>
    public IReadOnlyList<TemplateState> States { get; init; } = [];

    /// <summary>Only templates whose pending changes have these statuses.</summary>
    public IReadOnlyList<ChangesStatus> Statuses { get; init; } = [];

    /// <summary>Only templates whose name begins with this text (the API's <c>templateName</c>).</summary>
    public string? NamePrefix { get; init; }

    /// <summary>Page size asked of the API (1..1000; default 50).</summary>
    public int? PageSize { get; init; }
}

/// <summary>One page of templates (<c>KakaotalkTemplateListDto</c>), in alphabetical order.</summary>
public sealed record TemplatePage
{
    /// <summary>Total number of templates matching the filter.</summary>
    public int TotalSize { get; init; }

    /// <summary>The page size the API used.</summary>
    public int PageSize { get; init; }

    /// <summary>The templates of this page.</summary>
    public IReadOnlyList<KakaoTemplate> Templates { get; init; } = [];

    /// <summary>Token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Token of the previous page.</summary>
    public string? PreviousPageToken { get; init; }
}

/// <summary>One page of a template's activities (<c>KakaotalkTemplateNotificationListDto</c>), newest first.</summary>
public sealed record TemplateActivityPage
{
    /// <summary>Total number of activities.</summary>
    public int TotalSize { get; init; }

    /// <summary>The page size the API used.</summary>
    public int PageSize { get; init; }

    /// <summary>The activities of this page (the API calls them <c>notifications</c>).</summary>
    [JsonPropertyName("notifications")]
    public IReadOnlyList<TemplateActivity> Activities { get; init; } = [];

    /// <summary>Token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Token of the previous page.</summary>
    public string? PreviousPageToken { get; init; }
}
