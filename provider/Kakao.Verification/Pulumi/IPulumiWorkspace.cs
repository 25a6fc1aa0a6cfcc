namespace Kakao.Verification.Pulumi;

/// <summary>
/// The Pulumi operations the driver needs, shaped like Pulumi Automation's <c>LocalWorkspace</c> /
/// <c>WorkspaceStack</c> so an Automation API adapter can implement it. A null stack name means the stack
/// currently selected in the workspace directory.
/// </summary>
public interface IPulumiWorkspace
{
    /// <summary>The project directory (<c>--cwd</c>).</summary>
    string WorkDir { get; }

    /// <summary>Selects <paramref name="stackName"/> as the workspace's current stack.</summary>
    Task SelectStackAsync(string stackName, CancellationToken cancellationToken = default);

    /// <summary>Previews an update (<c>pulumi preview</c>).</summary>
    Task<PulumiCommandResult> PreviewAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Applies the program (<c>pulumi up --yes --skip-preview</c>).</summary>
    Task<PulumiCommandResult> UpAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every resource's live state into the stack (<c>pulumi refresh --yes --skip-preview</c>).</summary>
    Task<PulumiCommandResult> RefreshAsync(string? stackName, PulumiRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The stack outputs; secret outputs are masked unless <paramref name="showSecrets"/>.</summary>
    Task<IReadOnlyDictionary<string, PulumiOutputValue>> GetStackOutputsAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default);

    /// <summary>The stack's checkpoint (<c>pulumi stack export</c>); secrets stay encrypted unless <paramref name="showSecrets"/>.</summary>
    Task<PulumiDeployment> ExportStackAsync(string? stackName, bool showSecrets = false, CancellationToken cancellationToken = default);

    /// <summary>A stack configuration value (secrets decrypted), or null when the key is not set.</summary>
    Task<PulumiConfigValue?> GetConfigAsync(string? stackName, string key, CancellationToken cancellationToken = default);
}

/// <summary>Streaming callbacks of a long-running Pulumi command (like Automation's <c>onStandardOutput</c>).</summary>
public sealed class PulumiRunOptions
{
    /// <summary>Receives each line the CLI writes to standard output.</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Receives each line the CLI writes to standard error.</summary>
    public Action<string>? OnStandardError { get; init; }
}

/// <summary>The outcome of a Pulumi command that succeeded.</summary>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
public sealed record PulumiCommandResult(string StandardOutput, string StandardError);

/// <summary>A stack output.</summary>
/// <param name="Value">The JSON value (the string <c>[secret]</c> when masked).</param>
/// <param name="IsSecret">Whether Pulumi treats the output as secret.</param>
public sealed record PulumiOutputValue(System.Text.Json.Nodes.JsonNode? Value, bool IsSecret)
{
    /// <summary>Never prints the value of a secret output.</summary>
    public override string ToString() => IsSecret ? "[secret]" : Value?.ToJsonString() ?? "null";
}

/// <summary>A stack configuration value.</summary>
/// <param name="Value">The value as text (decrypted).</param>
/// <param name="IsSecret">Whether the value is stored encrypted.</param>
public sealed record PulumiConfigValue(string Value, bool IsSecret)
{
    /// <summary>Never prints the value of a secret.</summary>
    public override string ToString() => IsSecret ? "[secret]" : Value;
}
