using Kakao.Cli.Terminal;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Verification;

/// <summary>
/// Takes one sender from wherever it is to ACTIVE if it can: PENDING_VERIFICATION is registered, VERIFYING is
/// verified with the code already sent, ACTIVE is left alone, review and rejection are reported. API failures
/// propagate (the caller maps them to exit 7); cancellation propagates.
/// </summary>
internal sealed class SenderVerifier(IOtpSource otp, IActivationWaiter waiter, IConsoleIO console, TimeProvider timeProvider)
{
    /// <summary>Wrong codes accepted at the prompt before giving up.</summary>
    public const int MaxCodeAttempts = 3;

    /// <summary>Extra codes a person may ask for after expiry.</summary>
    public const int MaxResends = 3;

    /// <summary>Takes the sender as far as it goes; <paramref name="endpoint"/> is where its API lives (for code sources that need it).</summary>
    public async Task<SenderOutcome> RunAsync(ProvisioningClient client, string plusFriendId, Uri? endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return new SenderOutcome(plusFriendId, OutcomeKind.NotFound, $"{plusFriendId} does not exist in project {client.ProjectId}; run `pulumi refresh` / `pulumi up`.") { ProjectId = client.ProjectId };
        }

        var status = snapshot.Status;
        var outcome = status.Value switch
        {
            "ACTIVE" => Done(OutcomeKind.AlreadyActive, $"{plusFriendId} is already ACTIVE; nothing to do."),
            "IN_PROGRESS" => InReview(snapshot),
            "DRAFT" => Done(OutcomeKind.Draft, $"{plusFriendId} is a draft and was never submitted for review; set submit: true and run `pulumi up`."),
            "REJECTED" => Rejected(snapshot),
            "PENDING_VERIFICATION" => null,
            "VERIFYING" => null,
            _ => Done(OutcomeKind.NotUsable, $"{plusFriendId} is {status}; only Sinch support can change that."),
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

    private SenderOutcome InReview(SenderSnapshot snapshot)
    {
        var since = snapshot.Activities.FirstOrDefault(a => a.Type == ActivityType.InProgress)?.Created
            ?? snapshot.Sender.Modified ?? snapshot.Sender.Created;
        var waited = since is { } s ? timeProvider.GetUtcNow() - s : (TimeSpan?)null;
        var howLong = waited is { } w ? $" for {Durations.Format(w)}" : "";
        return new SenderOutcome(snapshot.Sender.PlusFriendId, OutcomeKind.InReview, $"{snapshot.Sender.PlusFriendId} has been in review{howLong}; re-run kakao verify later.")
        {
            InReviewFor = waited,
        };
    }

    private static SenderOutcome Rejected(SenderSnapshot snapshot)
    {
        var comment = snapshot.RejectionComment;
        var reason = string.IsNullOrWhiteSpace(comment) ? "no reason was given" : $"reason: {comment}";
        return new SenderOutcome(snapshot.Sender.PlusFriendId, OutcomeKind.Rejected, $"{snapshot.Sender.PlusFriendId} was rejected ({reason}). Fix the details and run `pulumi up` to resubmit.")
        {
            RejectionComment = comment,
        };
    }

    private async Task<SenderOutcome> VerifyAsync(ProvisioningClient client, OtpRequest request, bool alreadySent, CancellationToken cancellationToken)
    {
        var plusFriendId = request.PlusFriendId;
        if (!otp.CanSupplyCodes)
        {
            var problem = (await otp.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Problem;
            return Outcome(OutcomeKind.CodeNeeded, $"{plusFriendId} needs a one-time code, but there is {problem}. No code was requested.");
        }

        var registeredNow = false;
        if (!alreadySent)
        {
            await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false);
            registeredNow = true;
        }
        else
        {
            console.Info($"{plusFriendId} is VERIFYING: a code was already sent to its admin phone.");
        }

        var resends = 0;
        var attempts = 0;
        while (true)
        {
            if (registeredNow && otp.FixedBeforeRun)
            {
                return Outcome(OutcomeKind.CodeNeeded,
                    $"A code was sent to the admin phone of {plusFriendId}. Store it in {otp.Description} and re-run kakao verify (codes expire after about 10 minutes).");
            }

            var read = await otp.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (read.Code is not { } code)
            {
                if (console.IsInteractive && otp.CanRetry && resends < MaxResends
                    && await console.ConfirmAsync($"No code entered. Send a new code to the admin phone of {plusFriendId}?", false, cancellationToken).ConfigureAwait(false))
                {
                    await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false);
                    resends++;
                    attempts = 0;
                    continue;
                }

                return Outcome(OutcomeKind.CodeNeeded, otp.CanRetry
                    ? $"{plusFriendId} was not verified: {read.Problem}."
                    : $"{plusFriendId} is waiting for its code: {read.Problem}. Store the code from the admin phone in {otp.Description} and re-run kakao verify (`kakao senders register {plusFriendId}` sends a new one).");
            }

            attempts++;
            var (sender, failure) = await TryVerifyAsync(client, plusFriendId, code, cancellationToken).ConfigureAwait(false);
            if (sender is not null)
            {
                return await ActivatedAsync(client, sender, cancellationToken).ConfigureAwait(false);
            }

            if (failure == CodeFailure.Wrong)
            {
                if (otp.CanRetry && attempts < MaxCodeAttempts)
                {
                    console.Warn($"The code was not accepted ({MaxCodeAttempts - attempts} tries left).");
                    continue;
                }

                return Outcome(OutcomeKind.VerificationFailed, $"{plusFriendId} was not verified: the code was not accepted" +
                    (otp.CanRetry ? $" after {attempts} tries." : $" (from {otp.Description})."));
            }

            // Expired, or the sender left VERIFYING (too many wrong tries): only a new code helps.
            if (console.IsInteractive && otp.CanRetry && resends < MaxResends
                && await console.ConfirmAsync($"The code for {plusFriendId} has expired. Send a new code to the admin phone?", true, cancellationToken).ConfigureAwait(false))
            {
                await RegisterAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false);
                resends++;
                attempts = 0;
                continue;
            }

            return Outcome(OutcomeKind.VerificationFailed,
                $"{plusFriendId} was not verified: the code has expired. Run `kakao senders register {plusFriendId}` (or kakao verify) to get a new one.");
        }

