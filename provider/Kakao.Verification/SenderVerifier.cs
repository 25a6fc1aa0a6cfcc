using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>
/// Takes one sender from wherever it is to ACTIVE if it can: PENDING_VERIFICATION is registered (or, by
/// <see cref="VerifyPolicy"/>, only after asking), VERIFYING is verified with the code already sent, ACTIVE is
/// left alone, review and rejection are reported. The one code path of <c>kakao verify</c> (stack mode) and
/// <c>kakao senders verify</c>. A refused code is reported in Sinch's own words; a spent code (expired, or too
/// many wrong tries) is never asked for again: a new one is offered or the exact command printed. Other API
/// failures propagate (the caller maps them with <see cref="ApiFailures"/>); cancellation propagates.
/// </summary>
internal sealed class SenderVerifier(IOtpSource otp, IActivationWaiter waiter, IVerificationConsole console, TimeProvider timeProvider, VerifyPolicy? policy = null)
{
    /// <summary>Wrong codes accepted at the prompt before giving up.</summary>
    public const int MaxCodeAttempts = 3;

    /// <summary>Extra codes a person may ask for after expiry.</summary>
    public const int MaxResends = 3;

    private readonly VerifyPolicy _policy = policy ?? new VerifyPolicy();

    /// <summary>Takes the sender as far as it goes; <paramref name="endpoint"/> is where its API lives (for code sources that need it).</summary>
    public async Task<SenderOutcome> RunAsync(ProvisioningClient client, string plusFriendId, Uri? endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return NotFound(plusFriendId, client.ProjectId, _policy);
        }

        var status = snapshot.Status;
        var outcome = status switch
        {
            _ when status == SenderStatus.Active => Done(OutcomeKind.AlreadyActive, $"{plusFriendId} is already ACTIVE; nothing to do."),
            _ when AwaitsCode(status) => null,
            _ => NotReady(snapshot, "verified", _policy, timeProvider),
        };
        if (outcome is not null)
        {
            return outcome with { ProjectId = client.ProjectId, StatusBefore = status, StatusAfter = status };
        }

        var request = new OtpRequest(plusFriendId, client.ProjectId, endpoint);
        var result = await VerifyAsync(client, request, alreadySent: status == SenderStatus.Verifying, cancellationToken).ConfigureAwait(false);
        return result with { ProjectId = client.ProjectId, StatusBefore = status };

