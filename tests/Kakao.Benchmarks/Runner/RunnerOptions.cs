namespace Kakao.Benchmarks.Runner;

/// <summary>What the runner was asked to do (read from its command line by <see cref="RunnerCommandLine"/>).</summary>
internal sealed record RunnerOptions
{
    public string Command { get; init; } = "all";

    /// <summary>Samples per measured figure (at least 20 for the published table).</summary>
    public int Runs { get; init; } = 20;

    /// <summary>Rebuild the plugin and minimal-server variants even when artifacts/bench already holds them.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Prebuilt executables by key (plugin-jit, plugin-r2r, plugin-aot, minimal-jit, ...).</summary>
    public IReadOnlyDictionary<string, string> Prebuilt { get; init; } = new Dictionary<string, string>();

    /// <summary>The plugin build the overhead, refresh and memory runs use (default: the Native AOT build).</summary>
    public string? Plugin { get; init; }

    public int Senders { get; init; } = 1000;

    /// <summary>Templates in the template refresh benchmark (spread over 20 senders).</summary>
    public int Templates { get; init; } = 1000;

    public double Rate { get; init; } = 200;

    public int Operations { get; init; } = 1000;

    public string[] BenchmarkDotNetArgs { get; init; } = [];

    public static readonly string[] Commands = ["all", "startup", "overhead", "refresh", "templates", "memory", "driver", "micro"];
}
