namespace Kakao.Quickstart;

/// <summary>Which engine takes the sender through its journey.</summary>
internal enum QuickstartEngine
{
    /// <summary>The pulumi CLI when <c>pulumi version</c> succeeds, otherwise the engine harness.</summary>
    Auto,

    /// <summary>The pulumi CLI, required (exit 2 when it is missing).</summary>
    Pulumi,

    /// <summary>The engine harness, even when the CLI is installed.</summary>
    Harness,
}

/// <summary>What the quick start was asked to do.</summary>
internal sealed record QuickstartSettings
{
    public QuickstartEngine Engine { get; init; } = QuickstartEngine.Auto;

    /// <summary>Keep the emulator (and the stack's backend) after the journey, until Ctrl-C.</summary>
    public bool Keep { get; init; }

    /// <summary>The journey once the plugin is built; past it, exit 6.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Stream the child commands' output instead of one line per step.</summary>
    public bool Verbose { get; init; }

    /// <summary>Where the search for the repository root starts.</summary>
    public required string StartDirectory { get; init; }

    /// <summary>An already built plugin executable (harness only): no <c>dotnet publish</c>.</summary>
    public string? PluginPath { get; init; }

    /// <summary>Which plugin build to make (default: Native AOT when the toolchain is installed).</summary>
    public PluginBuildKind Build { get; init; } = PluginBuildKind.Auto;
}

/// <summary>
/// The quick start's exit codes: the driver's <see cref="ExitCode"/> values keep their meaning; 1 is the quick
/// start's own "a step failed" (the driver has no build or deployment step of its own).
/// </summary>
internal static class QuickstartExit
{
    /// <summary>A step failed: the plugin build, a pulumi command, the emulator start.</summary>
    public const int StepFailed = 1;

    /// <summary>The exit code a sender's final status stands for.</summary>
    public static int ForStatus(string? status) => status switch
    {
        "ACTIVE" => (int)ExitCode.Success,
        "IN_PROGRESS" => (int)ExitCode.InReview,
        "REJECTED" or "BLOCKED" or "SUSPENDED" or "INACTIVE" => (int)ExitCode.Rejected,
        _ => (int)ExitCode.VerificationFailed,
    };
}

/// <summary>A step of the quick start failed; the message says which and what to do (it never holds secrets).</summary>
internal sealed class QuickstartStepException(int exitCode, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Lines to show under the message (compiler errors, the last lines of a pulumi command).</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];
}
