using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Kakao.Benchmarks.Runner;

/// <summary>
/// The runner's command line (System.CommandLine): <c>&lt;benchmark&gt; [options] [-- BenchmarkDotNet args]</c>.
/// <c>--help</c> prints the help (exit 0); no benchmark named, or an argument it does not know, prints what is
/// wrong and the help on stderr (exit 2), so a typo never starts a half-hour run of everything.
/// </summary>
internal static class RunnerCommandLine
{
    /// <summary>Exit code for a command line the runner cannot use.</summary>
    public const int UsageExitCode = 2;

    private const string Description =
        """
        Performance runner of KakaoPulumi (docs/performance.md):
          dotnet run -c Release --project tests/Kakao.Benchmarks -- <benchmark> [options] [-- BenchmarkDotNet args]
        Benchmarks:
          all        every benchmark below except micro
          startup    plugin start-up: JIT, ReadyToRun and Native AOT against a minimal gRPC server
          overhead   per-call cost of the plugin over the emulator
          refresh    refreshing many senders at a rate limit
          templates  refreshing 1,000 templates over 20 senders at a rate limit
          memory     working set of the plugin builds
          driver     the kakao driver's commands
          micro      BenchmarkDotNet micro benchmarks (arguments after -- go to BenchmarkDotNet)
        """;

    private static readonly string[] PrebuiltKeys = ["plugin-jit", "plugin-r2r", "plugin-aot", "minimal-jit", "minimal-r2r", "minimal-aot"];

    /// <summary>The options to run with, or the exit code to stop with after writing the help.</summary>
    public static (RunnerOptions? Options, int ExitCode) Interpret(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Everything after "--" belongs to BenchmarkDotNet, also a --help there.
        int split = Array.IndexOf(args, "--");
        var own = (split < 0 ? args : args[..split]).Select(arg => arg == "help" ? "--help" : arg).ToArray();
        var line = new Line();
        var parse = line.Root.Parse(own, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is HelpAction)
        {
            parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (null, 0);
        }

        var problems = parse.Errors.Select(e => e.Message).ToList();
        if (problems.Count == 0 && parse.GetValue(line.Benchmark) is null)
        {
            problems.Add("Name a benchmark to run (or all).");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine();
            line.Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return (null, UsageExitCode);
        }

        var prebuilt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, option) in line.Prebuilt)
        {
            if (parse.GetValue(option) is { } path)
            {
                prebuilt[key] = Path.GetFullPath(path);
            }
        }

        return (new RunnerOptions
        {
            Command = parse.GetValue(line.Benchmark)!,
            Runs = parse.GetValue(line.Runs),
            Rebuild = parse.GetValue(line.Rebuild),
            Plugin = parse.GetValue(line.Plugin) is { } plugin ? Path.GetFullPath(plugin) : null,
            Prebuilt = prebuilt,
            Senders = parse.GetValue(line.Senders),
            Templates = parse.GetValue(line.Templates),
            Rate = parse.GetValue(line.Rate),
            Operations = parse.GetValue(line.Operations),
            BenchmarkDotNetArgs = split < 0 ? [] : args[(split + 1)..],
        }, 0);
    }

    /// <summary>The command and its options, made anew per parse (System.CommandLine symbols are not shared).</summary>
    private sealed class Line
    {
        public Line()
        {
            var defaults = new RunnerOptions();
            Runs = Positive("--runs", "samples per figure", defaults.Runs);
            Senders = Positive("--senders", "senders in the refresh benchmark", defaults.Senders);
            Templates = Positive("--templates", "templates in the templates benchmark (over 20 senders)", defaults.Templates);
            Rate = Positive("--rate", "requests per second the emulator allows", (int)defaults.Rate);
            Operations = Positive("--operations", "operations in the overhead benchmark", defaults.Operations);
            Benchmark.AcceptOnlyFromAmong(RunnerOptions.Commands);
            Prebuilt = PrebuiltKeys.ToDictionary(
                key => key,
                key => new Option<string?>("--" + key) { HelpName = "PATH", Description = $"use a prebuilt {key} executable instead of building it" });
            Root = new RootCommand(Description) { Benchmark, Runs, Rebuild, Plugin, Senders, Templates, Rate, Operations };
            foreach (var option in Prebuilt.Values)
            {
                Root.Options.Add(option);
            }
        }

        public RootCommand Root { get; }

        public Argument<string?> Benchmark { get; } = new("benchmark") { Arity = ArgumentArity.ZeroOrOne, Description = "the benchmark to run (see above)" };

        public Option<int> Runs { get; }

        public Option<bool> Rebuild { get; } = new("--rebuild") { Description = "rebuild the plugin and minimal-server variants even when artifacts/bench holds them" };

        public Option<string?> Plugin { get; } = new("--plugin") { HelpName = "PATH", Description = "the plugin build used by overhead, refresh, templates and memory (default: Native AOT)" };

        public Option<int> Senders { get; }

        public Option<int> Templates { get; }

        public Option<int> Rate { get; }

        public Option<int> Operations { get; }

        public IReadOnlyDictionary<string, Option<string?>> Prebuilt { get; }

        private static Option<int> Positive(string name, string description, int fallback) => new(name)
        {
            HelpName = "N",
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    return number;
                }

                result.AddError($"{name} needs a positive whole number, not '{text}'.");
                return 0;
            },
        };
    }
}
