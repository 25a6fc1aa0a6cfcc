using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The lifecycle of <c>kakao:index:KakaoSender</c> against the Provisioning API. The id is the plusFriendId.
/// Check is the layer's default with <see cref="SenderInputRules"/>; Diff is the default with the project rule
/// of <see cref="SenderProjectDiff"/>; create and its safety net are here, the rest in the other part.
/// </summary>
[Resource("kakao:index:KakaoSender", Description = SenderDocs.Resource)]
internal sealed partial class SenderResource(ProvisioningClientProvider clients, IEngineDiagnostics diagnostics)
    : IResource<SenderInputs, SenderOutputs>, IInputRules, IDiff<SenderInputs, SenderOutputs>, IPreview<SenderInputs>,
        IRead<SenderInputs, SenderOutputs>, IUpdate<SenderInputs, SenderOutputs>, IDelete<SenderInputs, SenderOutputs>
{
    /// <summary>
    /// How long the read-back after a cancelled or timed-out create may take: short, because after Cancel the
    /// plugin is shutting down (the engine kills it ~5 s later) and every call must end promptly. A read-back
    /// that does not finish in time is safe: the sender is then recorded as of unknown outcome.
    /// </summary>
    internal static readonly TimeSpan InterruptedCreateReadBack = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the read-back after an unanswered create may take (nothing is being cancelled then).</summary>
    internal static readonly TimeSpan UnconfirmedCreateReadBack = TimeSpan.FromSeconds(5);

    private readonly SenderCategoryCheck _categories = new(clients);

    public string? Normalize(string path, string value, bool secret, out string? reason) =>
        SenderInputRules.Normalize(path, value, secret, out reason);

    public DiffResult Diff(DiffRequest<SenderInputs, SenderOutputs> request) =>
        SenderProjectDiff.Adjust(request, clients.Configuration?.ProjectId);

    public async Task PreviewAsync(PreviewRequest<SenderInputs> request, CancellationToken cancellationToken)
    {
        await _categories.RequireKnownTripleAsync(request, cancellationToken);
        if (request.Operation == PreviewOperation.Update)
        {
            await WarnOfResubmissionAsync(request, cancellationToken);
        }
    }

    /// <summary>Creates the sender (a preview never gets here: the layer predicts its outputs).</summary>
    public async Task<CreateResult<SenderOutputs>> CreateAsync(CreateRequest<SenderInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var client = clients.GetClient(inputs.ProjectId);
        KakaoSender created;
        try
        {
            created = await client.CreateSenderAsync(
                new CreateSenderRequest { PlusFriendId = inputs.PlusFriendId, Status = SenderSnapshots.Action(inputs), Details = SenderSnapshots.ToDetails(inputs) },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.PlusFriendIdUsed)
        {
            throw new ObjectAlreadyExistsException(
                $"The KakaoTalk sender {inputs.PlusFriendId} already exists in project {client.ProjectId} (or was deleted less than 60 days ago). " +
                $"To manage the existing sender, import it: `pulumi import kakao:index:KakaoSender <name> {inputs.PlusFriendId}` " +
                "(or add `import: \"" + inputs.PlusFriendId + "\"` to the resource options; quote it in YAML, `@` cannot start a plain value).",
                ex);
        }
        catch (Exception ex) when (MayHaveBeenApplied(ex))
        {
            // Cancel, a custom timeout or an unanswered POST: the sender may exist although we never heard so.
            // The engine records it only from an init-failed error, so find out instead of answering "nothing".
            if (await KeepIfCreatedAsync(client, inputs, ex) is { } kept)
            {
                throw kept;
            }

            throw;
        }

        var outputs = await ReadBackAsync(client, inputs, inputs.PlusFriendId, created, "created", cancellationToken);
        await ReportStatusAsync(outputs, request.Urn, cancellationToken);
        return new(inputs.PlusFriendId, outputs);
    }

    // Cancelled (Cancel RPC or the call went away), timed out (custom timeout or the client's request
    // timeout), or the client could not confirm a write it may have sent.
    private static bool MayHaveBeenApplied(Exception ex) => ex is OperationCanceledException
        || ex is ProvisioningApiException { OutcomeUnknown: true }
        || ex is ProvisioningApiException { Status: 0, ErrorCode: ProvisioningApiException.TimeoutErrorCode };

    /// <summary>
    /// After a create that may have reached Sinch: reads the sender back on a fresh, short token (the
    /// operation's own token is spent). Returns the error that keeps the id in state when the sender exists or
    /// its existence cannot be ruled out; null when it is confirmed absent (nothing was created).
    /// </summary>
    private static async Task<KeptResourceException?> KeepIfCreatedAsync(ProvisioningClient client, SenderInputs inputs, Exception failure)
    {
        bool interrupted = failure is OperationCanceledException;
        var what = interrupted ? "was cancelled or timed out" : "got no confirmed answer";
        var bound = interrupted ? InterruptedCreateReadBack : UnconfirmedCreateReadBack;
        using var readBack = new CancellationTokenSource(bound);
        SenderSnapshot? snapshot;
        try
        {
            snapshot = await client.DescribeSenderAsync(inputs.PlusFriendId, readBack.Token);
        }
        catch (Exception readFailure) when (readFailure is ProvisioningApiException or OperationCanceledException)
        {
            return new KeptResourceException(
                inputs.PlusFriendId,
                SenderSnapshots.Unconfirmed(inputs, client.ProjectId),
                [$"The create of sender {inputs.PlusFriendId} {what} after its request may have reached Sinch, and reading it back failed too " +
                 $"({Describe(readFailure, bound)}). It is kept in state so it cannot be lost; run `pulumi refresh` to find out whether it exists (a sender that does not is dropped)."],
                failure);
        }

        if (snapshot is null)
        {
            return null;
        }

        var (_, outputs) = SenderSnapshots.Read(snapshot, client.ProjectId, inputs.ProjectId);
        return new KeptResourceException(
            inputs.PlusFriendId,
            outputs,
            [$"The create of sender {inputs.PlusFriendId} {what}, but Sinch had already created it (status {outputs.Status}); it is recorded in state. Run `pulumi up` again to finish."],
            failure);
    }

    /// <summary>Reads the sender back after a write; if that fails, the sender is kept in state as the write answered it.</summary>
    private static async Task<SenderOutputs> ReadBackAsync(ProvisioningClient client, SenderInputs inputs, string plusFriendId, KakaoSender written, string verb, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken) ?? new SenderSnapshot(written, []);
            return SenderSnapshots.Read(snapshot, client.ProjectId, inputs.ProjectId).Outputs;
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            // The sender exists: tell the engine so it is kept in state instead of lost.
            var (_, fallback) = SenderSnapshots.Read(new SenderSnapshot(written, []), client.ProjectId, inputs.ProjectId);
            throw new KeptResourceException(
                plusFriendId,
                fallback,
                [$"The sender {plusFriendId} was {verb} but reading it back failed: {ex.Message}. Run `pulumi refresh` to load its current state."],
                ex);
        }
    }

    private static string Describe(Exception ex, TimeSpan bound) =>
        ex is OperationCanceledException ? $"no answer within {bound.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s" : ex.Message;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
