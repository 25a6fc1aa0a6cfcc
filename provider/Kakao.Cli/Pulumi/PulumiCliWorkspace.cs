using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kakao.Cli.Processes;

namespace Kakao.Cli.Pulumi;

/// <summary>
/// <see cref="IPulumiWorkspace"/> over the <c>pulumi</c> CLI, always non-interactive, machine-readable output
/// where the CLI offers it (<c>--json</c>, <c>stack export</c>). Output of commands that can print secrets is
/// captured, never streamed.
/// </summary>
public sealed class PulumiCliWorkspace : IPulumiWorkspace
{
    private readonly PulumiCliOptions _options;

    /// <summary>Creates the workspace.</summary>
    /// <param name="options">Where the project is and how to run the CLI.</param>
    public PulumiCliWorkspace(PulumiCliOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public string WorkDir => _options.WorkDir;

    /// <inheritdoc />
    public async Task SelectStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stackName);
        await RunAsync("stack select", ["stack", "select", stackName], null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<PulumiCommandResult> PreviewAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("preview", WithStack(["preview"], stackName), options, cancellationToken);

    /// <inheritdoc />
    public Task<PulumiCommandResult> UpAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("up", WithStack(["up", "--yes", "--skip-preview"], stackName), options, cancellationToken);

    /// <inheritdoc />
    public Task<PulumiCommandResult> RefreshAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("refresh", WithStack(["refresh", "--yes", "--skip-preview"], stackName), options, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PulumiOutputValue>> GetStackOutputsAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default)
    {
        var args = WithStack(["stack", "output", "--json"], stackName);
        if (showSecrets)
        {
            args.Add("--show-secrets");
        }

        var result = await RunAsync("stack output", args, null, cancellationToken).ConfigureAwait(false);
        var root = ParseJson(result.StandardOutput, "stack output") as JsonObject
            ?? throw Unexpected("stack output", "expected a JSON object");
        return root.ToDictionary(
            kv => kv.Key,
            kv => new PulumiOutputValue(kv.Value?.DeepClone(), kv.Value is JsonValue v && v.TryGetValue<string>(out var s) && s == "[secret]"));
    }

    /// <inheritdoc />
    public async Task<PulumiDeployment> ExportStackAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default)
    {
        var args = WithStack(["stack", "export"], stackName);
        if (showSecrets)
        {
            args.Add("--show-secrets");
        }

        var result = await RunAsync("stack export", args, null, cancellationToken).ConfigureAwait(false);
        return PulumiDeployment.Parse(result.StandardOutput);
    }

    /// <inheritdoc />
    public async Task<PulumiConfigValue?> GetConfigAsync(string? stackName, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        PulumiCommandResult result;
        try
        {
            result = await RunAsync("config get", WithStack(["config", "get", key, "--json"], stackName), null, cancellationToken).ConfigureAwait(false);
        }
        catch (PulumiCommandException ex) when (ex.Kind == PulumiErrorKind.CommandFailed && ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = ParseJson(result.StandardOutput, "config get");
        if (root is JsonObject obj)
        {
            var secret = obj["secret"]?.GetValueKind() == JsonValueKind.True;
            var value = obj["value"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : obj["objectValue"]?.ToJsonString();
            return value is null ? null : new PulumiConfigValue(value, secret);
        }

        // Older CLIs print the bare JSON string.
        return root is JsonValue bare && bare.TryGetValue<string>(out var plain) ? new PulumiConfigValue(plain, false) : null;
    }

    private List<string> WithStack(List<string> args, string? stackName)
    {
        if (!string.IsNullOrWhiteSpace(stackName))
        {
            args.Add("--stack");
            args.Add(stackName);
        }

        return args;
    }

    private async Task<PulumiCommandResult> RunAsync(string command, List<string> args, PulumiRunOptions? streaming, CancellationToken cancellationToken)
    {
        args.AddRange(["--non-interactive", "--cwd", _options.WorkDir]);
        // No update nags, no colour codes in captured output; then the caller's variables.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["PULUMI_SKIP_UPDATE_CHECK"] = "true", ["NO_COLOR"] = "1" };
        foreach (var (name, value) in _options.EnvironmentVariables)
        {
            environment[name] = value;
        }

        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(new ProcessRequest
            {
                FileName = ResolveExecutable(),
                Arguments = args,
                Environment = environment,
                OnStandardOutput = streaming?.OnStandardOutput,
                OnStandardError = streaming?.OnStandardError,
                InterruptGrace = _options.CancelGracePeriod,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            throw new PulumiCommandException(PulumiErrorKind.CliNotFound, command, -1, CliNotFoundMessage, ex);
        }

        if (result.ExitCode != 0)
        {
            throw PulumiErrorClassifier.Classify(command, result.ExitCode, result.StandardError, result.StandardOutput);
        }

        return new PulumiCommandResult(result.StandardOutput, result.StandardError);
    }

    private string ResolveExecutable()
    {
        if (!string.IsNullOrWhiteSpace(_options.PulumiPath))
        {
            return _options.PulumiPath;
        }

        var path = _options.EnvironmentVariables.TryGetValue("PATH", out var overridden) ? overridden : Environment.GetEnvironmentVariable("PATH");
        var names = OperatingSystem.IsWindows() ? new[] { "pulumi.exe", "pulumi.cmd" } : ["pulumi"];
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        // Not found: let the start fail, which we turn into CliNotFound.
        return Path.Combine(Path.GetTempPath(), "pulumi-not-on-path-" + Guid.NewGuid().ToString("N"));
    }

    private static JsonNode? ParseJson(string text, string command)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw Unexpected(command, ex.Message);
        }
    }

    private static PulumiCommandException Unexpected(string command, string why) =>
        new(PulumiErrorKind.UnexpectedOutput, command, 0, $"`pulumi {command}` printed output kakao could not read ({why}).");

    private const string CliNotFoundMessage =
        "The pulumi CLI was not found on PATH. Install it (https://www.pulumi.com/docs/install/) or put it on PATH, then run `pulumi login`.";
}
