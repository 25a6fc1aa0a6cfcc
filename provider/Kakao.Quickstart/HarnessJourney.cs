using Kakao.Cli.Terminal;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;

namespace Kakao.Quickstart;

/// <summary>
/// The journey without the pulumi CLI: the engine harness starts the same plugin build the way the engine
/// does and drives it over gRPC (CheckConfig/Configure, Check + Create, Read for refresh, Delete), while the
/// OTP step goes through the driver's API path. Every line says so.
/// </summary>
internal sealed class HarnessJourney(
    QuickstartProgram program,
    string pluginPath,
    Uri emulator,
    IConsoleIO console,
    TimeProvider timeProvider) : IQuickstartJourney
{
    public const string Tag = "[engine harness]";

    private ProviderSession? _session;
    private ResourceUrn? _sender;

    public string Label => "engine harness, not the pulumi CLI";

    public Journey Journey { get; } = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _session = await console.RunWithStatusAsync($"{Tag} Starting the plugin as the engine does…", ct => ProviderSession.StartAsync(new ProviderSessionOptions
        {
            PluginPath = pluginPath,
            PackageName = "kakao",
            Project = program.ProjectName,
            Stack = "quickstart",
            // Only Configure may tell the plugin where to go: no ambient Sinch credentials from this shell.
            Environment = Kakao.Provisioning.ProvisioningEnvironment.All.ToDictionary(name => name, string? (_) => null),
            CancelGracePeriod = TimeSpan.FromSeconds(2),
            InterruptGracePeriod = TimeSpan.FromSeconds(2),
        }, ct), cancellationToken).ConfigureAwait(false);
        console.Success($"{Tag} plugin started (pulumi-resource-kakao {_session.PluginVersion}), speaking the engine's gRPC protocol");

        await _session.ConfigureAsync(program.ProviderConfig, cancellationToken: cancellationToken).ConfigureAwait(false);
        console.Success($"{Tag} CheckConfig + Configure: project {program.ProjectId} at {emulator.ToString().TrimEnd('/')}");

        var preview = await _session.PreviewAsync(QuickstartProgram.SenderType, program.SenderName, program.SenderInputs, cancellationToken).ConfigureAwait(false);
        console.Success($"{Tag} preview (Check + Create preview): {preview.Operation.ToString().ToLowerInvariant()} {program.SenderName} ({program.PlusFriendId})");

        var up = await console.RunWithStatusAsync($"{Tag} up: creating {program.PlusFriendId}…",
            ct => _session.UpAsync(QuickstartProgram.SenderType, program.SenderName, program.SenderInputs, ct), cancellationToken).ConfigureAwait(false);
        _sender = up.State.Urn;
        using var http = new HttpClient();
        if (Observe("up (Check + Create)", up.State.Outputs) == "IN_PROGRESS")
        {
            await new EmulatorReviewer(http, emulator, program.ProjectId).ApproveAsync(program.PlusFriendId, cancellationToken).ConfigureAwait(false);
            console.Info($"The emulator's reviewer approved {program.PlusFriendId}.");
        }

        var refreshed = await RefreshAsync(final: false, cancellationToken).ConfigureAwait(false);
        if (refreshed is null)
        {
            return QuickstartExit.StepFailed;
        }

        using var client = program.CreateClient(emulator, timeProvider);
        var phone = ObservedOtpSource.ForJourney(client, Journey, $"{Tag} kakao senders register");
        var verifier = new SenderVerifier(phone, new PollingActivationWaiter(timeProvider, console), console, timeProvider);
        var outcome = await verifier.RunAsync(client, program.PlusFriendId, emulator, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != ExitCode.Success)
        {
            console.Error($"{Tag} {outcome.Message}");
            return (int)outcome.ExitCode;
        }

        console.Success($"{Tag} {outcome.Message}");
        Journey.Record($"{Tag} kakao senders verify", outcome.StatusAfter?.Value ?? "ACTIVE", "verified with the one-time code (read from the emulator)");

        var final = await RefreshAsync(final: true, cancellationToken).ConfigureAwait(false);
        return final is null ? QuickstartExit.StepFailed : QuickstartExit.ForStatus(final);
    }

    public IReadOnlyList<string> DescribeState(bool keep) =>
    [
        "State: none on disk. The engine harness keeps the resource's state in memory (there is no Pulumi stack on this path)"
            + (keep ? "; the emulator keeps the sender until you press Ctrl-C." : "; the sender is deleted at exit."),
    ];

    public async Task CleanupAsync(bool keep, CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return;
        }

        try
        {
            if (!keep && _sender is { } urn && _session.State.Find(urn) is not null)
            {
                await _session.DestroyAsync(urn, cancellationToken).ConfigureAwait(false);
                console.Info($"{Tag} destroy (Delete): {program.PlusFriendId} deleted");
            }
        }
        catch (Exception ex) when (ex is EngineHarnessException or OperationCanceledException)
        {
            console.Warn($"{Tag} could not delete {program.PlusFriendId} ({ex.Message}); the emulator's state is in memory and goes away with it.");
        }
        finally
        {
            await _session.DisposeAsync().ConfigureAwait(false);
            _session = null;
        }
    }

    /// <summary>Read (what pulumi refresh does); the new status, or null when the sender is gone.</summary>
    private async Task<string?> RefreshAsync(bool final, CancellationToken cancellationToken)
    {
        var refresh = await _session!.RefreshAsync(_sender!, cancellationToken).ConfigureAwait(false);
        if (refresh.After is null)
        {
            console.Error($"{Tag} refresh (Read): {program.PlusFriendId} no longer exists.");
            return null;
        }

        return Observe("refresh (Read)", refresh.After.Outputs, final ? "recorded in the harness's in-memory state" : null);
    }

    private string Observe(string step, PropertyMap outputs, string? meaning = null)
    {
        var status = outputs.GetOrDefault("status")?.Unsecret() is { Kind: PropertyValueKind.String } value ? value.StringValue : "UNKNOWN";
        Journey.Record($"{Tag} {step}", status, meaning ?? Journey.Meaning(status));
        console.Success($"{Tag} {step}: {program.PlusFriendId} is {status}");
        return status;
    }
}
