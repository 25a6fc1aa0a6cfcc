using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

public partial class ProvisioningClient
{
    private const int DescribeActivitiesPageSize = 100;

    /// <summary>Lists senders, following every page.</summary>
    /// <param name="filter">States, statuses and page size; null lists everything.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<KakaoSender> ListSendersAsync(SenderListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        InputChecks.PageSize(filter?.PageSize, nameof(filter));
        return Pager.AllAsync((token, ct) => ListSendersPageAsync(filter, token, ct), page => page.Senders, page => page.NextPageToken, cancellationToken);
    }

    /// <summary>Reads one page of senders.</summary>
    /// <param name="filter">States, statuses and page size; null lists everything.</param>
    /// <param name="pageToken">The <see cref="SenderPage.NextPageToken"/> of the previous page, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<SenderPage> ListSendersPageAsync(SenderListFilter? filter = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        InputChecks.PageSize(filter?.PageSize, nameof(filter));
        return GetAsync(ApiPaths.SenderList(_projectId, filter, pageToken), Wire.SenderPage, cancellationToken);
    }

    /// <summary>Reads a sender; 404 <c>sender_not_found</c> raises <see cref="ProvisioningApiException"/>.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoSender> GetSenderAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        return GetAsync(ApiPaths.Sender(_projectId, plusFriendId), Wire.KakaoSender, cancellationToken);
    }

    /// <summary>
    /// Reads a sender, or null when it does not exist (404 <c>sender_not_found</c>). Any other 404 — e.g. a wrong
    /// endpoint answering an HTML page — still raises, so a misconfiguration never looks like a deleted sender.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<KakaoSender?> TryGetSenderAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetSenderAsync(plusFriendId, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (IsSenderNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a sender with its first page of activities (up to 100, newest first), from which status and
    /// rejection derive; null when the sender does not exist.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<SenderSnapshot?> DescribeSenderAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        var sender = await TryGetSenderAsync(plusFriendId, cancellationToken);
        if (sender is null)
        {
            return null;
        }

        try
        {
            var activities = await ListSenderActivitiesPageAsync(plusFriendId, null, DescribeActivitiesPageSize, cancellationToken);
            return new SenderSnapshot(sender, activities.Activities);
        }
        catch (ProvisioningApiException ex) when (IsSenderNotFound(ex))
        {
            // Deleted between the two reads.
            return null;
        }
    }

    /// <summary>Creates a sender (never sent twice: an ambiguous failure is reconciled with a GET).</summary>
    /// <param name="request">plusFriendId, SUBMIT or DRAFT, and the details.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoSender> CreateSenderAsync(CreateSenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InputChecks.PlusFriendId(request.PlusFriendId, nameof(request) + ".PlusFriendId");
        InputChecks.Details(request.Details, requireAll: request.Status != SubmitAction.Draft, nameof(request) + ".Details");
        var body = Json(request, Wire.CreateSenderRequest);
        var path = ApiPaths.Senders(_projectId);
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Create",
                request.PlusFriendId,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body) { ExtraSecrets = PersonalData(request.Details) },
                (call, t) => SendForJsonAsync(call, Wire.KakaoSender, t),
                async t =>
                {
                    var existing = await TryGetSenderAsync(request.PlusFriendId, t);
                    if (existing is null || SenderMatching.CreateApplied(existing, request))
                    {
                        return existing;
                    }

                    throw new ProvisioningApiException(
                        409,
                        SinchErrorCodes.PlusFriendIdUsed,
                        $"A sender '{request.PlusFriendId}' exists with other details than the ones submitted (found while checking an unanswered create).",
                        "Import or update the existing sender, or choose another plusFriendId.");
                },
                token),
            cancellationToken);
    }

    /// <summary>
    /// Updates a sender (PATCH, <c>status</c> always sent explicitly because the API's own default is DRAFT).
    /// An ambiguous failure is reconciled with a GET like a create.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="request">SUBMIT or DRAFT and the details to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoSender> UpdateSenderAsync(string plusFriendId, UpdateSenderRequest request, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        ArgumentNullException.ThrowIfNull(request);
        InputChecks.Details(request.Details, requireAll: false, nameof(request) + ".Details");
        if (request.ClearLogoImage && request.Details?.LogoImage is not null)
        {
            throw new ArgumentException("ClearLogoImage removes the logo: Details.LogoImage must be null with it.", nameof(request) + ".ClearLogoImage");
        }

        var body = Json(new UpdateSenderBody(request.Status, request.Details), Wire.UpdateSenderBody);
        if (request.ClearLogoImage)
        {
            body = WireNulls.WithNull(body, "details", "logoImage");
        }

        var path = ApiPaths.Sender(_projectId, plusFriendId);
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Update",
                plusFriendId,
                () => new ApiRequest(HttpMethod.Patch, path, RetryMode.OnlyWhenUnprocessed, body) { ExtraSecrets = PersonalData(request.Details) },
                (call, t) => SendForJsonAsync(call, Wire.KakaoSender, t),
                async t => await TryGetSenderAsync(plusFriendId, t) is { } sender && SenderMatching.UpdateApplied(sender, request) ? sender : null,
                token),
            cancellationToken);
    }

    /// <summary>
    /// Deletes a sender. Retried like a read; a retry answered <c>sender_not_found</c> or <c>sender_already_deleted</c> after an
    /// unanswered attempt counts as success.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteSenderAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        return DeleteAsync(ApiPaths.Sender(_projectId, plusFriendId), ex => ex.ErrorCode is SinchErrorCodes.SenderNotFound or SinchErrorCodes.SenderAlreadyDeleted, cancellationToken);
    }

    /// <summary>Discards the pending changes (only DRAFT or REJECTED).</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteSenderChangesAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        return DeleteAsync(ApiPaths.Sender(_projectId, plusFriendId) + "/changes", ex => ex.ErrorCode == SinchErrorCodes.SenderChangesNotFound, cancellationToken);
    }

    /// <summary>Lists a sender's activities, newest first, following every page.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<SenderActivity> ListSenderActivitiesAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        return Pager.AllAsync((token, ct) => ListSenderActivitiesPageAsync(plusFriendId, token, null, ct), page => page.Activities, page => page.NextPageToken, cancellationToken);
    }

    /// <summary>Reads one page of a sender's activities, newest first.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="pageToken">The previous page's <see cref="SenderActivityPage.NextPageToken"/>, or null for the first.</param>
    /// <param name="pageSize">1..100, or null for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<SenderActivityPage> ListSenderActivitiesPageAsync(
        string plusFriendId,
        string? pageToken = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        InputChecks.PageSize(pageSize, nameof(pageSize));
        return GetAsync(ApiPaths.Activities(_projectId, plusFriendId, pageSize, pageToken), Wire.SenderActivityPage, cancellationToken);
    }

    /// <summary>
    /// Adds a comment to a sender. After an ambiguous failure the newest activities are read: if the newest
    /// comment already has this text it is not sent again.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="comment">1..65535 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<SenderComment> AddSenderCommentAsync(string plusFriendId, string comment, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        InputChecks.Comment(comment, nameof(comment));
        var body = Json(new CommentBody(comment), Wire.CommentBody);
        var path = ApiPaths.Sender(_projectId, plusFriendId) + "/comments";
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Comment",
                plusFriendId,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body),
                (call, t) => SendForJsonAsync(call, Wire.SenderComment, t),
                async t =>
                {
                    var page = await ListSenderActivitiesPageAsync(plusFriendId, null, 10, t);
                    var newest = page.Activities.FirstOrDefault(a => a.Type == ActivityType.CommentAdded);
                    return newest is not null && string.Equals(newest.Comment, comment, StringComparison.Ordinal)
                        ? new SenderComment { Type = CommentType.Created, Comment = comment, Created = newest.Created }
                        : null;
                },
                token),
            cancellationToken);
    }

    /// <summary>
    /// Starts verification: a one-time code is sent to the admin phone (state VERIFYING). After an ambiguous
    /// failure, a sender found VERIFYING counts as registered (no second code is requested).
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoSender> RegisterSenderAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        var path = ApiPaths.Sender(_projectId, plusFriendId) + "/register";
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Register",
                plusFriendId,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed),
                (call, t) => SendForJsonAsync(call, Wire.KakaoSender, t),
                async t => await TryGetSenderAsync(plusFriendId, t) is { State: { } state } sender && state == SenderState.Verifying ? sender : null,
                token),
            cancellationToken);
    }

    /// <summary>
    /// Completes verification with the one-time code (sent as a JSON number; never logged). After an ambiguous
    /// failure, a sender found ACTIVE counts as verified.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="code">The 6-digit code (0..999999).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoSender> VerifySenderAsync(string plusFriendId, int code, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        InputChecks.OtpCode(code, nameof(code));
        var body = Json(new VerifySenderBody(code), Wire.VerifySenderBody);
        var path = ApiPaths.Sender(_projectId, plusFriendId) + "/verify";
        string[] secrets = [code.ToString(System.Globalization.CultureInfo.InvariantCulture), code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)];
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "Verify",
                plusFriendId,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body) { ExtraSecrets = secrets },
                (call, t) => SendForJsonAsync(call, Wire.KakaoSender, t),
                async t => await TryGetSenderAsync(plusFriendId, t) is { State: { } state } sender && state == SenderState.Active ? sender : null,
                token),
            cancellationToken);
    }

    /// <summary>Reads the sender category tree.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<SenderCategory>> ListSenderCategoriesAsync(CancellationToken cancellationToken = default)
    {
        var list = await GetAsync(ApiPaths.Categories(_projectId), Wire.SenderCategoryList, cancellationToken);
        return list.Categories;
    }

    // An error text echoing the admin phone number must not carry it into exceptions or logs.
    private static string[] PersonalData(SenderDetails? details) =>
        details?.AdminPhoneNo is { Length: > 0 } phone ? [phone, phone.TrimStart('+')] : [];

    private static bool IsSenderNotFound(ProvisioningApiException ex) => ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.SenderNotFound;

    private Task DeleteAsync(string path, Func<ProvisioningApiException, bool> meansAlreadyDone, CancellationToken cancellationToken) =>
        _transport.RunAsync<object?>(
            async token =>
            {
                var request = new ApiRequest(HttpMethod.Delete, path, RetryMode.Idempotent);
                try
                {
                    await SendForNoContentAsync(request, token);
                }
                catch (ProvisioningApiException ex) when (request.HadAmbiguousAttempt && meansAlreadyDone(ex))
                {
                    // An earlier attempt whose answer was lost did the deletion.
                }

                return null;
            },
            cancellationToken);
}
