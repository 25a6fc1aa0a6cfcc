namespace Kakao.Benchmarks.Runner;

/// <summary>
/// What the runner does with its command line before measuring anything: <c>--help</c> prints the usage (exit 0);
/// no benchmark named, or an argument it does not know, prints the usage on stderr (exit 2), so a typo never
/// starts a half-hour run of everything.
/// </summary>
internal static class RunnerCommandLine
{
    /// <summary>Exit code for a command line the runner cannot use.</summary>
    public const int UsageExitCode = 2;

    public const string Usage =
        """
        Usage: dotnet run -c Release --project tests/Kakao.Benchmarks -- <benchmark> [options] [-- BenchmarkDotNet args]

        Benchmarks (docs/performance.md):
          all        every benchmark below except micro
          startup    plugin start-up: JIT, ReadyToRun and Native AOT against a minimal gRPC server
          overhead   per-call cost of the plugin over the emulator
          refresh    refreshing many senders at a rate limit
          templates  refreshing 1,000 templates over 20 senders at a rate limit
          memory     working set of the plugin builds
          driver     the kakao driver's commands
          micro      BenchmarkDotNet micro benchmarks (arguments after -- go to BenchmarkDotNet)

        Options:
          --runs N          samples per figure (default 20)
          --rebuild         rebuild the plugin and minimal-server variants
          --plugin PATH     the plugin build used by overhead, refresh, templates and memory (default: Native AOT)
          --plugin-jit|--plugin-r2r|--plugin-aot|--minimal-jit|--minimal-r2r|--minimal-aot PATH
                            use a prebuilt executable instead of building it
          --senders N       senders in the refresh benchmark (default 1000)
          --templates N     templates in the templates benchmark (default 1000)
          --rate N          requests per second the emulator allows (default 200)
          --operations N    operations in the overhead benchmark (default 1000)
          -h, --help        print this text
        """;

    /// <summary>The options to run with, or the exit code to stop with after writing the usage.</summary>
    public static (RunnerOptions? Options, int ExitCode) Interpret(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var ownArguments = args.TakeWhile(arg => arg != "--").ToArray();
        if (ownArguments.Any(arg => arg is "-h" or "--help" or "-?" or "help"))
        {
            output.WriteLine(Usage);
            return (null, 0);
        }

        RunnerOptions options;
        try
        {
            options = RunnerOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine(ex.Message);
            error.WriteLine();
            error.WriteLine(Usage);
            return (null, UsageExitCode);
        }

        if (!ownArguments.Any(RunnerOptions.Commands.Contains))
        {
            error.WriteLine("Name a benchmark to run (or all).");
            error.WriteLine();
            error.WriteLine(Usage);
            return (null, UsageExitCode);
        }

        return (options, 0);
    }
}
