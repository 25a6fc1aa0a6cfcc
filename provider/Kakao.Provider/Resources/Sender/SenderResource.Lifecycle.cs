using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>Read (refresh, import), update, delete and the status messages of a sender.</summary>
internal sealed partial class SenderResource
{
    /// <summary>Reads the sender (refresh or import). Null when it no longer exists.</summary>
    public async Task<ReadResult<SenderInputs, SenderOutputs>?> ReadAsync(ReadRequest<SenderInputs, SenderOutputs> request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            throw new InvalidInputException("A KakaoTalk sender's id is its plusFriendId, e.g. \"@sinch-demo\"; the id given is empty.");
        }

        var projectOverride = NonEmpty(request.OldInputs.ProjectId);
        var projectId = projectOverride ?? NonEmpty(request.OldOutputs.ProjectId);
        SenderInputRules.RequireAddressable(request.Id, projectId);
        var client = clients.GetClient(projectId);
        var snapshot = await client.DescribeSenderAsync(request.Id.Trim(), cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var (inputs, outputs) = SenderSnapshots.Read(snapshot, client.ProjectId, projectOverride);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return new(inputs, outputs);
    }

    /// <summary>Updates the details (PATCH, submitted unless <c>submit</c> is false), then reads back.</summary>
    public async Task<SenderOutputs> UpdateAsync(UpdateRequest<SenderInputs, SenderOutputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.NewInputs;
        var client = clients.GetClient(inputs.ProjectId);
        var plusFriendId = string.IsNullOrEmpty(request.Id) ? inputs.PlusFriendId : request.Id;
        SenderInputRules.RequireAddressable(plusFriendId, null);
        KakaoSender updated;
        try
        {
            updated = await client.UpdateSenderAsync(
                plusFriendId,
                new UpdateSenderRequest
                {
                    Status = SenderSnapshots.Action(inputs),
                    Details = SenderSnapshots.ToDetails(inputs),
                    // Removing logoImage from the program must remove the logo, not leave it (and a diff) forever.
                    ClearLogoImage = inputs.LogoImage is null && NonEmpty(request.OldOutputs.LogoImage) is not null,
                },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode is SinchErrorCodes.SenderNotUpdatable or SinchErrorCodes.SenderChangesNotUpdatable)
        {
            var status = NonEmpty(request.OldOutputs.Status) ?? "in its current state";
            throw new ObjectNotUpdatableException(
                $"The KakaoTalk sender {plusFriendId} cannot be edited while it is {status}: {ex.ApiMessage} {ex.Resolution}".TrimEnd() +
                // Sinch's texts disagree (guide: REJECTED changes are editable; error text: only DRAFT), so say both.
                " Sinch's guide allows edits while the pending changes are DRAFT or REJECTED, or once the sender is ACTIVE; its error text names only DRAFT changes." +
                " Wait for the review or verification to finish (see `pulumi refresh`), then run `pulumi up` again.",
                ex);
        }

        var outputs = await ReadBackAsync(client, inputs, plusFriendId, updated, "updated", cancellationToken);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return outputs;
    }

    /// <summary>Deletes the sender; one that is gone already counts as deleted.</summary>
    public async Task DeleteAsync(DeleteRequest<SenderInputs, SenderOutputs> request, CancellationToken cancellationToken)
    {
        var projectId = NonEmpty(request.OldInputs.ProjectId) ?? NonEmpty(request.OldOutputs.ProjectId);
        SenderInputRules.RequireAddressable(request.Id, projectId);
        var client = clients.GetClient(projectId);
        try
        {
            await client.DeleteSenderAsync(request.Id, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode is SinchErrorCodes.SenderAlreadyDeleted or SinchErrorCodes.SenderNotFound)
        {
            // Already gone: the desired outcome. Only Sinch's own codes say so: a bare 404 from a gateway, a
            // proxy or a wrong route says nothing about the sender, and must not drop it from state.
        }
    }

    /// <summary>
    /// An update is a PATCH that sends the sender to review again: say so in the preview, where it can still be
    /// avoided. This matters most after the <c>import:</c> resource option, where the engine updates an
    /// imported sender straight away when the declaration differs from it.
    /// </summary>
    private Task WarnOfResubmissionAsync(PreviewRequest<SenderInputs> request, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrEmpty(request.Id) ? NonEmpty(request.Inputs.PlusFriendId) : request.Id;
        var sender = id ?? "this sender";
        var draft = !request.Facts.Unknowns.Contains(SenderInputs.WireNames.Submit) && !request.Inputs.Submit;
        return draft
            ? diagnostics.LogAsync(DiagnosticSeverity.Info, $"Updating sender {sender} saves the changes as a draft (submit: false); Sinch does not review them until submit is true.", request.Urn, ephemeral: false, cancellationToken)
            : diagnostics.LogAsync(
                DiagnosticSeverity.Warning,
                $"Updating sender {sender} resubmits it for review: its details are sent to Sinch again (PATCH) and changesStatus shows IN_PROGRESS until " +
                "Sinch decides (an ACTIVE sender stays active meanwhile). After an import, declare the values `pulumi import` generated to avoid this.",
                request.Urn,
                ephemeral: false,
                cancellationToken);
    }

    private async Task ReportStatusAsync(SenderOutputs outputs, string? urn, CancellationToken cancellationToken)
    {
        var id = outputs.PlusFriendId;
        var (severity, message) = outputs.Status switch
        {
            "DRAFT" => (DiagnosticSeverity.Info, $"Sender {id} is saved as a draft (submit: false); set submit to true to send it for review."),
            "IN_PROGRESS" => (DiagnosticSeverity.Info, $"Sender {id} was submitted and is waiting for review… run `pulumi refresh` later to see the outcome."),
            "REJECTED" => (DiagnosticSeverity.Warning, $"Sender {id} was rejected by review: {outputs.RejectionComment ?? "(no comment given)"}. Fix the inputs and run `pulumi up` to resubmit."),
            "PENDING_VERIFICATION" => (DiagnosticSeverity.Info, $"Sender {id} was approved; verify it with the one-time code sent to the admin phone (kakao CLI) to activate it."),
            "BLOCKED" or "SUSPENDED" => (DiagnosticSeverity.Warning, $"Sender {id} is {outputs.Status}."),
            _ when outputs.ChangesStatus == "REJECTED" => (DiagnosticSeverity.Warning, $"The latest changes of sender {id} were rejected: {outputs.RejectionComment ?? "(no comment given)"}."),
            _ when outputs.ChangesStatus == "IN_PROGRESS" => (DiagnosticSeverity.Info, $"Changes of sender {id} are waiting for review…"),
            _ => (DiagnosticSeverity.Debug, $"Sender {id} is {outputs.Status}."),
        };
        await diagnostics.LogAsync(severity, message, urn, ephemeral: false, cancellationToken);
    }
}
