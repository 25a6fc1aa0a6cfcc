using System.Text.Json.Nodes;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Terminal;
using Kakao.Cli.Verification;
using Kakao.Provisioning;

namespace Kakao.Cli.Commands;

/// <summary>
/// What a command knew when it failed, so the failure's message can be precise: the connection (where the key
/// came from), the sender, and how <c>--json</c> reports a failure (one JSON object on standard output).
/// </summary>
internal sealed class FailureContext
{
    public SinchConnection? Connection { get; set; }

    public string? PlusFriendId { get; set; }

    /// <summary>Writes the failure as the command's one JSON document; null without <c>--json</c>.</summary>
    public Action<ExitCode, string>? WriteJson { get; set; }

    /// <summary>The generic JSON failure document: <c>{exitCode, result, error}</c>.</summary>
    public static string ErrorJson(ExitCode code, string message) => new JsonObject
    {
        ["exitCode"] = (int)code,
        ["result"] = code.ToString(),
        ["error"] = message,
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}

/// <summary>The one place failures become messages and exit codes. Messages here are secret-free by construction.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(IConsoleIO console, Func<Task<ExitCode>> action, CancellationToken cancellationToken, FailureContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(action);
        ExitCode code;
        string message;
        try
        {
            return (int)await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (code, message) = (ExitCode.Cancelled, "Interrupted.");
            console.Warn(message);
            context?.WriteJson?.Invoke(code, message);
            return (int)code;
        }
        catch (ConfigurationException ex)
        {
            (code, message) = (ExitCode.UsageError, ex.Message);
        }
        catch (PulumiCommandException ex)
        {
            (code, message) = (ex.IsConfigurationError ? ExitCode.UsageError : ExitCode.ApiFailure, ex.Message);
        }
        catch (ProvisioningApiException ex)
        {
            (code, message) = (ApiFailures.ExitCodeOf(ex), ApiFailures.Describe(ex, context?.Connection, context?.PlusFriendId));
        }
        catch (HttpRequestException ex)
        {
            (code, message) = (ExitCode.ApiFailure, $"Network failure: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or an environment problem we did not foresee: still one of the documented codes, and
            // the type name helps a bug report. (Our own messages never carry secrets; neither do the client's.)
            (code, message) = (ExitCode.ApiFailure, $"Unexpected failure ({ex.GetType().Name}): {ex.Message}");
        }

        console.Error(message);
        context?.WriteJson?.Invoke(code, message);
        return (int)code;
    }
}
