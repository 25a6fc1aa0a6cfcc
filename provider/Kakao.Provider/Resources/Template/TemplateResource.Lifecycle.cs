using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Template;

/// <summary>Read (refresh, import), update, delete and the status messages of a template.</summary>
internal sealed partial class TemplateResource
{
    /// <summary>Reads the template (refresh or import); null when it (or its sender) no longer exists.</summary>
    public async Task<ReadResult<TemplateInputs, TemplateOutputs>?> ReadAsync(ReadRequest<TemplateInputs, TemplateOutputs> request, CancellationToken cancellationToken)
    {
        var (plusFriendId, code) = TemplateId.Parse(request.Id);
        code = NonEmpty(code) ?? NonEmpty(request.OldOutputs.Code) ?? "";
        var projectOverride = NonEmpty(request.OldInputs.ProjectId);
        var client = clients.GetClient(projectOverride ?? NonEmpty(request.OldOutputs.ProjectId));
        TemplateSnapshot? snapshot;
        try
        {
            if (code.Length == 0)
            {
                // A create of unknown outcome: the template, if it exists, is found by its unique name.
                var name = NonEmpty(request.OldInputs.Name) ?? NonEmpty(request.OldOutputs.Name);
                var found = name is null ? null : await client.FindTemplateByNameAsync(plusFriendId, name, cancellationToken);
                code = found?.Code ?? "";
            }

            snapshot = code.Length == 0 ? null : await client.DescribeTemplateAsync(plusFriendId, code, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.SenderNotFound)
        {
            // The sender is gone, and its templates with it.
            snapshot = null;
        }

        if (snapshot is null)
        {
            return null;
        }

        var (inputs, outputs) = TemplateSnapshots.Read(snapshot, client.ProjectId, projectOverride, request.OldInputs.SaveDraftOnFailure);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return new(inputs, outputs);
    }

    /// <summary>
    /// Updates the template (PATCH, submitted unless <c>submit</c> is false). The live template is read first: an
    /// edit the API is sure to refuse (Kakao inspecting it) is never sent.
    /// </summary>
    public async Task<TemplateOutputs> UpdateAsync(UpdateRequest<TemplateInputs, TemplateOutputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.NewInputs;
        var (plusFriendId, idCode) = TemplateId.Parse(request.Id);
        var code = NonEmpty(request.OldOutputs.Code) ?? idCode;
        var client = clients.GetClient(inputs.ProjectId);
        var live = await client.GetTemplateAsync(plusFriendId, code, cancellationToken);
        if (TemplateLifecycle.EditBlocker(live) is { } blocker)
        {
            throw new ObjectNotUpdatableException($"Template {code} (\"{inputs.Name}\") cannot be edited now: {blocker}. Run `pulumi refresh` to see its status, then `pulumi up` again.");
        }

        KakaoTemplate updated;
        try
        {
            updated = await client.UpdateTemplateAsync(
                plusFriendId,
                code,
                new UpdateTemplateRequest
                {
                    Status = TemplateSnapshots.Action(inputs),
                    Details = TemplateSnapshots.ToDetails(inputs, create: false),
                    Clear = TemplateSnapshots.Cleared(inputs, request.OldOutputs),
                },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode is SinchErrorCodes.TemplateNotUpdatable or SinchErrorCodes.TemplateChangesNotUpdatable)
        {
            throw new ObjectNotUpdatableException(
                $"Template {code} (\"{inputs.Name}\") cannot be edited now: {ex.ApiMessage} {ex.Resolution} Wait for Kakao's inspection to finish (`pulumi refresh` shows it), then run `pulumi up` again.",
                ex);
        }

        var outputs = await ReadBackAsync(client, inputs, updated, "updated", cancellationToken);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return outputs;
    }

    /// <summary>Deletes the template; one already gone (<c>template_not_found</c>) counts as deleted, any other 404 does not.</summary>
    public async Task DeleteAsync(DeleteRequest<TemplateInputs, TemplateOutputs> request, CancellationToken cancellationToken)
    {
        var (plusFriendId, idCode) = TemplateId.Parse(request.Id);
        var client = clients.GetClient(NonEmpty(request.OldInputs.ProjectId) ?? NonEmpty(request.OldOutputs.ProjectId));
        var code = NonEmpty(request.OldOutputs.Code) ?? NonEmpty(idCode);
        if (code is null)
        {
            var name = NonEmpty(request.OldInputs.Name) ?? NonEmpty(request.OldOutputs.Name);
            code = name is null ? null : (await client.FindTemplateByNameAsync(plusFriendId, name, cancellationToken))?.Code;
            if (code is null)
            {
                return;
            }
        }

        try
        {
            await client.DeleteTemplateAsync(plusFriendId, code, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.TemplateNotFound)
        {
            // Already gone: the desired outcome. Only Sinch's own code says so.
        }
    }

    private async Task ReportStatusAsync(TemplateOutputs outputs, string? urn, CancellationToken cancellationToken)
    {
        var name = $"Template {outputs.Code} (\"{outputs.Name}\")";
        var status = new TemplateStatus(outputs.Status);
        var (severity, message) = status switch
        {
            _ when status == TemplateStatus.Draft => (DiagnosticSeverity.Info, $"{name} is saved as a draft (submit: false); set submit to true to send it to Kakao's inspection."),
            _ when status == TemplateStatus.InProgress => (DiagnosticSeverity.Info, $"{name} was submitted and Kakao is inspecting it… run `pulumi refresh` later to see the verdict."),
            _ when status == TemplateStatus.Rejected => (DiagnosticSeverity.Warning, $"{name} was rejected by Kakao: {outputs.Comment ?? "(no comment given)"}. Fix the inputs and run `pulumi up` to resubmit (`kakao templates comment` answers the reviewer)."),
            _ when status == TemplateStatus.ApprovedChangesRejected => (DiagnosticSeverity.Warning, $"The latest edits of {name} were rejected (the approved version stays in use): {outputs.Comment ?? "(no comment given)"}."),
            _ when status == TemplateStatus.ApprovedChangesInProgress => (DiagnosticSeverity.Info, $"Edits of {name} are being inspected; the approved version stays in use meanwhile."),
            _ => (DiagnosticSeverity.Debug, $"{name} is {outputs.Status}."),
        };
        await diagnostics.LogAsync(severity, message, urn, ephemeral: false, cancellationToken);
    }
}
