using Kakao.Provisioning;
using Kakao.Verification.Pulumi;
using Kakao.Verification.Stack;

namespace Kakao.Verification;

/// <summary>
/// The <c>kakao verify</c> flow around a stack: refresh → find senders and their provider settings → take each
/// sender as far as it can go (<see cref="SenderVerifier"/>) within the timeout → refresh again when something
/// changed → one exit code. Ctrl-C stops between steps and says what state the stack was left in.
/// </summary>
internal sealed class VerifyRunner(
    IPulumiWorkspace workspace,
    IProvisioningClientFactory clients,
    IVerificationConsole console,
    TimeProvider timeProvider,
    Func<string, string?> env)
{
    /// <summary>Runs the flow; takes ownership of <paramref name="waiter"/> and disposes it.</summary>
    public async Task<VerifyReport> RunAsync(VerifySettings settings, IOtpSource otp, IActivationWaiter waiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stackLabel = settings.Stack ?? "the selected stack";
        var created = new Dictionary<string, ProvisioningClient>(StringComparer.Ordinal);
        try
        {
            if (!await RefreshAsync(settings.Stack, "before verification", cancellationToken).ConfigureAwait(false))
            {
                return VerifyReport.Interrupted(settings.Stack, []);
            }

            var deployment = await workspace.ExportStackAsync(settings.Stack, cancellationToken: cancellationToken).ConfigureAwait(false);
            var senders = Select(StackSenderCatalog.Find(deployment), settings.Senders, stackLabel);
            var resolver = new StackConnectionResolver(workspace, settings.Stack, env);
            var work = new List<(StackSender Sender, ProvisioningClient Client, SinchConnection Connection)>();
            foreach (var sender in senders)
            {
                var connection = await resolver.ResolveAsync(sender, cancellationToken).ConfigureAwait(false);
                if (!created.TryGetValue(connection.ClientKey, out var client))
                {
                    client = clients.Create(connection);
                    created[connection.ClientKey] = client;
                }

                work.Add((sender, client, connection));
            }

            var outcomes = await VerifyAllAsync(work, settings, otp, waiter, cancellationToken).ConfigureAwait(false);
            var cancelled = outcomes.Any(o => o.Kind == OutcomeKind.Cancelled);
            if (outcomes.Any(o => o.Kind == OutcomeKind.Verified))
            {
                if (cancelled)
                {
                    console.Warn($"Interrupted: the stack was not refreshed, so it still shows the old state. Run `pulumi refresh` on {stackLabel}.");
                }
                else
                {
                    try
                    {
                        if (!await RefreshAsync(settings.Stack, "so it shows the ACTIVE senders", cancellationToken).ConfigureAwait(false))
                        {
                            return VerifyReport.Interrupted(settings.Stack, outcomes);
                        }
                    }
                    catch (PulumiCommandException ex)
                    {
                        // The senders are verified at Sinch whatever happens here: keep their report.
                        console.Error($"The senders were verified, but refreshing the stack failed: {ex.Message} Run `pulumi refresh` on {stackLabel}.");
                        return new VerifyReport(settings.Stack, outcomes, ExitCode.ApiFailure);
                    }
                }
            }

            return new VerifyReport(settings.Stack, outcomes, ExitCodes.Worst(outcomes.Select(o => o.ExitCode)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Warn("Interrupted before any sender was touched.");
            return VerifyReport.Interrupted(settings.Stack, []);
        }
        finally
        {
            // The waiter may still need the clients (to delete its webhooks), so it goes first.
            await waiter.DisposeAsync().ConfigureAwait(false);
            foreach (var client in created.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task<List<SenderOutcome>> VerifyAllAsync(
        List<(StackSender Sender, ProvisioningClient Client, SinchConnection Connection)> work, VerifySettings settings, IOtpSource otp, IActivationWaiter waiter, CancellationToken cancellationToken)
    {
        var timeout = settings.Timeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var verifier = new SenderVerifier(otp, waiter, console, timeProvider, settings.Policy ?? VerifyPolicy.Stack(settings.Stack));
        var outcomes = new List<SenderOutcome>();
        foreach (var (sender, client, connection) in work)
        {
            SenderOutcome outcome;
            if (cancellationToken.IsCancellationRequested)
            {
                outcome = new SenderOutcome(sender.PlusFriendId, OutcomeKind.Cancelled, $"{sender.PlusFriendId} was not checked: interrupted.");
            }
            else if (deadline.IsCancellationRequested)
            {
                outcome = new SenderOutcome(sender.PlusFriendId, OutcomeKind.TimedOut, $"{sender.PlusFriendId} was not checked: the {Durations.Format(timeout)} timeout elapsed.");
            }
            else
            {
                try
                {
                    outcome = await verifier.RunAsync(client, sender.PlusFriendId, connection.Endpoint, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    outcome = new SenderOutcome(sender.PlusFriendId, OutcomeKind.Cancelled,
                        $"Interrupted while working on {sender.PlusFriendId}; if a code was sent, re-run kakao verify to enter it.");
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    outcome = new SenderOutcome(sender.PlusFriendId, OutcomeKind.TimedOut,
                        $"{sender.PlusFriendId} was not ACTIVE within the {Durations.Format(timeout)} timeout; re-run kakao verify to continue.");
                }
                catch (ProvisioningApiException ex)
                {
                    outcome = new SenderOutcome(sender.PlusFriendId, SenderOutcome.KindOf(ex), $"{sender.PlusFriendId}: {ApiFailures.Describe(ex, connection, sender.PlusFriendId)}");
                }
            }

            Report(outcome);
            outcomes.Add(outcome with { ProjectId = outcome.ProjectId ?? client.ProjectId });
        }

        return outcomes;
    }

    private void Report(SenderOutcome outcome)
    {
        switch (outcome.ExitCode)
        {
            case ExitCode.Success:
                console.Success(outcome.Message);
                break;
            case ExitCode.InReview or ExitCode.Cancelled:
                console.Warn(outcome.Message);
                break;
            default:
                console.Error(outcome.Message);
                break;
        }
    }

    /// <summary>Refreshes the stack; false when interrupted (after telling the user what that means).</summary>
    private async Task<bool> RefreshAsync(string? stack, string why, CancellationToken cancellationToken)
    {
        var streaming = console.IsInteractive ? null : new PulumiRunOptions { OnStandardOutput = line => console.Info("  " + line) };
        try
        {
            await console.RunWithStatusAsync($"Refreshing {stack ?? "the selected stack"} {why}…",
                ct => workspace.RefreshAsync(stack, streaming, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Warn($"Interrupted during `pulumi refresh`: pulumi was asked to stop. If it reports a pending operation, run `pulumi refresh` on {stack ?? "the stack"} again (or `pulumi cancel`).");
            return false;
        }
    }

    private static IReadOnlyList<StackSender> Select(IReadOnlyList<StackSender> found, IReadOnlyList<string> wanted, string stackLabel)
    {
        if (found.Count == 0)
        {
            throw new ConfigurationException($"No kakao:index:KakaoSender resources in {stackLabel}. Run `pulumi up` first, or check --stack / --cwd.");
        }

        if (wanted.Count == 0)
        {
            return found;
        }

        var unknown = wanted.Where(w => found.All(f => f.PlusFriendId != w)).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigurationException($"Not in {stackLabel}: {string.Join(", ", unknown)}. Senders there: {string.Join(", ", found.Select(f => f.PlusFriendId))}.");
        }

        return found.Where(f => wanted.Contains(f.PlusFriendId)).ToList();
    }
}
