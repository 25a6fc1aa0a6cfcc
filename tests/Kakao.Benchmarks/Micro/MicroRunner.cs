using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kakao.Testing;

namespace Kakao.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes in process (no generated project to build: the repository treats warnings as
/// errors, and the machine is shared). Extra arguments go to BenchmarkDotNet (e.g. <c>--filter *Diff*</c>).
/// </summary>
internal static class MicroRunner
{
    public static void Run(string[] benchmarkDotNetArgs)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(Kakao.Testing.RepositoryRoot.Find(), "artifacts", "bench", "BenchmarkDotNet.Artifacts"));
        var args = benchmarkDotNetArgs.Length > 0 ? benchmarkDotNetArgs : ["--filter", "*"];
        BenchmarkSwitcher.FromAssembly(typeof(MicroRunner).Assembly).Run(args, config);
    }
}
