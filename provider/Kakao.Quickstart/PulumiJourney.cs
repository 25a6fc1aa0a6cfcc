using System.ComponentModel;
using System.Text.Json.Nodes;
using Kakao.Cli.Processes;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Terminal;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Quickstart;

/// <summary>
/// The journey with the real pulumi CLI on the root Pulumi.yaml: a local file backend in a temporary folder
/// (no login, nothing sent to Pulumi Cloud), a passphrase secrets provider, stack <c>quickstart</c>;
/// <c>pulumi up</c>, <c>pulumi refresh</c>, then the driver's <c>kakao verify</c> (which refreshes again) with the
/// emulator's OTP endpoint as the code source, and the final status read from the stack's outputs.
/// </summary>
internal sealed class PulumiJourney : IQuickstartJourney
{
    public const string StackName = "quickstart";
    public const string Passphrase = "quickstart";

    private readonly string _root;
    private readonly string _pulumi;
    private readonly QuickstartProgram _program;
    private readonly Uri _emulator;
    private readonly IConsoleIO _console;
    private readonly IProvisioningClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _env;
    private readonly bool _verbose;
    private readonly string _tempFolder;
    private readonly Dictionary<string, string?> _pulumiEnvironment;
    private readonly PulumiCliWorkspace _workspace;
    private bool _stackCreated;

    public PulumiJourney(
        string root, string pulumiPath, QuickstartProgram program, Uri emulator, IConsoleIO console,
        IProvisioningClientFactory clients, TimeProvider time, Func<string, string?> env, bool verbose)
    {
        _root = root;
        _pulumi = pulumiPath;
        _program = program;
        _emulator = emulator;
        _console = console;
        _clients = clients;
        _time = time;
        _env = env;
        _verbose = verbose;
        _tempFolder = Path.Combine(Path.GetTempPath(), "kakao-quickstart-" + Guid.NewGuid().ToString("N")[..8]);
        BackendUrl = "file://" + Path.Combine(_tempFolder, "state").Replace('\\', '/');
        _pulumiEnvironment = Environment(env, BackendUrl);
        _workspace = new PulumiCliWorkspace(new PulumiCliOptions { WorkDir = root, PulumiPath = pulumiPath, EnvironmentVariables = _pulumiEnvironment });
    }

    /// <summary>The file backend holding the stack.</summary>
    public string BackendUrl { get; }

    public string Label => "the pulumi CLI";

    public Journey Journey { get; } = new();

    private string StackConfigFile => Path.Combine(_root, $"Pulumi.{StackName}.yaml");

    /// <summary>
    /// What every pulumi command runs with: the temporary backend instead of the user's current login, our
    /// passphrase (never a passphrase file of theirs), no access token so nothing can reach Pulumi Cloud.
    /// </summary>
    public static Dictionary<string, string?> Environment(Func<string, string?> env, string backendUrl) => new()
    {
        ["PATH"] = env("PATH"),
        ["PULUMI_BACKEND_URL"] = backendUrl,
        ["PULUMI_CONFIG_PASSPHRASE"] = Passphrase,
        ["PULUMI_CONFIG_PASSPHRASE_FILE"] = null,
        ["PULUMI_ACCESS_TOKEN"] = null,
        ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
    };

