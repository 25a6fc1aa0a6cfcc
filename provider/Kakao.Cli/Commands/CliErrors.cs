using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Terminal;
using Kakao.Provisioning;

namespace Kakao.Cli.Commands;

/// <summary>The one place failures become messages and exit codes. Messages here are secret-free by construction.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(IConsoleIO console, Func<Task<ExitCode>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return (int)await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Warn("Interrupted.");
            return (int)ExitCode.Cancelled;
        }
        catch (ConfigurationException ex)
        {
            console.Error(ex.Message);
            return (int)ExitCode.UsageError;
        }
        catch (PulumiCommandException ex)
        {
            console.Error(ex.Message);
            return (int)(ex.IsConfigurationError ? ExitCode.UsageError : ExitCode.ApiFailure);
        }
        catch (ProvisioningApiException ex)
        {
            console.Error(ex.Message);
            return (int)ExitCode.ApiFailure;
        }
        catch (HttpRequestException ex)
        {
            console.Error($"Network failure: {ex.Message}");
            return (int)ExitCode.ApiFailure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or an environment problem we did not foresee: still one of the documented codes, and
            // the type name helps a bug report. (Our own messages never carry secrets; neither do the client's.)
            console.Error($"Unexpected failure ({ex.GetType().Name}): {ex.Message}");
            return (int)ExitCode.ApiFailure;
        }
    }
}
