using Kakao.Benchmarks.Runner;
using Kakao.EngineHarness.Engine;

namespace Kakao.Benchmarks.Startup;

/// <summary>
/// Start-up of the plugin built JIT, ReadyToRun and Native AOT beside the minimal Kestrel gRPC server built the
/// same three ways. Runs are interleaved (one of each per round) so background load hits every build alike.
/// </summary>
internal sealed class StartupBenchmark(Builds builds, string root, RunnerOptions options, TextWriter log)
{
    public const double TargetMedianMs = 40;

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        var targets = new[] { BuildTarget.Plugin(root), BuildTarget.MinimalServer(root) };
        var kinds = new[] { BuildKind.Jit, BuildKind.ReadyToRun, BuildKind.NativeAot };
        var executables = new List<(BuildTarget Target, BuildKind Kind, string Path)>();
        foreach (var target in targets)
        {
            foreach (var kind in kinds)
            {
                executables.Add((target, kind, await builds.EnsureAsync(target, kind, cancellationToken)));
            }
        }

        // The plugin gets an engine address as the engine would pass it (it must not dial it before the port line).
        await using var engine = await FakeEngine.StartAsync(cancellationToken);
        string[] arguments = [engine.Address];
        var samples = executables.ToDictionary(e => e.Path, _ => new List<double>());
        log.WriteLine($"startup: {options.Runs} rounds of {executables.Count} executables");
        foreach (var (_, _, path) in executables)
        {
            await PortLineTimer.MeasureAsync(path, arguments, cancellationToken); // warm the page cache
        }

        for (int round = 0; round < options.Runs; round++)
        {
            foreach (var (_, _, path) in executables)
            {
                samples[path].Add(await PortLineTimer.MeasureAsync(path, arguments, cancellationToken));
            }
        }

        report.Section("Start-up: exec to port line on stdout", [.. ReportTable.TimingHeaders, "vs minimal server (median)", "size on disk", "target"]);
        foreach (var (target, kind, path) in executables)
        {
            var summary = Summary.Of(samples[path]);
            var floor = Summary.Of(samples[executables.Single(e => e.Target.Key == "minimal" && e.Kind == kind).Path]);
            var ratio = target.Key == "minimal" ? "1.00x" : $"{summary.Median / floor.Median:0.00}x";
            var size = $"{Builds.DirectorySize(path) / (1024.0 * 1024):0.0} MB";
            var goal = target.Key == "plugin" && kind == BuildKind.NativeAot
                ? $"<= {TargetMedianMs} ms median: {(summary.Median <= TargetMedianMs ? "met" : "NOT met")}"
                : "";
            report.Timing($"{target.Title} ({Builds.KindTitle(kind)})", summary, "ms", ratio, size, goal);
        }

        await ProjectFolderAsync(report, executables.Where(e => e.Kind == BuildKind.NativeAot).ToArray(), arguments, cancellationToken);
    }

    /// <summary>
    /// The engine starts a plugin in the user's project folder, which may hold thousands of folders
    /// (node_modules, .git). A host that watches its content root pays for every one of them before its port line.
    /// </summary>
    private async Task ProjectFolderAsync(
        ReportTable report, (BuildTarget Target, BuildKind Kind, string Path)[] executables, string[] arguments, CancellationToken cancellationToken)
    {
        var project = Path.Combine(root, "artifacts", "bench", "project-folder");
        const int Folders = 2000;
        if (!Directory.Exists(Path.Combine(project, "node_modules", $"package-{Folders - 1}", "lib")))
        {
            for (int i = 0; i < Folders; i++)
            {
                Directory.CreateDirectory(Path.Combine(project, "node_modules", $"package-{i}", "lib"));
            }
        }

        var samples = executables.ToDictionary(e => e.Path, _ => new List<double>());
        for (int round = 0; round < options.Runs; round++)
        {
            foreach (var (_, _, path) in executables)
            {
                samples[path].Add(await PortLineTimer.MeasureAsync(path, arguments, cancellationToken, project));
            }
        }

        foreach (var (target, kind, path) in executables)
        {
            report.Timing($"{target.Title} ({Builds.KindTitle(kind)}), started in a project folder with {2 * Folders} subfolders", Summary.Of(samples[path]), "ms", "", "", "");
        }
    }
}
