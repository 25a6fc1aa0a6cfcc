using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Template;

/// <summary>
/// The lifecycle of <c>kakao:index:KakaoTemplate</c>. The id is <c>{plusFriendId}/{code}</c>. Check is the
/// layer's default plus <see cref="TemplateRules"/>; Diff adds the rules of <see cref="TemplateDiff"/>; create and
/// its safety net are here, the rest in the other part.
/// </summary>
[Resource("kakao:index:KakaoTemplate", Description = TemplateDocs.Resource)]
internal sealed partial class TemplateResource(ConfiguredClients clients, IEngineDiagnostics diagnostics)
    : IResource<TemplateInputs, TemplateOutputs>, ICheck<TemplateInputs>, IDiff<TemplateInputs, TemplateOutputs>,
        IRead<TemplateInputs, TemplateOutputs>, IUpdate<TemplateInputs, TemplateOutputs>, IDelete<TemplateInputs, TemplateOutputs>,
        IDerivedSecrets
{
    /// <summary>How long the read-back after a cancelled or timed-out create may take (the plugin is shutting down).</summary>
    internal static readonly TimeSpan InterruptedCreateReadBack = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the read-back after an unanswered create may take.</summary>
    internal static readonly TimeSpan UnconfirmedCreateReadBack = TimeSpan.FromSeconds(5);

    public IEnumerable<CheckFailure> Check(CheckRequest<TemplateInputs> request) => TemplateRules.Check(request);

    /// <summary>The variables are read off the content: secret with it.</summary>
    public IEnumerable<string> DerivedSecrets(IReadOnlySet<string> secretInputs) =>
        secretInputs.Contains(TemplateInputs.WireNames.Content) ? [TemplateOutputs.WireNames.Variables] : [];

    public DiffResult Diff(DiffRequest<TemplateInputs, TemplateOutputs> request) => TemplateDiff.Adjust(request, clients.Configuration?.ProjectId);

    /// <summary>Creates the template (a preview never gets here).</summary>
    public async Task<CreateResult<TemplateOutputs>> CreateAsync(CreateRequest<TemplateInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var client = clients.GetClient(inputs.ProjectId);
        KakaoTemplate created;
        try
        {
            created = await client.CreateTemplateAsync(
                inputs.PlusFriendId,
                new CreateTemplateRequest { Status = TemplateSnapshots.Action(inputs), SaveDraftOnFailure = inputs.SaveDraftOnFailure, Details = TemplateSnapshots.ToDetails(inputs, create: true) },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.SavedDraftTemplateCode is { } draftCode)
        {
            // Kakao refused the submission but the draft was kept: record it, so the next `pulumi up` resubmits it.
            throw await KeepDraftAsync(client, inputs, draftCode, ex);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.TemplateExists)
        {
            var existing = await TryFindAsync(client, inputs, cancellationToken);
            var id = existing is null ? $"{inputs.PlusFriendId}/<code>" : TemplateId.Format(inputs.PlusFriendId, existing.Code);
            throw new ObjectAlreadyExistsException(
                $"Sender {inputs.PlusFriendId} already has a template named \"{inputs.Name}\" (names are unique per sender). " +
                $"To manage it, import it: `pulumi import kakao:index:KakaoTemplate <name> {id}`, or choose another name.",
                ex);
        }
        catch (ProvisioningApiException ex) when (ex.Status is >= 400 and < 500 && ex.Status != 429)
        {
            // Templates exist only for ACTIVE senders: say where the sender stands and what to do next.
            if (await SenderNotActiveAsync(client, inputs.PlusFriendId, ex, cancellationToken) is { } notActive)
            {
                throw notActive;
            }

            throw;
        }
        catch (Exception ex) when (MayHaveBeenApplied(ex))
        {
            if (await KeepIfCreatedAsync(client, inputs, ex) is { } kept)
            {
                throw kept;
            }

            throw;
        }

        var outputs = await ReadBackAsync(client, inputs, created, "created", cancellationToken);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return new(TemplateId.Format(inputs.PlusFriendId, created.Code), outputs);
    }

    private static bool MayHaveBeenApplied(Exception ex) => ex is OperationCanceledException
        || ex is ProvisioningApiException { OutcomeUnknown: true }
        || ex is ProvisioningApiException { Status: 0, ErrorCode: ProvisioningApiException.TimeoutErrorCode };

    private static async Task<Exception?> SenderNotActiveAsync(ProvisioningClient client, string plusFriendId, ProvisioningApiException failure, CancellationToken cancellationToken)
    {
        SenderSnapshot? sender;
        try
        {
            sender = await client.DescribeSenderAsync(plusFriendId, cancellationToken);
        }
        catch (ProvisioningApiException)
        {
            return null;
        }

        if (sender is null)
        {
            return new ObjectNotFoundException(
                $"Sender {plusFriendId} does not exist in project {client.ProjectId}: declare it (kakao:index:KakaoSender) or fix plusFriendId. Sinch said: {failure.ApiMessage}");
        }

        if (sender.Status == SenderStatus.Active)
        {
            return null;
        }

        return new ObjectNotUpdatableException(
            $"Templates can be created only for an ACTIVE sender; sender {plusFriendId} is {sender.Status}. " +
            (sender.Status == SenderStatus.PendingVerification || sender.Status == SenderStatus.Verifying
                ? "Verify it with the one-time code sent to the admin phone (`kakao verify`), then run `pulumi up` again."
                : sender.Status == SenderStatus.InProgress || sender.Status == SenderStatus.Draft
                    ? "Wait for Sinch's review (`pulumi refresh` shows it), verify it (`kakao verify`), then run `pulumi up` again."
                    : "Resolve the sender's status first (`kakao status`), then run `pulumi up` again.") +
            $" Sinch said: {failure.ApiMessage}",
            failure);
    }

    private static async Task<KakaoTemplate?> TryFindAsync(ProvisioningClient client, TemplateInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            return await client.FindTemplateByNameAsync(inputs.PlusFriendId, inputs.Name, cancellationToken);
        }
        catch (ProvisioningApiException)
        {
            return null;
        }
    }

    private static async Task<KeptResourceException> KeepDraftAsync(ProvisioningClient client, TemplateInputs inputs, string code, ProvisioningApiException refusal)
    {
        TemplateOutputs outputs;
        using var bound = new CancellationTokenSource(UnconfirmedCreateReadBack);
        try
        {
            var snapshot = await client.DescribeTemplateAsync(inputs.PlusFriendId, code, bound.Token);
            outputs = snapshot is null
                ? TemplateSnapshots.Unconfirmed(inputs, client.ProjectId) with { Code = code }
                : TemplateSnapshots.Read(snapshot, client.ProjectId, inputs.ProjectId, inputs.SaveDraftOnFailure).Outputs;
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            outputs = TemplateSnapshots.Unconfirmed(inputs, client.ProjectId) with { Code = code };
        }

        return new KeptResourceException(
            TemplateId.Format(inputs.PlusFriendId, code),
            outputs,
            [$"Kakao refused the submission of template \"{inputs.Name}\": {refusal.ApiMessage} It was kept as a draft ({code}, saveDraftOnFailure) and is recorded in state: fix the inputs and run `pulumi up` to resubmit it."],
            refusal);
    }

    /// <summary>
    /// After a create that may have reached Sinch: finds the template by its unique name on a fresh, short token.
    /// Returns the error that keeps it in state when it exists or its existence cannot be ruled out; null when it
    /// is confirmed absent.
    /// </summary>
    private static async Task<KeptResourceException?> KeepIfCreatedAsync(ProvisioningClient client, TemplateInputs inputs, Exception failure)
    {
        bool interrupted = failure is OperationCanceledException;
        var what = interrupted ? "was cancelled or timed out" : "got no confirmed answer";
        var bound = interrupted ? InterruptedCreateReadBack : UnconfirmedCreateReadBack;
        using var readBack = new CancellationTokenSource(bound);
        TemplateSnapshot? snapshot = null;
        try
        {
            if (await client.FindTemplateByNameAsync(inputs.PlusFriendId, inputs.Name, readBack.Token) is { } found)
            {
                snapshot = await client.DescribeTemplateAsync(inputs.PlusFriendId, found.Code, readBack.Token) ?? new TemplateSnapshot(inputs.PlusFriendId, found, []);
            }
        }
        catch (Exception readFailure) when (readFailure is ProvisioningApiException or OperationCanceledException)
        {
            return new KeptResourceException(
                TemplateId.Format(inputs.PlusFriendId, ""),
                TemplateSnapshots.Unconfirmed(inputs, client.ProjectId),
                [$"The create of template \"{inputs.Name}\" of sender {inputs.PlusFriendId} {what} after its request may have reached Sinch, and looking it up failed too. " +
                 "It is kept in state so it cannot be lost; run `pulumi refresh` to find it by its name (a template that does not exist is dropped)."],
                failure);
        }

        if (snapshot is null)
        {
            return null;
        }

        var (_, outputs) = TemplateSnapshots.Read(snapshot, client.ProjectId, inputs.ProjectId, inputs.SaveDraftOnFailure);
        return new KeptResourceException(
            TemplateId.Format(inputs.PlusFriendId, outputs.Code),
            outputs,
            [$"The create of template \"{inputs.Name}\" {what}, but Sinch had already created it ({outputs.Code}, status {outputs.Status}); it is recorded in state. Run `pulumi up` again to finish."],
            failure);
    }

    /// <summary>Reads the template back after a write; if that fails, it is kept in state as the write answered it.</summary>
    private static async Task<TemplateOutputs> ReadBackAsync(ProvisioningClient client, TemplateInputs inputs, KakaoTemplate written, string verb, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await client.DescribeTemplateAsync(inputs.PlusFriendId, written.Code, cancellationToken) ?? new TemplateSnapshot(inputs.PlusFriendId, written, []);
            return TemplateSnapshots.Read(snapshot, client.ProjectId, inputs.ProjectId, inputs.SaveDraftOnFailure).Outputs;
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            var (_, fallback) = TemplateSnapshots.Read(new TemplateSnapshot(inputs.PlusFriendId, written, []), client.ProjectId, inputs.ProjectId, inputs.SaveDraftOnFailure);
            throw new KeptResourceException(
                TemplateId.Format(inputs.PlusFriendId, written.Code),
                fallback,
                [$"The template {written.Code} was {verb} but reading it back failed: {ex.Message}. Run `pulumi refresh` to load its current state."],
                ex);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
