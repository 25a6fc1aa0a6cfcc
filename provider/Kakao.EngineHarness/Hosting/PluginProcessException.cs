using Kakao.EngineHarness.Results;

namespace Kakao.EngineHarness.Hosting;

/// <summary>The plugin process could not be started as the engine starts it (no port line, early exit, bad output).</summary>
public sealed class PluginProcessException : EngineHarnessException
{
    /// <summary>Creates the exception.</summary>
    public PluginProcessException(string message, string standardError, int? exitCode, Exception? innerException = null)
        : base(message + Describe(standardError, exitCode), innerException ?? new InvalidOperationException(message))
    {
        StandardError = standardError;
        ExitCode = exitCode;
    }

    /// <summary>What the plugin wrote to stderr.</summary>
    public string StandardError { get; }

    /// <summary>The exit code, when the process had exited.</summary>
    public int? ExitCode { get; }

    private static string Describe(string standardError, int? exitCode)
    {
        var text = exitCode is { } code ? $" (exit code {code})" : string.Empty;
        return string.IsNullOrWhiteSpace(standardError) ? text : $"{text}. stderr:\n{standardError.TrimEnd()}";
    }
}
