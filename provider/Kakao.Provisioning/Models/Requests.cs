using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>Body of create sender (<c>KakaotalkInputSenderDto</c>).</summary>
public sealed record CreateSenderRequest
{
    /// <summary>The KakaoTalk channel search id (1..30 characters).</summary>
    public required string PlusFriendId { get; init; }

    /// <summary>SUBMIT (the API's default) or DRAFT.</summary>
    public SubmitAction Status { get; init; } = SubmitAction.Submit;

    /// <summary>Keep a draft when the submission fails.</summary>
    public bool SaveDraftOnFailure { get; init; }

    /// <summary>The details; all but the logo are required unless <see cref="Status"/> is DRAFT.</summary>
    public required SenderDetails Details { get; init; }
}

/// <summary>Body of update sender (<c>KakaotalkInputUpdateSenderDto</c>).</summary>
public sealed record UpdateSenderRequest
{
    /// <summary>
    /// SUBMIT or DRAFT. The API's own default is DRAFT, so the client always sends this field explicitly;
    /// ours defaults to SUBMIT, which is what a declarative tool means by "apply this".
    /// </summary>
    public SubmitAction Status { get; init; } = SubmitAction.Submit;

    /// <summary>Any subset of the details; null members are not sent.</summary>
    public SenderDetails? Details { get; init; }

    /// <summary>
    /// Removes the logo: sends <c>"logoImage": null</c> (a null <see cref="SenderDetails.LogoImage"/> alone means
    /// "leave it as it is"). <see cref="Details"/>' logo must then be null.
    /// </summary>
    public bool ClearLogoImage { get; init; }
}

/// <summary>Filters for listing senders.</summary>
public sealed record SenderListFilter
{
    /// <summary>Only senders in these live states.</summary>
    public IReadOnlyList<SenderState> States { get; init; } = [];

    /// <summary>Only senders whose pending changes have these statuses.</summary>
    public IReadOnlyList<ChangesStatus> Statuses { get; init; } = [];

    /// <summary>Page size asked of the API (1..100; default 50).</summary>
    public int? PageSize { get; init; }
}

/// <summary>One page of senders (<c>KakaotalkSenderListDto</c>).</summary>
public sealed record SenderPage
{
    /// <summary>Total number of senders matching the filter.</summary>
    public int TotalSize { get; init; }

    /// <summary>The page size the API used.</summary>
    public int PageSize { get; init; }

    /// <summary>The senders of this page.</summary>
    public IReadOnlyList<KakaoSender> Senders { get; init; } = [];

    /// <summary>Token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Token of the previous page.</summary>
    public string? PreviousPageToken { get; init; }
}

/// <summary>One page of a sender's activities (<c>KakaotalkSenderNotificationListDto</c>), newest first.</summary>
public sealed record SenderActivityPage
{
    /// <summary>Total number of activities.</summary>
    public int TotalSize { get; init; }

    /// <summary>The page size the API used.</summary>
    public int PageSize { get; init; }

    /// <summary>The activities of this page (the API calls them <c>notifications</c>).</summary>
    [JsonPropertyName("notifications")]
    public IReadOnlyList<SenderActivity> Activities { get; init; } = [];

    /// <summary>Token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Token of the previous page.</summary>
    public string? PreviousPageToken { get; init; }
}
