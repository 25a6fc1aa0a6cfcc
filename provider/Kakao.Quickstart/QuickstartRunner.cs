using System.Net.Sockets;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Terminal;
using Kakao.Emulator;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Results;
using Kakao.Provisioning;

namespace Kakao.Quickstart;

/// <summary>
/// The quick start: finds the clone, starts the emulator in-process (reviews approved on cue, see
/// <see cref="EmulatorReviewer"/>), builds the
/// plugin, takes the root Pulumi.yaml's sender to ACTIVE with the pulumi CLI or, without it, with the engine
/// harness, prints the journey, and cleans up whatever happens (failure, timeout, Ctrl-C). Exit 0 only when
/// the sender ended ACTIVE.
/// </summary>
internal sealed class QuickstartRunner(
    IConsoleIO console,
    Func<string, string?> env,
    IProvisioningClientFactory clients,
    TimeProvider timeProvider)
{
    /// <summary>How long clean-up may take after the journey, even when the journey was cancelled.</summary>
    public static readonly TimeSpan CleanupBudget = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = new Started();
        try
        {
            var code = await RunJourneyAsync(settings, started, cancellationToken).ConfigureAwait(false);
            if (started.Keep)
            {
                await WaitForCtrlCAsync(cancellationToken).ConfigureAwait(false);
            }

            return code;
        }
        finally
        {
            // Also after an unexpected exception: no plugin process or emulator may outlive the command.
            using var cleanup = new CancellationTokenSource(CleanupBudget, timeProvider);
            if (started.Journey is not null)
            {
                await started.Journey.CleanupAsync(started.Keep, cleanup.Token).ConfigureAwait(false);
            }

            if (started.Emulator is not null)
            {
                await started.Emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Everything up to the summary; what it started is left in <paramref name="started"/> for clean-up.</summary>
    private async Task<int> RunJourneyAsync(QuickstartSettings settings, Started started, CancellationToken cancellationToken)
    {
        // The deadline starts once the plugin is ready: a first restore and publish on a slow machine is not
        // the journey, and only Ctrl-C bounds it.
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var root = RepositoryRoot.Find(settings.StartDirectory);
            var pulumi = await ChooseEngineAsync(settings, root, linked.Token).ConfigureAwait(false);

            started.Emulator = await StartEmulatorAsync(linked.Token).ConfigureAwait(false);
            var endpoint = started.Emulator.BaseAddress.ToString().TrimEnd('/');
            console.Success($"emulator      {endpoint} (in memory; its reviewer approves when the quick start asks)");
            var program = QuickstartProgram.Load(Path.Combine(root, "Pulumi.yaml"), new Dictionary<string, string> { ["endpoint"] = endpoint });

            var plugin = await BuildPluginAsync(settings, root, linked.Token).ConfigureAwait(false);
            console.Success($"plugin        {plugin.Description}");
            deadline.CancelAfter(settings.Timeout);

            IQuickstartJourney journey = pulumi is null
                ? new HarnessJourney(program, plugin.ExecutablePath, started.Emulator.BaseAddress, console, timeProvider)
                : new PulumiJourney(root, pulumi, program, started.Emulator.BaseAddress, console, clients, timeProvider, env, settings.Verbose);
            started.Journey = journey;

            var code = await journey.RunAsync(linked.Token).ConfigureAwait(false);
            if (code == (int)ExitCode.Cancelled)
            {
                // kakao verify reports an interruption as its own result; only the deadline makes it a timeout.
                return deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? TimedOut(settings.Timeout) : code;
            }

            Summarize(journey, program, endpoint, settings.Keep, code);
            started.Keep = settings.Keep;
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Warn("Interrupted; cleaning up.");
            return (int)ExitCode.Cancelled;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return TimedOut(settings.Timeout);
        }
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            console.Error(failure.Message);
            foreach (var line in failure.Details)
            {
                console.Error("  " + line);
            }

            return failure.ExitCode;
        }
    }

    /// <summary>The pulumi executable to use, or null for the engine harness.</summary>
    private async Task<string?> ChooseEngineAsync(QuickstartSettings settings, string root, CancellationToken cancellationToken)
    {
        if (settings.Engine == QuickstartEngine.Harness)
        {
            console.Info("Running with the engine harness (--engine harness), not the pulumi CLI.");
            return null;
        }

        var path = ExecutableSearch.OnPath("pulumi", env("PATH"));
        var version = path is null ? null : await PulumiJourney.VersionAsync(path, root, env, cancellationToken).ConfigureAwait(false);
        if (version is not null)
        {
            if (settings.PluginPath is not null)
            {
                throw new QuickstartStepException((int)ExitCode.UsageError,
                    "--plugin applies to the engine harness only: the pulumi CLI runs the plugin Pulumi.yaml names (.pulumi-local/plugin). Drop --plugin, or add --engine harness.");
            }

            console.Success($"pulumi        {path} ({version})");
            return path;
        }

        if (settings.Engine == QuickstartEngine.Pulumi)
        {
            throw new QuickstartStepException((int)ExitCode.UsageError,
                path is null ? "--engine pulumi: the pulumi CLI is not on PATH. Install it (https://www.pulumi.com/docs/install/) or use --engine harness."
                    : $"--engine pulumi: `{path} version` failed. Fix the installation or use --engine harness.");
        }

        console.Warn((path is null ? "The pulumi CLI is not on PATH." : $"`{path} version` failed, so the pulumi CLI is not usable.")
            + " Running the same journey with the engine harness, which drives the plugin over gRPC the way the Pulumi engine does."
            + " Install Pulumi (https://www.pulumi.com/docs/install/) to run it with the real CLI. Every step below is labelled "
            + HarnessJourney.Tag + ".");
        return null;
    }

    private static async Task<EmulatorServer> StartEmulatorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatorServer.StartAsync(new EmulatorOptions { ReviewMode = ReviewMode.Manual, Urls = "http://127.0.0.1:0" }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed, $"The emulator did not start: {ex.Message}");
        }
    }

    private async Task<PluginBuild> BuildPluginAsync(QuickstartSettings settings, string root, CancellationToken cancellationToken)
    {
        if (settings.PluginPath is { } prebuilt)
        {
            var full = Path.GetFullPath(prebuilt);
            return File.Exists(full)
                ? new PluginBuild(full, $"{full} (prebuilt, --plugin)")
                : throw new QuickstartStepException((int)ExitCode.UsageError, $"--plugin {prebuilt}: no such file.");
        }

        return await new PluginBuilder(ExecutableSearch.Dotnet(env), console, timeProvider, settings.Build).EnsureBuiltAsync(root, settings.Verbose, cancellationToken).ConfigureAwait(false);
    }

    private void Summarize(IQuickstartJourney journey, QuickstartProgram program, string endpoint, bool keep, int code)
    {
        journey.Journey.Print(console, $"Journey of {program.PlusFriendId} (project {program.ProjectId}, emulator {endpoint}; {journey.Label})");
        console.Info("");
        foreach (var line in journey.DescribeState(keep))
        {
            console.Info(line);
        }

        console.Info("Next: examples/yaml-basic, examples/csharp, examples/import, examples/pipeline; docs/troubleshooting.md.");
        if (code == 0)
        {
            console.Success($"The sender is ACTIVE ({journey.Label}).");
        }
        else
        {
            console.Error($"The sender did not end ACTIVE (last status {journey.Journey.FinalStatus ?? "unknown"}); exit {code}.");
        }
    }

    private async Task WaitForCtrlCAsync(CancellationToken cancellationToken)
    {
        console.Info("Press Ctrl-C to stop the emulator and clean up.");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The expected way out of --keep.
        }
    }

    private int TimedOut(TimeSpan timeout)
    {
        console.Error($"The quick start did not finish within {Durations.Format(timeout)} (--timeout); cleaning up.");
        return (int)ExitCode.Timeout;
    }

    /// <summary>The one place failures become messages and exit codes; null for exceptions that are bugs.</summary>
    private static QuickstartStepException? Classify(Exception ex) => ex switch
    {
        QuickstartStepException step => step,
        PulumiCommandException pulumi => new(QuickstartExit.StepFailed, pulumi.Message),
        ConfigurationException config => new((int)ExitCode.UsageError, config.Message),
        CheckFailedException check => new(QuickstartExit.StepFailed, "The plugin rejected the sender of Pulumi.yaml: " + check.Message),
        PluginProcessException plugin => new((int)ExitCode.ApiFailure, "The plugin could not be started or reached: " + plugin.Message),
        ProviderRpcException { StatusCode: Grpc.Core.StatusCode.Unavailable } rpc => new((int)ExitCode.ApiFailure, "The plugin could not be reached: " + rpc.Message),
        ProviderRpcException rpc => new(QuickstartExit.StepFailed, "The plugin failed: " + rpc.Message),
        EngineHarnessException harness => new(QuickstartExit.StepFailed, harness.Message),
        ProvisioningApiException api => new((int)ExitCode.ApiFailure, "The emulator's API failed: " + api.Message),
        HttpRequestException http => new((int)ExitCode.ApiFailure, "The emulator could not be reached: " + http.Message),
        _ => null,
    };

    /// <summary>What a run started, for clean-up.</summary>
    private sealed class Started
    {
        public EmulatorServer? Emulator { get; set; }

        public IQuickstartJourney? Journey { get; set; }

        /// <summary>True once the journey was summarized with --keep: the stack and its backend stay.</summary>
        public bool Keep { get; set; }
    }
}
