namespace Kakao.Provisioning.Models;

/// <summary>
/// A KakaoTalk (AlimTalk) template of a sender, as the Provisioning API returns it (<c>KakaotalkTemplateDto</c>).
/// Kakao inspects every submission: <see cref="State"/> is its verdict on the approved version, and
/// <see cref="Changes"/> the version waiting (draft, under inspection or rejected).
/// </summary>
public sealed record KakaoTemplate
{
    /// <summary>Sinch's identifier (a UUID).</summary>
    public string? Id { get; init; }

    /// <summary>The template code the server assigned; the template's key in every path and in messages.</summary>
    public required string Code { get; init; }

    /// <summary>APPROVED or REJECTED; absent until Kakao's first decision.</summary>
    public TemplateState? State { get; init; }

    /// <summary>The inspected details; absent until Kakao's first decision.</summary>
    public TemplateDetails? Details { get; init; }

    /// <summary>The version waiting for (or refused by) inspection, or saved as a draft, if any.</summary>
    public TemplateChanges? Changes { get; init; }

    /// <summary>When the template was created (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the template was last modified (UTC).</summary>
    public DateTimeOffset? Modified { get; init; }
}

/// <summary>
/// The details of a template (<c>KakaotalkTemplateDetailsDto</c>; in requests <c>KakaotalkInputTemplateDetailsDto</c>
/// and its update variant). Null members are not sent. Limits: <see cref="TemplateLimits"/>.
/// </summary>
public sealed record TemplateDetails
{
    /// <summary>The template's name (1..150), unique among the sender's templates.</summary>
    public string? Name { get; init; }

    /// <summary>The language; required on create and fixed afterwards (an update must leave it null).</summary>
    public TemplateLanguage? Language { get; init; }

    /// <summary>The message body (1..1000); <c>#{name}</c> marks a variable filled in at send time.</summary>
    public string? Content { get; init; }

    /// <summary>BASIC (the API's default), EXTRA_INFORMATION, AD_INCLUDED or MIXED.</summary>
    public TemplateMessageType? MessageType { get; init; }

    /// <summary>EMPHASIZE_TYPE_NONE (the API's default), EMPHASIZE_TYPE_TEXT or EMPHASIZE_TYPE_IMAGE.</summary>
    public EmphasizeType? EmphasizeType { get; init; }

    /// <summary>The template category (6 digits; the API's default <c>999999</c> is "Others").</summary>
    public string? CategoryCode { get; init; }

    /// <summary>A one-time-password template: the text is hidden on every device but the main one.</summary>
    public bool? SecurityFlag { get; init; }

    /// <summary>The additional information block (1..500) of EXTRA_INFORMATION and MIXED templates.</summary>
    public string? Extra { get; init; }

    /// <summary>Kakao's fixed advertising / channel-add phrase; set by Kakao, returned only, never sent.</summary>
    public string? Ad { get; init; }

    /// <summary>The emphasised title (1..50) of EMPHASIZE_TYPE_TEXT templates.</summary>
    public string? Title { get; init; }

    /// <summary>The emphasised subtitle (1..50) of EMPHASIZE_TYPE_TEXT templates.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The name (1..250) of the uploaded image of EMPHASIZE_TYPE_IMAGE templates.</summary>
    public string? ImageName { get; init; }

    /// <summary>The image URL (JPEG or PNG, at most 500 KB, at least 500×250 px, 2:1).</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Up to five buttons with distinct types, in <see cref="TemplateButton.Ordering"/> order.</summary>
    public IReadOnlyList<TemplateButton>? Buttons { get; init; }
}

/// <summary>A template button (<c>KakaotalkButtonDto</c> / <c>KakaotalkInputButtonDto</c>).</summary>
public sealed record TemplateButton
{
    /// <summary>The button's position, 1..5.</summary>
    public int Ordering { get; init; }

    /// <summary>What the button does.</summary>
    public ButtonType Type { get; init; }

    /// <summary>The label (1..14); may be left out of a draft.</summary>
    public string? Name { get; init; }

    /// <summary>The mobile link of a WEB_LINK (required) or APP_LINK button.</summary>
    public string? LinkMo { get; init; }

    /// <summary>The PC link of a WEB_LINK or APP_LINK button.</summary>
    public string? LinkPc { get; init; }

    /// <summary>The iOS app scheme of an APP_LINK button (required there).</summary>
    public string? SchemeIos { get; init; }

    /// <summary>The Android app scheme of an APP_LINK button (required there).</summary>
    public string? SchemeAndroid { get; init; }
}

/// <summary>The pending version of a template (<c>KakaotalkTemplateChangesDto</c>).</summary>
public sealed record TemplateChanges
{
    /// <summary>DRAFT, IN_PROGRESS (Kakao is inspecting it) or REJECTED.</summary>
    public required ChangesStatus Status { get; init; }

    /// <summary>The pending details.</summary>
    public TemplateDetails? Details { get; init; }
}

/// <summary>One entry of a template's activity log (<c>KakaotalkTemplateNotificationDto</c>), newest first.</summary>
public sealed record TemplateActivity
{
    /// <summary>What happened (there is no APPROVED activity: approval shows only in the state).</summary>
    public required ActivityType Type { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Who did it (e.g. <c>Provisioning API user</c>, or Kakao's reviewer).</summary>
    public string? Author { get; init; }

    /// <summary>The comment: a rejection reason, a reviewer's question or an answer.</summary>
    public string? Comment { get; init; }
}

/// <summary>A comment added to a template (<c>KakaotalkCommentDto</c>).</summary>
public sealed record TemplateComment
{
    /// <summary>Always <c>CREATED</c> today.</summary>
    public CommentType? Type { get; init; }

    /// <summary>The comment text.</summary>
    public required string Comment { get; init; }

    /// <summary>When it was added (UTC).</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>A template category group (<c>KakaotalkTemplateCategoryDto</c>), e.g. 회원 / Membership.</summary>
public sealed record TemplateCategory
{
    /// <summary>The group's Korean name.</summary>
    public required string Name { get; init; }

    /// <summary>The group's English name.</summary>
    public string? NameEnglish { get; init; }

    /// <summary>The categories of the group; their codes go into <see cref="TemplateDetails.CategoryCode"/>.</summary>
    public IReadOnlyList<TemplateSubcategory> Subcategories { get; init; } = [];
}

/// <summary>A template category (<c>KakaotalkTemplateSubcategoryDto</c>), e.g. <c>001001</c> 회원가입 / Join membership.</summary>
public sealed record TemplateSubcategory
{
    /// <summary>The 6-digit code (3-digit group + 3-digit item).</summary>
    public required string Code { get; init; }

    /// <summary>The Korean name.</summary>
    public required string Name { get; init; }

    /// <summary>The English name.</summary>
    public string? NameEnglish { get; init; }

    /// <summary>The group's name.</summary>
    public string? GroupName { get; init; }

    /// <summary>What templates of this category include.</summary>
    public string? Inclusion { get; init; }

    /// <summary>What they must not include.</summary>
    public string? Exclusion { get; init; }
}