        SenderOutcome Outcome(OutcomeKind kind, string message) => new(plusFriendId, kind, message);
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

    private async Task RegisterAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        await console.RunWithStatusAsync($"Registering {plusFriendId}: asking Sinch to send a one-time code to the admin phone…",
            ct => client.RegisterSenderAsync(plusFriendId, ct), cancellationToken).ConfigureAwait(false);
        console.Info($"A code was sent to the admin phone of {plusFriendId}.");
    }

    private static async Task<(KakaoSender? Sender, CodeFailure Failure)> TryVerifyAsync(ProvisioningClient client, string plusFriendId, OtpCode code, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.VerifySenderAsync(plusFriendId, code.Value, cancellationToken).ConfigureAwait(false), CodeFailure.None);
        }
        catch (ProvisioningApiException ex) when (ex.Status == 409 || (ex.Status == 400 && ex.ErrorCode == "invalid_input"))
        {
            var text = string.Join(" ", [ex.ApiMessage ?? "", .. ex.ValidationErrors]);
            // Sinch documents no wording; "expired", "no longer valid" or "register again" all mean only a new
            // code can help (the emulator says so after expiry and after too many wrong tries).
            var expired = ex.Status == 409
                || text.Contains("expire", StringComparison.OrdinalIgnoreCase)
                || text.Contains("no longer valid", StringComparison.OrdinalIgnoreCase)
                || text.Contains("register", StringComparison.OrdinalIgnoreCase);
            return (null, expired ? CodeFailure.Expired : CodeFailure.Wrong);
        }
    }

    private enum CodeFailure
    {
        None,
        Wrong,
        Expired,
    }
}
