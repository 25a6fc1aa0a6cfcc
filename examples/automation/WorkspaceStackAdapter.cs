using System.Collections.Immutable;
using Kakao.Verification.Automation;
using Pulumi.Automation;

namespace KakaoAutomation;

/// <summary>
/// The Automation API calls Kakao.Verification needs, one line each over Pulumi.Automation's WorkspaceStack.
/// All translation (stack names, secrets, export shape, error classification) is the library's
/// AutomationWorkspace, which is tested in the repository without this package.
/// </summary>
internal sealed class WorkspaceStackAdapter(WorkspaceStack stack) : IAutomationStack
{
    public string Name => stack.Name;

    public string WorkDir => stack.Workspace.WorkDir;

    public async Task<(string StandardOutput, string StandardError)> UpAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken)
    {
        var result = await stack.UpAsync(new UpOptions { OnStandardOutput = onStandardOutput, OnStandardError = onStandardError }, cancellationToken);
        return (result.StandardOutput, result.StandardError);
    }

    public async Task<(string StandardOutput, string StandardError)> PreviewAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken)
    {
        var result = await stack.PreviewAsync(new PreviewOptions { OnStandardOutput = onStandardOutput, OnStandardError = onStandardError }, cancellationToken);
        return (result.StandardOutput, result.StandardError);
    }

    public async Task<(string StandardOutput, string StandardError)> RefreshAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken)
    {
        var result = await stack.RefreshAsync(new RefreshOptions { OnStandardOutput = onStandardOutput, OnStandardError = onStandardError }, cancellationToken);
        return (result.StandardOutput, result.StandardError);
    }

    public async Task<IReadOnlyDictionary<string, (object? Value, bool IsSecret)>> GetOutputsAsync(CancellationToken cancellationToken)
    {
        ImmutableDictionary<string, OutputValue> outputs = await stack.GetOutputsAsync(cancellationToken);
        return outputs.ToDictionary(kv => kv.Key, kv => ((object?)kv.Value.Value, kv.Value.IsSecret));
    }

    public async Task<string> ExportStackAsync(CancellationToken cancellationToken) =>
        (await stack.ExportStackAsync(cancellationToken)).Json.GetRawText();

    public async Task<IReadOnlyDictionary<string, (string Value, bool IsSecret)>> GetAllConfigAsync(CancellationToken cancellationToken)
    {
        ImmutableDictionary<string, ConfigValue> config = await stack.GetAllConfigAsync(cancellationToken);
        return config.ToDictionary(kv => kv.Key, kv => (kv.Value.Value, kv.Value.IsSecret));
    }
}
