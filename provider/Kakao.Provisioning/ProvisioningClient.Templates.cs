using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

public partial class ProvisioningClient
{
    private const int FindByNamePageSize = 1000;

    /// <summary>Lists a sender's templates (alphabetical), following every page.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="filter">States, statuses, name prefix and page size (1..1000); null lists everything.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<KakaoTemplate> ListTemplatesAsync(string plusFriendId, TemplateListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.ListPageSize(filter?.PageSize, nameof(filter));
        return Pager.AllAsync((token, ct) => ListTemplatesPageAsync(plusFriendId, filter, token, ct), page => page.Templates, page => page.NextPageToken, cancellationToken);
    }

    /// <summary>Reads one page of a sender's templates.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="filter">States, statuses, name prefix and page size (1..1000); null lists everything.</param>
    /// <param name="pageToken">The previous page's <see cref="TemplatePage.NextPageToken"/>, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<TemplatePage> ListTemplatesPageAsync(
        string plusFriendId,
        TemplateListFilter? filter = null,
        string? pageToken = null,
        CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.ListPageSize(filter?.PageSize, nameof(filter));
        return GetAsync(ApiPaths.TemplateList(_projectId, plusFriendId, filter, pageToken), Wire.TemplatePage, cancellationToken);
    }

    /// <summary>Reads a template; 404 <c>template_not_found</c> raises <see cref="ProvisioningApiException"/>.</summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoTemplate> GetTemplateAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        return GetAsync(ApiPaths.Template(_projectId, plusFriendId, templateCode), Wire.KakaoTemplate, cancellationToken);
    }

    /// <summary>
    /// Reads a template, or null when it does not exist (404 <c>template_not_found</c>). Any other 404 — the
    /// sender gone (<c>sender_not_found</c>), a wrong endpoint — still raises.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<KakaoTemplate?> TryGetTemplateAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetTemplateAsync(plusFriendId, templateCode, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (IsTemplateNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a template with its first page of activities (up to 100, newest first), from which the inspection
    /// status and the reviewer's comment derive; null when the template does not exist.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<TemplateSnapshot?> DescribeTemplateAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        var template = await TryGetTemplateAsync(plusFriendId, templateCode, cancellationToken);
        if (template is null)
        {
            return null;
        }

        try
        {
            var activities = await ListTemplateActivitiesPageAsync(plusFriendId, templateCode, null, TemplateLimits.MaxPageSize, cancellationToken);
            return new TemplateSnapshot(plusFriendId, template, activities.Activities);
        }
        catch (ProvisioningApiException ex) when (IsTemplateNotFound(ex))
        {
            // Deleted between the two reads.
            return null;
        }
    }

    /// <summary>
    /// Finds a template by its name, which is unique among the sender's templates (the API's prefix filter, then
    /// an exact, case-sensitive match of the current name: pending, else inspected); null when there is none.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="name">The template's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<KakaoTemplate?> FindTemplateByNameAsync(string plusFriendId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var filter = new TemplateListFilter { NamePrefix = name, PageSize = FindByNamePageSize };
        await foreach (var template in ListTemplatesAsync(plusFriendId, filter, cancellationToken))
        {
            var current = template.Changes?.Details?.Name ?? template.Details?.Name;
            if (string.Equals(current, name, StringComparison.Ordinal))
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>
    /// Creates a template (SUBMIT for Kakao's inspection, or DRAFT). Never sent twice: after an ambiguous failure
    /// the template is looked up by its unique name. A refused submission with <c>SaveDraftOnFailure</c> raises
    /// with <see cref="ProvisioningApiException.SavedDraftTemplateCode"/> naming the draft that was kept.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId (the sender must be ACTIVE).</param>
    /// <param name="request">SUBMIT or DRAFT, saveDraftOnFailure and the details.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoTemplate> CreateTemplateAsync(string plusFriendId, CreateTemplateRequest request, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Create(request, nameof(request));
        var name = request.Details.Name!;
        var body = Json(new CreateTemplateBody(request.Status, request.SaveDraftOnFailure, request.Details), Wire.CreateTemplateBody);
        var path = ApiPaths.Templates(_projectId, plusFriendId);
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "CreateTemplate",
                plusFriendId + "/" + name,
                () => new ApiRequest(HttpMethod.Post, path, RetryMode.OnlyWhenUnprocessed, body),
                (call, t) => SendForJsonAsync(call, Wire.KakaoTemplate, t),
                async t =>
                {
                    var existing = await FindTemplateByNameAsync(plusFriendId, name, t);
                    if (existing is null || TemplateMatching.CreateApplied(existing, request))
                    {
                        return existing;
                    }

                    if (existing.Changes?.Status == ChangesStatus.Draft && TemplateMatching.Same(existing.Changes.Details, request.Details, TemplateClearableFields.None))
                    {
                        // The submission did not go through, but its draft was kept: not applied, and not to be re-sent.
                        return null;
                    }

                    throw new ProvisioningApiException(
                        409,
                        SinchErrorCodes.TemplateExists,
                        $"A template named '{name}' exists with other details than the ones submitted (found while checking an unanswered create); its code is {existing.Code}.",
                        "Import or update the existing template, or choose another name.");
                },
                token),
            cancellationToken);
    }

    /// <summary>
    /// Updates a template (PATCH; <c>status</c> always sent explicitly because the API's own default is DRAFT;
    /// <see cref="UpdateTemplateRequest.Clear"/> sends explicit nulls). An ambiguous failure is reconciled with a GET.
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="request">SUBMIT or DRAFT, the details to change and the fields to clear.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<KakaoTemplate> UpdateTemplateAsync(
        string plusFriendId,
        string templateCode,
        UpdateTemplateRequest request,
        CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        TemplateInputChecks.Update(request, nameof(request));
        var body = WireNulls.WithNulls(Json(new UpdateTemplateBody(request.Status, request.Details), Wire.UpdateTemplateBody), "details", ClearedNames(request.Clear));
        var path = ApiPaths.Template(_projectId, plusFriendId, templateCode);
        return _transport.RunAsync(
            token => _writer.WriteAsync(
                "UpdateTemplate",
                plusFriendId + "/" + templateCode,
                () => new ApiRequest(HttpMethod.Patch, path, RetryMode.OnlyWhenUnprocessed, body),
                (call, t) => SendForJsonAsync(call, Wire.KakaoTemplate, t),
                async t => await TryGetTemplateAsync(plusFriendId, templateCode, t) is { } held && TemplateMatching.UpdateApplied(held, request) ? held : null,
                token),
            cancellationToken);
    }

    /// <summary>
    /// Deletes a template. Retried like a read; a retry answered <c>template_not_found</c> after an unanswered
    /// attempt counts as success (a first answer <c>template_not_found</c> raises: the caller decides).
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteTemplateAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        return DeleteAsync(ApiPaths.Template(_projectId, plusFriendId, templateCode), IsTemplateNotFound, cancellationToken);
    }

    /// <summary>
    /// Discards a template's pending changes; only changes not yet submitted to Kakao (409
    /// <c>template_not_deletable</c> otherwise). A retry answered <c>template_not_found</c> after an unanswered
    /// attempt counts as success (a never-submitted template is nothing but its draft).
    /// </summary>
    /// <param name="plusFriendId">The sender's plusFriendId.</param>
    /// <param name="templateCode">The template's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteTemplateChangesAsync(string plusFriendId, string templateCode, CancellationToken cancellationToken = default)
    {
        InputChecks.PlusFriendId(plusFriendId, nameof(plusFriendId));
        TemplateInputChecks.Code(templateCode, nameof(templateCode));
        return DeleteAsync(ApiPaths.Template(_projectId, plusFriendId, templateCode) + "/changes", IsTemplateNotFound, cancellationToken);
    }

    private static bool IsTemplateNotFound(ProvisioningApiException ex) => ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.TemplateNotFound;

    private static List<string> ClearedNames(TemplateClearableFields clear)
    {
        var names = new List<string>();
        void Add(TemplateClearableFields field, string name)
        {
            if (clear.HasFlag(field))
            {
                names.Add(name);
            }
        }

        Add(TemplateClearableFields.Extra, "extra");
        Add(TemplateClearableFields.Title, "title");
        Add(TemplateClearableFields.Subtitle, "subtitle");
        Add(TemplateClearableFields.ImageName, "imageName");
        Add(TemplateClearableFields.ImageUrl, "imageUrl");
        Add(TemplateClearableFields.Buttons, "buttons");
        return names;
    }
}
