using Kakao.Benchmarks.Runner;
using Kakao.Benchmarks.Shared;
using Kakao.Emulator;

namespace Kakao.Benchmarks.Memory;

/// <summary>
/// Resident set of the plugin (each build) after start and configure, and after a mix of operations: Check,
/// Diff, Read and Create in turn (each Create makes a new sender), as a long <c>pulumi up</c> would. The resident
/// set is split into anonymous memory (GC heap, JIT code, native allocations) and mapped files, and read at every
/// quarter of the run, so growth shows where it happens. <c>KAKAO_BENCH_MEMORY_BUILDS=jit,aot</c> limits the builds.
/// </summary>
internal sealed class MemoryBenchmark(Builds builds, string root, RunnerOptions options, TextWriter log)
{
    public const double TargetMb = 60;

    public async Task RunAsync(ReportTable report, CancellationToken cancellationToken)
    {
        report.Section($"Memory: plugin resident set (VmRSS) after {options.Operations} operations",
            "build", "RSS after configure", "RSS at 25/50/75 %", "RSS after operations", "anon / file after", "peak (VmHWM)", "size on disk", "target (<= 60 MB)");
        var target = BuildTarget.Plugin(root);
        var only = Environment.GetEnvironmentVariable("KAKAO_BENCH_MEMORY_BUILDS")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var kind in new[] { BuildKind.Jit, BuildKind.ReadyToRun, BuildKind.NativeAot }.Where(k => only is null || only.Contains(Builds.KindKey(k), StringComparer.OrdinalIgnoreCase)))
        {
            var quarters = new List<string>();
            var path = await builds.EnsureAsync(target, kind, cancellationToken);
            log.WriteLine($"memory: {options.Operations} operations on {Builds.KindTitle(kind)}");
            await using var emulator = await EmulatorServer.StartAsync(cancellationToken: cancellationToken);
            await using var session = await PluginSession.StartAsync(path, emulator, cancellationToken);
            int pid = session.Process!.ProcessId;
            var (configured, _) = ProcessMemory.Read(pid);

            var urn = session.Urn(Samples.SenderType, "shop");
            var check = await session.Provider.CheckAsync(urn, new(), Samples.Inputs("@bench-memory"), cancellationToken);
            var created = await session.Provider.CreateAsync(urn, check.Inputs, cancellationToken: cancellationToken);
            var changed = check.Inputs.With("name", "Sinch Demo Shop 2");
            for (int i = 0; i < options.Operations; i++)
            {
                switch (i % 4)
                {
                    case 0:
                        await session.Provider.CheckAsync(urn, new(), Samples.Inputs(Samples.PlusFriendId("m", i)), cancellationToken);
                        break;
                    case 1:
                        await session.Provider.DiffAsync(urn, created.Id, created.Properties, check.Inputs, changed, cancellationToken: cancellationToken);
                        break;
                    case 2:
                        await session.Provider.ReadAsync(urn, created.Id, created.Properties, check.Inputs, cancellationToken);
                        break;
                    default:
                        await session.Provider.CreateAsync(urn, check.Inputs.With("plusFriendId", Samples.PlusFriendId("m", i)), cancellationToken: cancellationToken);
                        break;
                }

                if (i % 100 == 0)
                {
                    session.Engine.ClearLogs();
                }

                if (i > 0 && i % Math.Max(1, options.Operations / 4) == 0 && quarters.Count < 3)
                {
                    quarters.Add($"{ProcessMemory.Read(pid).Rss:0.0}");
                }
            }

            var (after, peak, anon, file) = ProcessMemory.ReadAll(pid);
            var size = $"{Builds.DirectorySize(path) / (1024.0 * 1024):0.0} MB";
            report.Row(Builds.KindTitle(kind), $"{configured:0.0} MB", string.Join(" / ", quarters) + " MB", $"{after:0.0} MB", $"{anon:0.0} / {file:0.0} MB", $"{peak:0.0} MB", size, after <= TargetMb ? "met" : "NOT met");
        }
    }
}
