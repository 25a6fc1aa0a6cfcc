using System.Text.Json;
using System.Text.Json.Nodes;
using Kakao.Verification.Pulumi;

namespace Kakao.Verification.Automation;

/// <summary>
/// <see cref="IPulumiWorkspace"/> over one Pulumi Automation API stack (through <see cref="IAutomationStack"/>):
/// the stack name must be the stack's own (or null), secrets are masked unless asked for, a checkpoint in either
/// export shape is read, and Automation's failures become <see cref="PulumiCommandException"/>s classified like
/// the <c>pulumi</c> CLI's (not logged in, no stack, passphrase, concurrent update).
/// </summary>
/// <param name="stack">The Automation stack.</param>
public sealed class AutomationWorkspace(IAutomationStack stack) : IPulumiWorkspace
{
    private const string Masked = "[secret]";

    /// <inheritdoc />
    public string WorkDir => stack.WorkDir;

    /// <inheritdoc />
    public Task SelectStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        Check(stackName, "stack select");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PulumiCommandResult> PreviewAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("preview", stackName, options, stack.PreviewAsync, cancellationToken);

    /// <inheritdoc />
    public Task<PulumiCommandResult> UpAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("up", stackName, options, stack.UpAsync, cancellationToken);

    /// <inheritdoc />
    public Task<PulumiCommandResult> RefreshAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("refresh", stackName, options, stack.RefreshAsync, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PulumiOutputValue>> GetStackOutputsAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default)
    {
        Check(stackName, "stack output");
        var outputs = await CallAsync("stack output", () => stack.GetOutputsAsync(cancellationToken)).ConfigureAwait(false);
        return outputs.ToDictionary(
            kv => kv.Key,
            kv => new PulumiOutputValue(kv.Value.IsSecret && !showSecrets ? JsonValue.Create(Masked) : JsonSerializer.SerializeToNode(kv.Value.Value), kv.Value.IsSecret),
            StringComparer.Ordinal);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Automation's export has no <c>--show-secrets</c>: secrets stay encrypted, so the key secret must come
    /// from SINCH_KEY_SECRET or the stack config (<c>kakao:keySecret</c>), which the verification reads first.
    /// </remarks>
    public async Task<PulumiDeployment> ExportStackAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default)
    {
        Check(stackName, "stack export");
        var json = await CallAsync("stack export", () => stack.ExportStackAsync(cancellationToken)).ConfigureAwait(false);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PulumiCommandException(PulumiErrorKind.UnexpectedOutput, "stack export", -1, $"The Automation API's stack export is not JSON ({ex.Message}).");
        }

        // StackDeployment.Json is the whole export ({version, deployment}); a bare deployment is accepted too.
        var document = root is JsonObject o && o.ContainsKey("deployment") ? o : new JsonObject { ["deployment"] = root?.DeepClone() };
        return PulumiDeployment.Parse(document.ToJsonString());
    }

    /// <inheritdoc />
    public async Task<PulumiConfigValue?> GetConfigAsync(string? stackName, string key, CancellationToken cancellationToken = default)
    {
        Check(stackName, "config get");
        var all = await CallAsync("config get", () => stack.GetAllConfigAsync(cancellationToken)).ConfigureAwait(false);
        return all.TryGetValue(key, out var value) ? new PulumiConfigValue(value.Value, value.IsSecret) : null;
    }

    private async Task<PulumiCommandResult> RunAsync(
        string command, string? stackName, PulumiRunOptions? options,
        Func<Action<string>?, Action<string>?, CancellationToken, Task<(string StandardOutput, string StandardError)>> run, CancellationToken cancellationToken)
    {
        Check(stackName, command);
        var (stdout, stderr) = await CallAsync(command, () => run(options?.OnStandardOutput, options?.OnStandardError, cancellationToken)).ConfigureAwait(false);
        return new PulumiCommandResult(stdout, stderr);
    }

    private void Check(string? stackName, string command)
    {
        if (stackName is not null && stackName != stack.Name)
        {
            throw new PulumiCommandException(PulumiErrorKind.StackNotFound, command, -1,
                $"This Automation API workspace drives stack {stack.Name}, not {stackName}: create a workspace for that stack.");
        }
    }

    private static async Task<T> CallAsync<T>(string command, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PulumiCommandException)
        {
            // Automation's CommandException carries the CLI's stderr in its message: classify it like ours.
            throw PulumiErrorClassifier.Classify(command, -1, ex.Message, "");
        }
    }
}
