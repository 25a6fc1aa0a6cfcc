namespace Kakao.Verification.Automation;

/// <summary>
/// The few Pulumi Automation API calls <see cref="AutomationWorkspace"/> needs, in plain types, so the
/// translation to <see cref="Pulumi.IPulumiWorkspace"/> is ours and tested without the Pulumi.Automation package.
/// A program implements it over <c>Pulumi.Automation.WorkspaceStack</c> in a few lines (see
/// <c>examples/automation</c>). Methods may throw Automation's exceptions; their messages are classified.
/// </summary>
public interface IAutomationStack
{
    /// <summary>The stack's name (<c>WorkspaceStack.Name</c>).</summary>
    string Name { get; }

    /// <summary>The project directory (<c>LocalWorkspace.WorkDir</c>).</summary>
    string WorkDir { get; }

    /// <summary><c>WorkspaceStack.UpAsync</c>; returns its standard output and error.</summary>
    /// <param name="onStandardOutput">Receives each output line.</param>
    /// <param name="onStandardError">Receives each error line.</param>
    /// <param name="cancellationToken">Stops the update.</param>
    Task<(string StandardOutput, string StandardError)> UpAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken);

    /// <summary><c>WorkspaceStack.PreviewAsync</c>; returns its standard output and error.</summary>
    /// <param name="onStandardOutput">Receives each output line.</param>
    /// <param name="onStandardError">Receives each error line.</param>
    /// <param name="cancellationToken">Stops the preview.</param>
    Task<(string StandardOutput, string StandardError)> PreviewAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken);

    /// <summary><c>WorkspaceStack.RefreshAsync</c>; returns its standard output and error.</summary>
    /// <param name="onStandardOutput">Receives each output line.</param>
    /// <param name="onStandardError">Receives each error line.</param>
    /// <param name="cancellationToken">Stops the refresh.</param>
    Task<(string StandardOutput, string StandardError)> RefreshAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken);

    /// <summary><c>WorkspaceStack.GetOutputsAsync</c>: each output's value (plaintext) and whether it is secret.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    Task<IReadOnlyDictionary<string, (object? Value, bool IsSecret)>> GetOutputsAsync(CancellationToken cancellationToken);

    /// <summary><c>WorkspaceStack.ExportStackAsync</c>: the checkpoint JSON (<c>StackDeployment.Json</c>).</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    Task<string> ExportStackAsync(CancellationToken cancellationToken);

    /// <summary><c>WorkspaceStack.GetAllConfigAsync</c>: every config value (decrypted) by full key, e.g. <c>kakao:keyId</c>.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    Task<IReadOnlyDictionary<string, (string Value, bool IsSecret)>> GetAllConfigAsync(CancellationToken cancellationToken);
}
