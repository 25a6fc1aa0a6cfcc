namespace Kakao.EngineHarness.Hosting;

/// <summary>What finally made the plugin process end.</summary>
public enum PluginStopReason
{
    /// <summary>It had already exited before shutdown began.</summary>
    ExitedOnItsOwn,

    /// <summary>It exited after the Cancel RPC.</summary>
    Cancel,

    /// <summary>It exited after SIGINT.</summary>
    Interrupt,

    /// <summary>It had to be killed.</summary>
    Kill,
}

/// <summary>How a plugin process ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Reason">What made it end.</param>
/// <param name="Elapsed">Time from the start of shutdown to exit.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
/// <param name="UnexpectedStandardOutput">Anything written to stdout after the port line (a protocol violation).</param>
public sealed record PluginExit(
    int ExitCode, PluginStopReason Reason, TimeSpan Elapsed, string StandardError, string UnexpectedStandardOutput);
