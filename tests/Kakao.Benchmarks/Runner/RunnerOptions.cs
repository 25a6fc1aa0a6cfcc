using System.Globalization;

namespace Kakao.Benchmarks.Runner;

/// <summary>
/// Command line of the runner: <c>&lt;all|startup|overhead|refresh|templates|memory|driver|micro&gt; [--runs N]
/// [--rebuild] [--plugin-jit|--plugin-r2r|--plugin-aot|--minimal-jit|--minimal-r2r|--minimal-aot PATH]
/// [--plugin PATH] [--senders N] [--templates N] [--rate N] [--operations N]</c>. Anything after <c>--</c> goes to BenchmarkDotNet.
/// </summary>
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

    public static RunnerOptions Parse(string[] args)
    {
        var options = new RunnerOptions();
        var prebuilt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new ArgumentException($"{arg} needs a positive whole number, not '{args[i]}'.");
            switch (arg)
            {
                case "--":
                    return options with { Prebuilt = prebuilt, BenchmarkDotNetArgs = args[(i + 1)..] };
                case "--runs":
                    options = options with { Runs = Number() };
                    break;
                case "--rebuild":
                    options = options with { Rebuild = true };
                    break;
                case "--plugin":
                    options = options with { Plugin = Path.GetFullPath(Value()) };
                    break;
                case "--senders":
                    options = options with { Senders = Number() };
                    break;
                case "--templates":
                    options = options with { Templates = Number() };
                    break;
                case "--operations":
                    options = options with { Operations = Number() };
                    break;
                case "--rate":
                    options = options with { Rate = Number() };
                    break;
                case var flag when flag.StartsWith("--plugin-", StringComparison.Ordinal) || flag.StartsWith("--minimal-", StringComparison.Ordinal):
                    prebuilt[flag[2..]] = Path.GetFullPath(Value());
                    break;
                case var command when Commands.Contains(command):
                    options = options with { Command = command };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        return options with { Prebuilt = prebuilt };
    }
}