        SenderOutcome Done(OutcomeKind kind, string message) => new(plusFriendId, kind, message);
    }

    /// <summary>
    /// Registers the sender (Sinch sends a code to the admin phone) and returns it. When Sinch refuses because of
    /// the sender's state (409) or does not know it (404), the sender is read and the outcome says its status
    /// and what to do, instead of Sinch's generic "Sender in ACTIVE state can't be registered."
    /// </summary>
    public static async Task<(KakaoSender? Registered, SenderOutcome? Refused)> RegisterOrExplainAsync(
        ProvisioningClient client, string plusFriendId, VerifyPolicy policy, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            return (await client.RegisterSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 409 || ex is { Status: 404, ErrorCode: SinchErrorCodes.SenderNotFound })
        {
            var snapshot = ex.Status == 409 ? await client.DescribeSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false) : null;
            var sinch = " Sinch said: " + ApiFailures.SinchSays(ex);
            if (snapshot is null)
            {
                var missing = NotFound(plusFriendId, client.ProjectId, policy);
                return (null, missing with { Message = missing.Message + sinch });
            }

            var status = snapshot.Status;
            var outcome = status switch
            {
                _ when status == SenderStatus.Active => new SenderOutcome(plusFriendId, OutcomeKind.AlreadyActive, $"{plusFriendId} is already ACTIVE: it needs no code, and none was sent."),
                _ when AwaitsCode(status) => new SenderOutcome(plusFriendId, OutcomeKind.Conflict,
                    $"{plusFriendId} is {status} but Sinch refused to register it now; check `kakao status --sender {plusFriendId}` and try again."),
                _ => NotReady(snapshot, "registered", policy, timeProvider)!,
            };
            return (null, outcome with { Message = outcome.Message + sinch, ProjectId = client.ProjectId, StatusBefore = status, StatusAfter = status });
        }
    }

    private static bool AwaitsCode(SenderStatus status) => status == SenderStatus.PendingVerification || status == SenderStatus.Verifying;

    private static SenderOutcome NotFound(string plusFriendId, string projectId, VerifyPolicy policy) =>
        new(plusFriendId, OutcomeKind.NotFound, $"{plusFriendId} does not exist in project {projectId}: {policy.NotFoundAdvice}.") { ProjectId = projectId };

    /// <summary>The outcome for a sender whose status allows neither registering nor verifying; null otherwise.</summary>
    private static SenderOutcome? NotReady(SenderSnapshot snapshot, string step, VerifyPolicy policy, TimeProvider timeProvider)
    {
        var id = snapshot.Sender.PlusFriendId;
        var status = snapshot.Status;
        return status switch
        {
            _ when status == SenderStatus.InProgress => InReview(snapshot, step, policy, timeProvider),
            _ when status == SenderStatus.Draft => new SenderOutcome(id, OutcomeKind.Draft,
                $"{id} cannot be {step}: it is a DRAFT and was never submitted for review; set submit: true and run `pulumi up`."),
            _ when status == SenderStatus.Rejected => Rejected(snapshot, step),
            _ when AwaitsCode(status) || status == SenderStatus.Active => null,
            _ => new SenderOutcome(id, OutcomeKind.NotUsable, $"{id} cannot be {step}: it is {status}; only Sinch support can change that."),
        };
    }

    private static SenderOutcome InReview(SenderSnapshot snapshot, string step, VerifyPolicy policy, TimeProvider timeProvider)
    {
        var since = snapshot.Activities.FirstOrDefault(a => a.Type == ActivityType.InProgress)?.Created
            ?? snapshot.Sender.Modified ?? snapshot.Sender.Created;
        var waited = since is { } s ? timeProvider.GetUtcNow() - s : (TimeSpan?)null;
        var howLong = waited is { } w ? $" for {Durations.Format(w)}" : "";
        var id = snapshot.Sender.PlusFriendId;
        return new SenderOutcome(id, OutcomeKind.InReview,
            $"{id} cannot be {step} yet: it is IN_PROGRESS (in review{howLong}). Once Sinch approves it, run `{policy.RerunCommand}` (`kakao status --sender {id} --watch` shows when).")
        {
            InReviewFor = waited,
        };
    }

    private static SenderOutcome Rejected(SenderSnapshot snapshot, string step)
    {
        var comment = snapshot.RejectionComment;
        var reason = string.IsNullOrWhiteSpace(comment) ? "no reason was given" : $"reason: {comment}";
        var id = snapshot.Sender.PlusFriendId;
        return new SenderOutcome(id, OutcomeKind.Rejected, $"{id} cannot be {step}: it was REJECTED ({reason}). Fix the details and run `pulumi up` to resubmit it.")
        {
            RejectionComment = comment,
        };
    }

    private async Task<SenderOutcome> VerifyAsync(ProvisioningClient client, OtpRequest request, bool alreadySent, CancellationToken cancellationToken)
    {
        var plusFriendId = request.PlusFriendId;
        var register = $"kakao senders register {plusFriendId}";
        if (!otp.CanSupplyCodes)
        {
            var problem = (await otp.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Problem;
            return Outcome(OutcomeKind.CodeNeeded, $"{plusFriendId} needs a one-time code, but there is {problem}. No code was requested.");
        }

        var registeredNow = false;
        if (alreadySent)
        {
            console.Info($"{plusFriendId} is VERIFYING: a code was already sent to its admin phone.");
        }
        else if (await MayRegisterAsync(plusFriendId, cancellationToken).ConfigureAwait(false))
        {
            if (await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            registeredNow = true;
        }
        else
        {
            return Outcome(OutcomeKind.CodeNeeded,
                $"No code was sent to {plusFriendId}: it is approved but has not been registered yet, and registering comes first. " +
                $"Run `{register}` (Sinch then texts a code to the admin phone), then `{_policy.RerunCommand}`; or add --register to do both.");
        }

        var resends = 0;
        var attempts = 0;
        while (true)
        {
            if (registeredNow && otp.FixedBeforeRun)
            {
                return Outcome(OutcomeKind.CodeNeeded,
                    $"A code was sent to the admin phone of {plusFriendId}. Store it in {otp.Description} and run `{_policy.RerunCommand}` again (codes expire after about 10 minutes).");
            }

            var read = await otp.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (read.Code is not { } code)
            {
                if (console.IsInteractive && otp.CanRetry && resends < MaxResends
                    && await console.ConfirmAsync($"No code entered. Send a new code to the admin phone of {plusFriendId}?", false, cancellationToken).ConfigureAwait(false))
                {
                    if (await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false) is { } refused)
                    {
                        return refused;
                    }

                    resends++;
                    attempts = 0;
                    continue;
                }

                return Outcome(OutcomeKind.CodeNeeded, otp.CanRetry
                    ? $"{plusFriendId} was not verified: {read.Problem}."
                    : $"{plusFriendId} is waiting for its code: {read.Problem}. Store the code from the admin phone in {otp.Description} and run `{_policy.RerunCommand}` again (`{register}` sends a new one).");
            }

            attempts++;
            var (sender, refusal) = await TryVerifyAsync(client, plusFriendId, code, cancellationToken).ConfigureAwait(false);
            if (sender is not null)
            {
                return await ActivatedAsync(client, sender, cancellationToken).ConfigureAwait(false);
            }

            var sinch = ApiFailures.SinchSays(refusal!.Error);
            if (!refusal.Spent)
            {
                var apiTriesLeft = ApiFailures.TriesLeft(refusal.Error);
                if (otp.CanRetry && attempts < MaxCodeAttempts && apiTriesLeft is not 0)
                {
                    var left = Math.Min(MaxCodeAttempts - attempts, apiTriesLeft ?? int.MaxValue);
                    console.Warn($"The code was not accepted: {sinch} {TriesLeftText(left)}.");
                    continue;
                }

                var triesNote = apiTriesLeft is { } n ? $" Sinch allows {TriesLeftText(n)} for this code." : "";
                return Outcome(OutcomeKind.VerificationFailed, $"{plusFriendId} was not verified: the code " +
                    (otp.CanRetry ? $"was not accepted after {attempts} tries" : $"from {otp.Description} was not accepted") +
                    $". Sinch said: {sinch}{triesNote} Use the newest code the admin phone received and run `{_policy.RerunCommand}` again, or `{register}` for a new one.");
            }

            // Expired, or used up by too many wrong tries: this code can never work, so it is not asked for again.
            if (console.IsInteractive && otp.CanRetry && resends < MaxResends
                && await console.ConfirmAsync($"The code for {plusFriendId} is no longer valid (Sinch said: {sinch}). Send a new code to the admin phone?", true, cancellationToken).ConfigureAwait(false))
            {
                if (await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false) is { } refused)
                {
                    return refused;
                }

                resends++;
                attempts = 0;
                continue;
            }

            return Outcome(OutcomeKind.VerificationFailed,
                $"{plusFriendId} was not verified: the code is spent (it expired, or too many wrong codes were tried), so the sender must be registered again. " +
                $"Sinch said: {sinch} Run `{register}` to send a new code to the admin phone, then `{_policy.RerunCommand}`.");
        }

        SenderOutcome Outcome(OutcomeKind kind, string message) => new(plusFriendId, kind, message);
    }

    private static string TriesLeftText(int left) => left == 1 ? "1 try left" : $"{left} tries left";

    private async Task<bool> MayRegisterAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        if (_policy.Registration == RegistrationPolicy.Automatic)
        {
            return true;
        }

        // Only a person at the prompt can answer; anything else stops before a code is sent for nothing.
        return console.IsInteractive && otp.CanRetry
            && await console.ConfirmAsync(
                $"{plusFriendId} was never registered, so no code was sent yet. Register it now (Sinch texts a code to the admin phone)?", true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SenderOutcome> ActivatedAsync(ProvisioningClient client, KakaoSender sender, CancellationToken cancellationToken)
    {
        if (sender.State != SenderState.Active)
        {
            sender = await console.RunWithStatusAsync($"Code accepted; waiting for {sender.PlusFriendId} to become ACTIVE…",
                ct => waiter.WaitForActiveAsync(client, sender.PlusFriendId, ct), cancellationToken).ConfigureAwait(false);
        }

        return new SenderOutcome(sender.PlusFriendId, OutcomeKind.Verified, $"{sender.PlusFriendId} was verified and is ACTIVE.") { StatusAfter = SenderStatus.Active };
    }

    /// <summary>Registers; null when the code was sent, else the outcome explaining why Sinch refused.</summary>
    private async Task<SenderOutcome?> RegisterAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        var (_, refused) = await console.RunWithStatusAsync($"Registering {plusFriendId}: asking Sinch to send a one-time code to the admin phone…",
            ct => RegisterOrExplainAsync(client, plusFriendId, _policy, timeProvider, ct), cancellationToken).ConfigureAwait(false);
        if (refused is null)
        {
            console.Info($"A code was sent to the admin phone of {plusFriendId}.");
        }

        return refused;
    }

    private static async Task<(KakaoSender? Sender, CodeRefusal? Refusal)> TryVerifyAsync(ProvisioningClient client, string plusFriendId, OtpCode code, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.VerifySenderAsync(plusFriendId, code.Value, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 409 || (ex.Status == 400 && ex.ErrorCode == SinchErrorCodes.InvalidInput))
        {
            return (null, new CodeRefusal(ex, IsSpent(ex)));
        }
    }

    /// <summary>
    /// True when only a new code can help. Sinch documents no wording; "expired", "no longer valid", "too many"
    /// or "register again" all say so (the emulator uses them after expiry and after too many wrong tries), and
    /// a 409 means the sender is no longer VERIFYING.
    /// </summary>
    internal static bool IsSpent(ProvisioningApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Status == 409 || ApiFailures.TriesLeft(error) == 0)
        {
            return true;
        }

        var text = string.Join(" ", [error.ApiMessage ?? "", .. error.ValidationErrors]);
        return new[] { "expire", "no longer valid", "too many", "register" }.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why Sinch refused a code, and whether that code can never work again.</summary>
    private sealed record CodeRefusal(ProvisioningApiException Error, bool Spent);
}
