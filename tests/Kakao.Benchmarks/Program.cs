using Kakao.Benchmarks.Driver;
using Kakao.Benchmarks.Memory;
using Kakao.Benchmarks.Micro;
using Kakao.Benchmarks.Overhead;
using Kakao.Benchmarks.Refresh;
using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Startup;
using Kakao.Benchmarks.Templates;
using Kakao.Testing;

// Performance runner (not part of the test suite): see docs/performance.md.
//   dotnet run -c Release --project tests/Kakao.Benchmarks -- all|startup|overhead|refresh|templates|memory|driver|micro [options]
var (parsed, exitCode) = RunnerCommandLine.Interpret(args, Console.Out, Console.Error);
if (parsed is not { } options)
{
    return exitCode;
}

if (options.Command == "micro")
{
    MicroRunner.Run(options.BenchmarkDotNetArgs);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var log = Console.Error;
var root = RepositoryRoot.Find();
var builds = new Builds(root, options, log);
var report = new ReportTable();
bool all = options.Command == "all";
var pluginPath = options.Plugin;

async Task<string> PluginAsync() => pluginPath ??= await builds.EnsureAsync(BuildTarget.Plugin(root), BuildKind.NativeAot, stop.Token);

await Console.Out.WriteLineAsync(MachineInfo.Describe());
var sections = new List<(string Name, Func<Task> Run)>
{
    ("startup", () => new StartupBenchmark(builds, root, options, log).RunAsync(report, stop.Token)),
    ("overhead", async () => await new OverheadBenchmark(await PluginAsync(), options, log).RunAsync(report, stop.Token)),
    ("refresh", async () => await new RefreshBenchmark(await PluginAsync(), options, log).RunAsync(report, stop.Token)),
    ("templates", async () => await new TemplateRefreshBenchmark(await PluginAsync(), options, log).RunAsync(report, stop.Token)),
    ("memory", () => new MemoryBenchmark(builds, root, options, log).RunAsync(report, stop.Token)),
    ("driver", () => new DriverBenchmark(options, log).RunAsync(report, stop.Token)),
};

int failed = 0;
foreach (var (name, run) in sections.Where(s => all || s.Name == options.Command))
{
    try
    {
        await run();
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        failed++;
        report.Section($"{name}: FAILED", "error");
        report.Row(ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" ")[..Math.Min(400, ex.Message.Length)]);
        await log.WriteLineAsync($"{name} failed: {ex}");
    }
}

await Console.Out.WriteLineAsync(report.Render());
await Console.Out.WriteLineAsync($"\nplugin for overhead/refresh: {pluginPath ?? "-"}; {MachineInfo.LoadNow()}");
if (all)
{
    await Console.Out.WriteLineAsync("(micro benchmarks: dotnet run -c Release --project tests/Kakao.Benchmarks -- micro)");
}

return failed == 0 ? 0 : 1;