    /// <summary>True when <c>pulumi version</c> runs and succeeds.</summary>
    public static async Task<string?> VersionAsync(string pulumiPath, string root, Func<string, string?> env, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(new ProcessRequest
            {
                FileName = pulumiPath,
                Arguments = ["version"],
                WorkingDirectory = root,
                Environment = new Dictionary<string, string?> { ["PATH"] = env("PATH"), ["PULUMI_SKIP_UPDATE_CHECK"] = "true" },
                InterruptGrace = TimeSpan.FromSeconds(2),
            }, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0 ? result.Tail.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "unknown version" : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(_tempFolder, "state"));
        _console.Success($"backend       {BackendUrl} (local files, passphrase '{Passphrase}'; no Pulumi Cloud login)");
        if (File.Exists(StackConfigFile))
        {
            // Left by an interrupted run; its encryption salt belongs to a backend that no longer exists.
            File.Delete(StackConfigFile);
            _console.Info($"Removed a stale {Path.GetFileName(StackConfigFile)} from an earlier quick start.");
        }

        await RunPulumiAsync("stack init", ["stack", "init", StackName, "--secrets-provider", "passphrase"], cancellationToken).ConfigureAwait(false);
        _stackCreated = true;
        await RunPulumiAsync("config set", ["config", "set", "endpoint", _emulator.ToString().TrimEnd('/'), "--stack", StackName], cancellationToken).ConfigureAwait(false);
        _console.Success($"stack         {StackName} on {Path.GetFileName(Path.Combine(_root, "Pulumi.yaml"))} (project {_program.ProjectName}), endpoint = the emulator");

        await StreamedAsync("pulumi up", (options, ct) => _workspace.UpAsync(StackName, options, ct), cancellationToken).ConfigureAwait(false);
        if (await ObserveAsync("pulumi up", cancellationToken).ConfigureAwait(false) == SenderStatus.InProgress.Value)
        {
            using var http = new HttpClient();
            await new EmulatorReviewer(http, _emulator, _program.ProjectId).ApproveAsync(_program.PlusFriendId, cancellationToken).ConfigureAwait(false);
            _console.Info($"The emulator's reviewer approved {_program.PlusFriendId}.");
        }

        await StreamedAsync("pulumi refresh", (options, ct) => _workspace.RefreshAsync(StackName, options, ct), cancellationToken).ConfigureAwait(false);
        var status = await ObserveAsync("pulumi refresh", cancellationToken).ConfigureAwait(false);
        if (status != SenderStatus.PendingVerification.Value)
        {
            _console.Error($"{_program.PlusFriendId} is {status} after the review; expected PENDING_VERIFICATION.");
            return QuickstartExit.ForStatus(status);
        }

        _console.Info("kakao verify --stack quickstart: register, code from the emulator's OTP endpoint, verify, refresh");
        var report = await VerifyAsync(cancellationToken).ConfigureAwait(false);
        if (report.ExitCode != ExitCode.Success)
        {
            return (int)report.ExitCode;
        }

        var verified = report.Senders.FirstOrDefault(s => s.PlusFriendId == _program.PlusFriendId);
        Journey.Record("kakao verify", verified?.StatusAfter?.Value ?? "ACTIVE", "verified with the one-time code (read from the emulator)");
        // kakao verify ended with `pulumi refresh`; the stack's outputs are what the exit code is decided on.
        var final = await ObserveAsync("pulumi refresh", cancellationToken, "recorded in the stack").ConfigureAwait(false);
        return QuickstartExit.ForStatus(final);
    }

    public IReadOnlyList<string> DescribeState(bool keep) => keep
        ?
        [
            $"State: stack '{StackName}' in {BackendUrl} (passphrase '{Passphrase}'), kept. In another terminal:",
            $"  export PULUMI_BACKEND_URL={BackendUrl} PULUMI_CONFIG_PASSPHRASE={Passphrase}",
            $"  pulumi stack output --stack {StackName}      # from the repository root",
            $"  kakao status --stack {StackName}",
            $"Remove it later with: rm -rf {_tempFolder} {StackConfigFile}",
        ]
        : [$"State: stack '{StackName}' in {BackendUrl} (passphrase '{Passphrase}'), removed at exit."];

