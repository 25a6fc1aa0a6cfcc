using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

public partial class ProvisioningClient
{
    /// <summary>Lists a template's activities, newest first, following every page.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<TemplateActivity> ListTemplateActivitiesAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        return Pager.AllAsync(
            (token, ct) => ListTemplateActivitiesPageAsync(plusFriendId, templateCode, token, null, ct),
            page => page.Activities,
            page => page.NextPageToken,
            cancellationToken);
    }

    /// <summary>Reads one page of a template's activities, newest first.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="pageToken">The previous page's <see cref="TemplateActivityPage.NextPageToken"/>, or null for the first.</param>
    /// <param name="pageSize">1..100, or null for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<TemplateActivityPage> ListTemplateActivitiesPageAsync(
        string plusFriendId,
        string templateCode,
        string? pageToken = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        InputChecks.PageSize(pageSize, nameof(pageSize));
        return GetAsync(ApiPaths.TemplateActivities(_projectId, plusFriendId, templateCode, pageSize, pageToken), Wire.TemplateActivityPage, cancellationToken);
    }

    /// <summary>
    /// Lists the comments of a template's dialogue with Kakao's reviewers (the activities that carry one:
    /// COMMENT_ADDED and REJECTED), newest first. The API has no separate comment listing.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<TemplateActivity> ListTemplateCommentsAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default) =>
        ListTemplateActivitiesAsync(plusFriendId, templateCode, cancellationToken)
            .Where(a => !string.IsNullOrWhiteSpace(a.Comment) && (a.Type == ActivityType.CommentAdded || a.Type == ActivityType.Rejected));

    /// <summary>
    /// Adds a comment to a template (e.g. an answer to a reviewer's question). After an ambiguous failure the
    /// newest activities are read: if the newest comment already has this text it is not sent again.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="comment">1..65535 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<TemplateComment> AddTemplateCommentAsync(string plusFriendId, string templateCode, string comment, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        InputChecks.Comment(comment, nameof(comment));
        var body = Json(new CommentBody(comment), Wire.CommentBody);
        var path = ApiPaths.Template(_projectId, plusFriendId, templateCode) + "/comments";
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "CommentTemplate",
                plusFriendId + "/" + templateCode,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body),
                (call, t) => SendForJsonAsync(call, Wire.TemplateComment, t),
                async t =>
                {
                    var page = await ListTemplateActivitiesPageAsync(plusFriendId, templateCode, null, 10, t);
                    var newest = page.Activities.FirstOrDefault(a => a.Type == ActivityType.CommentAdded);
                    return newest is not null && string.Equals(newest.Comment, comment, StringComparison.Ordinal)
                        ? new TemplateComment { Type = CommentType.Created, Comment = comment, Created = newest.Created }
                        : null;
                },
                token),
            cancellationToken);
    }

    /// <summary>Reads the template categories available to a sender (every page), whose codes go into <c>categoryCode</c>.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<TemplateCategory>> ListTemplateCategoriesAsync(string plusFriendId, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        var categories = new List<TemplateCategory>();
        await foreach (var category in Pager.AllAsync(
            (token, ct) => GetAsync(ApiPaths.TemplateCategories(_projectId, plusFriendId, TemplateLimits.MaxPageSize, token), Wire.TemplateCategoryPage, ct),
            page => page.Categories,
            page => page.NextPageToken,
            cancellationToken))
        {
            categories.Add(category);
        }

        return categories;
    }
}
