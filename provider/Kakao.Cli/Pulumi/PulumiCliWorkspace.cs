using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

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
        using var process = new Process { StartInfo = CreateStartInfo(args) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new PulumiCommandException(PulumiErrorKind.CliNotFound, command, -1, CliNotFoundMessage, ex);
        }

        process.StandardInput.Close();
        var stdout = PumpAsync(process.StandardOutput, streaming?.OnStandardOutput);
        var stderr = PumpAsync(process.StandardError, streaming?.OnStandardError);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process).ConfigureAwait(false);
            await DrainAsync(stdout, stderr).ConfigureAwait(false);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw PulumiErrorClassifier.Classify(command, process.ExitCode, error, output);
        }

        return new PulumiCommandResult(output, error);
    }

    private ProcessStartInfo CreateStartInfo(List<string> args)
    {
        var info = new ProcessStartInfo(ResolveExecutable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // No update nags, no colour codes in captured output.
        info.Environment["PULUMI_SKIP_UPDATE_CHECK"] = "true";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in _options.EnvironmentVariables)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
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

        // Not found: let Process.Start fail, which we turn into CliNotFound.
        return Path.Combine(Path.GetTempPath(), "pulumi-not-on-path-" + Guid.NewGuid().ToString("N"));
    }

    private async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        // Ask pulumi to stop the way Ctrl-C does, so it cancels the update and releases the stack lock.
        ProcessSignals.Interrupt(process);
        using var grace = new CancellationTokenSource(_options.CancelGracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Lets the user see what pulumi said while stopping; a grandchild holding the pipe cannot block us.</summary>
    private static async Task DrainAsync(Task<string> stdout, Task<string> stderr)
    {
        try
        {
            await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task<string> PumpAsync(StreamReader reader, Action<string>? onLine)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            all.AppendLine(line);
            onLine?.Invoke(line);
        }

        return all.ToString();
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
