namespace Kakao.Cli.Pulumi;

/// <summary>How <see cref="PulumiCliWorkspace"/> finds and runs the <c>pulumi</c> executable.</summary>
public sealed class PulumiCliOptions
{
    /// <summary>The project directory passed as <c>--cwd</c> (default: the current directory).</summary>
    public string WorkDir { get; init; } = Environment.CurrentDirectory;

    /// <summary>Path of the executable; null searches <c>PATH</c> (from <see cref="EnvironmentVariables"/> first).</summary>
    public string? PulumiPath { get; init; }

    /// <summary>Variables set (or, with a null value, removed) for the child process.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// After cancellation, how long the CLI gets to stop on its own after an interrupt (it then releases the
    /// stack lock cleanly) before it is killed.
    /// </summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromSeconds(30);
}
