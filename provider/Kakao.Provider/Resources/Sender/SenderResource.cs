using Kakao.Provider.Configuration;
using Kakao.Provider.Model;
using Kakao.Provider.Provider;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The lifecycle of <c>kakao:index:KakaoSender</c> against the Provisioning API. The id is the plusFriendId.
/// </summary>
internal sealed class SenderResource(ConfiguredClients clients, IEngineDiagnostics diagnostics)
{
    private readonly SenderCategoryCheck _categories = new(clients);

    public CheckResult Check(PropertyMap news) => SenderCheck.Check(news);

    public DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges) =>
        SenderDiff.Diff(olds, news, oldInputs, ignoreChanges, clients.Configuration?.ProjectId);

    /// <summary>Creates the sender; in preview returns predicted outputs with unknowns and an empty id.</summary>
    public async Task<(string Id, PropertyMap Outputs)> CreateAsync(PropertyMap inputs, bool preview, string? urn, CancellationToken cancellationToken)
    {
        if (preview)
        {
            RequireValid(inputs);
            await _categories.RequireKnownTripleAsync(inputs, cancellationToken);
            return ("", PreviewOutputs(inputs, olds: null));
        }

        var args = CheckedArgs(inputs);
        var client = clients.GetClient(args.ProjectId);
        KakaoSender created;
        try
        {
            created = await client.CreateSenderAsync(
                new CreateSenderRequest { PlusFriendId = args.PlusFriendId, Status = args.Action, Details = args.ToDetails() },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == "plus_friend_id_used")
        {
            throw new ObjectAlreadyExistsException(
                $"The KakaoTalk sender {args.PlusFriendId} already exists in project {client.ProjectId} (or was deleted less than 60 days ago). " +
                $"To manage the existing sender, import it: `pulumi import kakao:index:KakaoSender <name> {args.PlusFriendId}` " +
                "(or add `import: \"" + args.PlusFriendId + "\"` to the resource options; quote it in YAML, `@` cannot start a plain value).",
                ex);
        }
        catch (Exception ex) when (MayHaveBeenApplied(ex))
        {
            // Cancel, a custom timeout or an unanswered POST: the sender may exist although we never heard so.
            // The engine records it only from an init-failed error, so find out instead of answering "nothing".
            if (await KeepIfCreatedAsync(client, args, inputs, ex) is { } kept)
            {
                throw kept;
            }

            throw;
        }

        SenderState state;
        try
        {
            var snapshot = await client.DescribeSenderAsync(args.PlusFriendId, cancellationToken)
                ?? new SenderSnapshot(created, []);
            state = SenderState.FromSnapshot(snapshot, client.ProjectId, args.ProjectId, args.SecretInputs);
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            // The sender exists: tell the engine so it is kept in state instead of lost.
            var fallback = SenderState.FromSnapshot(new SenderSnapshot(created, []), client.ProjectId, args.ProjectId, args.SecretInputs);
            throw new ResourceInitFailedException(
                args.PlusFriendId,
                fallback.ToOutputs(),
                inputs,
                [$"The sender {args.PlusFriendId} was created but reading it back failed: {ex.Message}. Run `pulumi refresh` to load its current state."],
                ex);
        }

        await ReportStatusAsync(state, urn, cancellationToken);
        return (args.PlusFriendId, state.ToOutputs());
    }

    /// <summary>
    /// How long the read-back after a cancelled or timed-out create may take: short, because after Cancel the
    /// plugin is shutting down (the engine kills it ~5 s later) and every call must end promptly. A read-back
    /// that does not finish in time is safe: the sender is then recorded as of unknown outcome.
    /// </summary>
    internal static readonly TimeSpan InterruptedCreateReadBack = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the read-back after an unanswered create may take (nothing is being cancelled then).</summary>
    internal static readonly TimeSpan UnconfirmedCreateReadBack = TimeSpan.FromSeconds(5);

    // Cancelled (Cancel RPC or the call went away), timed out (custom timeout or the client's request
    // timeout), or the client could not confirm a write it may have sent.
    private static bool MayHaveBeenApplied(Exception ex) => ex is OperationCanceledException
        || ex is ProvisioningApiException { OutcomeUnknown: true }
        || ex is ProvisioningApiException { Status: 0, ErrorCode: ProvisioningApiException.TimeoutErrorCode };

    /// <summary>
    /// After a create that may have reached Sinch: reads the sender back on a fresh, short token (the
    /// operation's own token is spent). Returns an init-failed error carrying the id when the sender exists or
    /// its existence cannot be ruled out; null when it is confirmed absent (nothing was created).
    /// </summary>
    private static async Task<ResourceInitFailedException?> KeepIfCreatedAsync(ProvisioningClient client, SenderArgs args, PropertyMap inputs, Exception failure)
    {
        bool interrupted = failure is OperationCanceledException;
        var what = interrupted ? "was cancelled or timed out" : "got no confirmed answer";
        var bound = interrupted ? InterruptedCreateReadBack : UnconfirmedCreateReadBack;
        using var readBack = new CancellationTokenSource(bound);
        SenderSnapshot? snapshot;
        try
        {
            snapshot = await client.DescribeSenderAsync(args.PlusFriendId, readBack.Token);
        }
        catch (Exception readFailure) when (readFailure is ProvisioningApiException or OperationCanceledException)
        {
            var unconfirmed = new SenderState { Args = args, ProjectId = client.ProjectId, Status = UnknownStatus };
            return new ResourceInitFailedException(
                args.PlusFriendId,
                unconfirmed.ToOutputs(),
                inputs,
                [$"The create of sender {args.PlusFriendId} {what} after its request may have reached Sinch, and reading it back failed too " +
                 $"({Describe(readFailure, bound)}). It is kept in state so it cannot be lost; run `pulumi refresh` to find out whether it exists (a sender that does not is dropped)."],
                failure);
        }

        if (snapshot is null)
        {
            return null;
        }

        var state = SenderState.FromSnapshot(snapshot, client.ProjectId, args.ProjectId, args.SecretInputs);
        return new ResourceInitFailedException(
            args.PlusFriendId,
            state.ToOutputs(),
            inputs,
            [$"The create of sender {args.PlusFriendId} {what}, but Sinch had already created it (status {state.Status}); it is recorded in state. Run `pulumi up` again to finish."],
            failure);
    }

    /// <summary>The status recorded for a sender whose create outcome is not known yet (until a refresh).</summary>
    internal const string UnknownStatus = "UNKNOWN";

    private static string Describe(Exception ex, TimeSpan bound) =>
        ex is OperationCanceledException ? $"no answer within {bound.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s" : ex.Message;

    /// <summary>Reads the sender (refresh or import). Null when it no longer exists.</summary>
    public async Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(string id, PropertyMap oldOutputs, PropertyMap oldInputs, string? urn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidInputException("A KakaoTalk sender's id is its plusFriendId, e.g. \"@sinch-demo\"; the id given is empty.");
        }

        var projectOverride = Text(oldInputs.Get(SenderProperties.ProjectId));
        var projectId = projectOverride ?? Text(oldOutputs.Get(SenderProperties.ProjectId));
        SenderInputRules.RequireAddressable(id, projectId);
        var client = clients.GetClient(projectId);
        var snapshot = await client.DescribeSenderAsync(id.Trim(), cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var secretInputs = SecretKeys(oldInputs.Count > 0 ? oldInputs : oldOutputs);
        var state = SenderState.FromSnapshot(snapshot, client.ProjectId, projectOverride, secretInputs);
        await ReportStatusAsync(state, urn, cancellationToken);
        return (state.ToOutputs(), state.ToInputs());
    }

    /// <summary>Updates the details (PATCH, submitted unless <c>submit</c> is false), then reads back.</summary>
    public async Task<PropertyMap> UpdateAsync(string id, PropertyMap olds, PropertyMap news, bool preview, string? urn, CancellationToken cancellationToken)
    {
        if (preview)
        {
            RequireValid(news);
            await _categories.RequireKnownTripleAsync(news, cancellationToken);
            await WarnOfResubmissionAsync(string.IsNullOrEmpty(id) ? Text(news.Get(SenderProperties.PlusFriendId)) : id, news, urn, cancellationToken);
            return PreviewOutputs(news, olds);
        }

        var args = CheckedArgs(news);
        var client = clients.GetClient(args.ProjectId);
        var plusFriendId = string.IsNullOrEmpty(id) ? args.PlusFriendId : id;
        SenderInputRules.RequireAddressable(plusFriendId, null);
        KakaoSender updated;
        try
        {
            updated = await client.UpdateSenderAsync(
                plusFriendId,
                new UpdateSenderRequest
                {
                    Status = args.Action,
                    Details = args.ToDetails(),
                    // Removing logoImage from the program must remove the logo, not leave it (and a diff) forever.
                    ClearLogoImage = args.LogoImage is null && Text(olds.Get(SenderProperties.LogoImage)) is not null,
                },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode is "sender_not_updatable" or "sender_changes_not_updatable")
        {
            var status = Text(olds.Get(SenderProperties.Status)) ?? "in its current state";
            throw new ObjectNotUpdatableException(
                $"The KakaoTalk sender {plusFriendId} cannot be edited while it is {status}: {ex.ApiMessage} {ex.Resolution}".TrimEnd() +
                // Sinch's texts disagree (guide: REJECTED changes are editable; error text: only DRAFT), so say both.
                " Sinch's guide allows edits while the pending changes are DRAFT or REJECTED, or once the sender is ACTIVE; its error text names only DRAFT changes." +
                " Wait for the review or verification to finish (see `pulumi refresh`), then run `pulumi up` again.",
                ex);
        }

        SenderState state;
        try
        {
            var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken) ?? new SenderSnapshot(updated, []);
            state = SenderState.FromSnapshot(snapshot, client.ProjectId, args.ProjectId, args.SecretInputs);
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            var fallback = SenderState.FromSnapshot(new SenderSnapshot(updated, []), client.ProjectId, args.ProjectId, args.SecretInputs);
            throw new ResourceInitFailedException(
                plusFriendId,
                fallback.ToOutputs(),
                news,
                [$"The sender {plusFriendId} was updated but reading it back failed: {ex.Message}. Run `pulumi refresh` to load its current state."],
                ex);
        }

        await ReportStatusAsync(state, urn, cancellationToken);
        return state.ToOutputs();
    }

    /// <summary>
    /// An update is a PATCH that sends the sender to review again: say so in the preview, where it can still be
    /// avoided. This matters most after the <c>import:</c> resource option, where the engine updates an
    /// imported sender straight away when the declaration differs from it.
    /// </summary>
    private Task WarnOfResubmissionAsync(string? id, PropertyMap news, string? urn, CancellationToken cancellationToken)
    {
        var sender = id ?? "this sender";
        var draft = news.Get(SenderProperties.Submit)?.Unwrap().Value is { Kind: PropertyValueKind.Bool, BoolValue: false };
        return draft
            ? diagnostics.LogAsync(DiagnosticSeverity.Info, $"Updating sender {sender} saves the changes as a draft (submit: false); Sinch does not review them until submit is true.", urn, ephemeral: false, cancellationToken)
            : diagnostics.LogAsync(
                DiagnosticSeverity.Warning,
                $"Updating sender {sender} resubmits it for review: its details are sent to Sinch again (PATCH) and changesStatus shows IN_PROGRESS until " +
                "Sinch decides (an ACTIVE sender stays active meanwhile). After an import, declare the values `pulumi import` generated to avoid this.",
                urn,
                ephemeral: false,
                cancellationToken);
    }

    /// <summary>
    /// The engine only sends checked inputs, but a Create or Update must not act on anything else (an SDK bug,
    /// a hand-edited state): the same rules as Check, reported as InvalidArgument naming each property,
    /// before any API call.
    /// </summary>
    private static SenderArgs CheckedArgs(PropertyMap inputs)
    {
        RequireValid(inputs);
        return SenderArgs.FromInputs(inputs);
    }

    // Unknown values pass (preview), as in Check.
    private static void RequireValid(PropertyMap inputs)
    {
        var failures = SenderCheck.Check(inputs).Failures;
        if (failures.Count > 0)
        {
            throw new InvalidInputException(string.Join("; ", failures.Select(f => f.Reason)));
        }
    }

    /// <summary>Deletes the sender; one that is gone already counts as deleted.</summary>
    public async Task DeleteAsync(string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken)
    {
        var projectId = Text(oldInputs.Get(SenderProperties.ProjectId)) ?? Text(olds.Get(SenderProperties.ProjectId));
        SenderInputRules.RequireAddressable(id, projectId);
        var client = clients.GetClient(projectId);
        try
        {
            await client.DeleteSenderAsync(id, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode is "sender_already_deleted" or "sender_not_found")
        {
            // Already gone: the desired outcome. Only Sinch's own codes say so: a bare 404 from a gateway, a
            // proxy or a wrong route says nothing about the sender, and must not drop it from state.
        }
    }

    private static PropertyMap PreviewOutputs(PropertyMap inputs, PropertyMap? olds)
    {
        var builder = new PropertyMapBuilder();
        foreach (var (key, value) in inputs)
        {
            // Output values become plain, secret or unknown values: outputs carry no dependencies.
            var (plain, secret) = value.Unwrap();
            builder.Set(key, secret ? PropertyValue.Secret(plain) : plain);
        }

        if (inputs.Get(SenderProperties.ProjectId) is null)
        {
            builder.Set(SenderProperties.ProjectId, olds?.Get(SenderProperties.ProjectId) ?? PropertyValue.Computed());
        }

        foreach (var key in SenderProperties.ComputedOutputs)
        {
            // Identity and creation time survive an update; the review-related values will change.
            bool keeps = key is SenderProperties.SenderId or SenderProperties.Created;
            builder.Set(key, keeps && olds?.Get(key) is { } old ? old : PropertyValue.Computed());
        }

        return builder.Build();
    }

    private async Task ReportStatusAsync(SenderState state, string? urn, CancellationToken cancellationToken)
    {
        var id = state.Args.PlusFriendId;
        var (severity, message) = state.Status switch
        {
            "DRAFT" => (DiagnosticSeverity.Info, $"Sender {id} is saved as a draft (submit: false); set submit to true to send it for review."),
            "IN_PROGRESS" => (DiagnosticSeverity.Info, $"Sender {id} was submitted and is waiting for review… run `pulumi refresh` later to see the outcome."),
            "REJECTED" => (DiagnosticSeverity.Warning, $"Sender {id} was rejected by review: {state.RejectionComment ?? "(no comment given)"}. Fix the inputs and run `pulumi up` to resubmit."),
            "PENDING_VERIFICATION" => (DiagnosticSeverity.Info, $"Sender {id} was approved; verify it with the one-time code sent to the admin phone (kakao CLI) to activate it."),
            "BLOCKED" or "SUSPENDED" => (DiagnosticSeverity.Warning, $"Sender {id} is {state.Status}."),
            _ when state.ChangesStatus == "REJECTED" => (DiagnosticSeverity.Warning, $"The latest changes of sender {id} were rejected: {state.RejectionComment ?? "(no comment given)"}."),
            _ when state.ChangesStatus == "IN_PROGRESS" => (DiagnosticSeverity.Info, $"Changes of sender {id} are waiting for review…"),
            _ => (DiagnosticSeverity.Debug, $"Sender {id} is {state.Status}."),
        };
        await diagnostics.LogAsync(severity, message, urn, ephemeral: false, cancellationToken);
    }

    private static string? Text(PropertyValue? value)
    {
        if (value is null)
        {
            return null;
        }

        var (plain, _) = value.Unwrap();
        return plain.Kind == PropertyValueKind.String && plain.StringValue.Length > 0 ? plain.StringValue : null;
    }

    private static HashSet<string> SecretKeys(PropertyMap map) =>
        new(map.Where(kv => kv.Value.IsSecret && SenderProperties.Inputs.Contains(kv.Key)).Select(kv => kv.Key), StringComparer.Ordinal);
}