    public async Task CleanupAsync(bool keep, CancellationToken cancellationToken)
    {
        if (keep)
        {
            return;
        }

        if (_stackCreated)
        {
            try
            {
                await RunPulumiAsync("destroy", ["destroy", "--yes", "--skip-preview", "--stack", StackName], cancellationToken).ConfigureAwait(false);
                _console.Info($"pulumi destroy: {_program.PlusFriendId} deleted");
                await RunPulumiAsync("stack rm", ["stack", "rm", StackName, "--yes"], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is QuickstartStepException or OperationCanceledException)
            {
                // The backend is deleted below anyway; the emulator's senders live in memory only.
                _console.Warn($"Clean-up of stack {StackName} was incomplete ({ex.Message}); its backend folder is removed regardless.");
            }
        }

        TryDelete(() => File.Delete(StackConfigFile));
        TryDelete(() => Directory.Delete(_tempFolder, recursive: true));
    }

    private async Task<VerifyReport> VerifyAsync(CancellationToken cancellationToken)
    {
        using var observer = _program.CreateClient(_emulator, _time);
        var phone = ObservedOtpSource.ForJourney(observer, Journey, "kakao verify");

        // The provider's keySecret is encrypted in the stack; the emulator's well-known one is handed over the
        // driver's documented channel, so a SINCH_KEY_SECRET of the user's never goes to the emulator.
        string? Env(string name) => name == "SINCH_KEY_SECRET" ? _program.KeySecret : _env(name);
        var runner = new VerifyRunner(_workspace, _clients, _console, _time, Env);
        return await runner.RunAsync(new VerifySettings { Stack = StackName, Timeout = TimeSpan.FromMinutes(10) }, phone,
            new PollingActivationWaiter(_time, _console), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ObserveAsync(string step, CancellationToken cancellationToken, string? meaning = null)
    {
        var outputs = await _workspace.GetStackOutputsAsync(StackName, cancellationToken: cancellationToken).ConfigureAwait(false);
        var status = outputs.TryGetValue("status", out var value) && value.Value is JsonValue json && json.TryGetValue<string>(out var text) ? text : "UNKNOWN";
        Journey.Record(step, status, meaning ?? Journey.Meaning(status));
        _console.Success($"{step}: {_program.PlusFriendId} is {status}");
        return status;
    }

    /// <summary>A long pulumi command: streamed with --verbose, else one status line; its last lines kept for errors.</summary>
    private async Task StreamedAsync(string step, Func<PulumiRunOptions, CancellationToken, Task<PulumiCommandResult>> run, CancellationToken cancellationToken)
    {
        var tail = new Queue<string>();
        void Keep(string line)
        {
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > ProcessRunner.TailLines)
                {
                    tail.Dequeue();
                }
            }

            if (_verbose)
            {
                _console.Info("  " + line);
            }
        }

        try
        {
            await StepStatus.RunAsync(_console, $"{step} --stack {StackName}…", _verbose, ct => run(new PulumiRunOptions { OnStandardOutput = Keep, OnStandardError = Keep }, ct), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (PulumiCommandException ex)
        {
            List<string> lines;
            lock (tail)
            {
                lines = tail.ToList();
            }

            throw new QuickstartStepException(QuickstartExit.StepFailed, ex.Message, lines);
        }
    }

    private async Task RunPulumiAsync(string command, List<string> arguments, CancellationToken cancellationToken)
    {
        arguments.AddRange(["--non-interactive", "--cwd", _root]);
        ProcessResult result;
        try
        {
            Action<string>? show = _verbose ? line => _console.Info("  " + line) : null;
            result = await ProcessRunner.RunAsync(new ProcessRequest
            {
                FileName = _pulumi,
                Arguments = arguments,
                WorkingDirectory = _root,
                Environment = _pulumiEnvironment,
                OnStandardOutput = show,
                OnStandardError = show,
                InterruptGrace = TimeSpan.FromSeconds(30),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception)
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed, $"`pulumi {command}` could not be started ({_pulumi}).");
        }

        if (result.ExitCode != 0)
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed, $"`pulumi {command}` failed with exit code {result.ExitCode}.", result.Tail);
        }
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder the OS cleans later is no reason to fail a successful run.
        }
    }
}
