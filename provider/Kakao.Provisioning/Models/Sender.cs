namespace Kakao.Provisioning.Models;

/// <summary>A KakaoTalk sender as the Provisioning API returns it (<c>KakaotalkSenderDto</c>).</summary>
public sealed record KakaoSender
{
    /// <summary>Sinch's identifier of the sender (a UUID).</summary>
    public string? Id { get; init; }

    /// <summary>The KakaoTalk channel search id; the sender's key in every path.</summary>
    public required string PlusFriendId { get; init; }

    /// <summary>The live state; absent while the first submission is still being reviewed.</summary>
    public SenderState? State { get; init; }

    /// <summary>The approved details; absent until the first approval.</summary>
    public SenderDetails? Details { get; init; }

    /// <summary>The pending submission (draft, in review or rejected), if any.</summary>
    public SenderChanges? Changes { get; init; }

    /// <summary>When the sender was created (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the sender was last modified (UTC).</summary>
    public DateTimeOffset? Modified { get; init; }
}

/// <summary>Sender details (<c>KakaotalkSenderDetailsDto</c> / <c>KakaotalkSenderChangesDetailsDto</c>).</summary>
public sealed record SenderDetails
{
    /// <summary>The admin phone number that receives the one-time code (personal data).</summary>
    public string? AdminPhoneNo { get; init; }

    /// <summary>The sender's display name.</summary>
    public string? Name { get; init; }

    /// <summary>URL of a JPEG/PNG logo (at most 5 MB).</summary>
    public string? LogoImage { get; init; }

    /// <summary>Top-level category code (3 digits).</summary>
    public string? TopLevelCategoryCode { get; init; }

    /// <summary>Mid-level category code (4 digits).</summary>
    public string? MidLevelCategoryCode { get; init; }

    /// <summary>Sub-level category code (4 digits).</summary>
    public string? SubLevelCategoryCode { get; init; }

    /// <summary>Renders the details without the admin phone number, which is personal data.</summary>
    public override string ToString() =>
        $"SenderDetails {{ Name = {Name}, Categories = {TopLevelCategoryCode}/{MidLevelCategoryCode}/{SubLevelCategoryCode}, LogoImage = {LogoImage}, AdminPhoneNo = *** }}";
}

/// <summary>A pending submission of a sender (<c>KakaotalkSenderChangesDto</c>).</summary>
public sealed record SenderChanges
{
    /// <summary>DRAFT, IN_PROGRESS or REJECTED (or a value the API adds later).</summary>
    public required ChangesStatus Status { get; init; }

    /// <summary>The submitted details.</summary>
    public SenderDetails? Details { get; init; }
}

/// <summary>One entry of a sender's activity log (<c>KakaotalkSenderNotificationDto</c>), newest first.</summary>
public sealed record SenderActivity
{
    /// <summary>What happened.</summary>
    public required ActivityType Type { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Who did it.</summary>
    public string? Author { get; init; }

    /// <summary>The comment, e.g. a rejection reason.</summary>
    public string? Comment { get; init; }
}

/// <summary>A comment added to a sender (<c>KakaotalkCommentDto</c>).</summary>
public sealed record SenderComment
{
    /// <summary>Always <c>CREATED</c> today.</summary>
    public CommentType? Type { get; init; }

    /// <summary>The comment text.</summary>
    public required string Comment { get; init; }

    /// <summary>When it was added (UTC).</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>A node of the sender category tree (<c>KakaotalkSenderCategoryDto</c>).</summary>
public sealed record SenderCategory
{
    /// <summary>Code of the parent node; empty for top-level categories.</summary>
    public string ParentCode { get; init; } = "";

    /// <summary>1 (top, 3 digits), 2 (mid, 4 digits) or 3 (sub, 4 digits).</summary>
    public int Depth { get; init; }

    /// <summary>The category code.</summary>
    public required string Code { get; init; }

    /// <summary>The category name (Korean).</summary>
    public required string Name { get; init; }

    /// <summary>Child categories.</summary>
    public IReadOnlyList<SenderCategory> Subcategories { get; init; } = [];
}
