using System.Diagnostics;
using CliWrap.Buffered;

namespace Kakao.Benchmarks.Runner;

/// <summary>How an executable was built.</summary>
internal enum BuildKind
{
    /// <summary><c>dotnet build -c Release</c>: framework-dependent apphost, JIT.</summary>
    Jit,

    /// <summary><c>dotnet publish -r linux-x64 -p:PublishReadyToRun=true --self-contained</c>.</summary>
    ReadyToRun,

    /// <summary><c>dotnet publish -r linux-x64 -p:PublishAot=true</c>.</summary>
    NativeAot,
}

/// <summary>A program the runner measures (the plugin or the minimal gRPC server).</summary>
internal sealed record BuildTarget(string Key, string Title, string ProjectPath, string AssemblyName)
{
    public static BuildTarget Plugin(string root) =>
        new("plugin", "pulumi-resource-kakao", Path.Combine(root, "provider", "Kakao.Provider", "Kakao.Provider.csproj"), "pulumi-resource-kakao");

    public static BuildTarget MinimalServer(string root) =>
        new("minimal", "minimal Kestrel gRPC", Path.Combine(root, "tests", "Kakao.Benchmarks.MinimalServer", "Kakao.Benchmarks.MinimalServer.csproj"), "minimal-grpc-server");
}

/// <summary>
/// Produces (or finds) the three builds of a target under <c>artifacts/bench/&lt;target&gt;/&lt;kind&gt;</c>. A
/// prebuilt path from the command line wins; an existing build is reused unless <c>--rebuild</c>.
/// </summary>
internal sealed class Builds(string root, RunnerOptions options, TextWriter log)
{
    public static string KindKey(BuildKind kind) => kind switch
    {
        BuildKind.Jit => "jit",
        BuildKind.ReadyToRun => "r2r",
        _ => "aot",
    };

    public static string KindTitle(BuildKind kind) => kind switch
    {
        BuildKind.Jit => "JIT",
        BuildKind.ReadyToRun => "ReadyToRun",
        _ => "Native AOT",
    };

    public string OutputDirectory(BuildTarget target, BuildKind kind) => Path.Combine(root, "artifacts", "bench", target.Key, KindKey(kind));

    /// <summary>The executable of <paramref name="target"/> built as <paramref name="kind"/>, building it if needed.</summary>
    public async Task<string> EnsureAsync(BuildTarget target, BuildKind kind, CancellationToken cancellationToken)
    {
        if (options.Prebuilt.TryGetValue($"{target.Key}-{KindKey(kind)}", out var prebuilt))
        {
            return File.Exists(prebuilt) ? prebuilt : throw new FileNotFoundException($"Prebuilt {target.Key} {KindKey(kind)} not found.", prebuilt);
        }

        var directory = OutputDirectory(target, kind);
        var executable = Path.Combine(directory, target.AssemblyName);
        if (File.Exists(executable) && !options.Rebuild)
        {
            return executable;
        }

        string[] arguments = kind switch
        {
            // -o on build keeps the benchmark's copy apart from the developers' bin/ folders.
            BuildKind.Jit => ["build", target.ProjectPath, "-c", "Release", "-o", directory],
            BuildKind.ReadyToRun => ["publish", target.ProjectPath, "-c", "Release", "-r", "linux-x64", "-p:PublishReadyToRun=true", "--self-contained", "-o", directory],
            _ => ["publish", target.ProjectPath, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", directory],
        };

        log.WriteLine($"building {target.Key} {KindKey(kind)}: dotnet {string.Join(' ', arguments)}");
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = await RunDotnetAsync(arguments, cancellationToken);
        var warnings = output.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToArray();
        if (exitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"Building {target.Key} {KindKey(kind)} failed (exit {exitCode}):\n{output}");
        }

        log.WriteLine($"  built in {watch.Elapsed.TotalSeconds:0} s, {warnings.Length} warning(s)");
        foreach (var warning in warnings)
        {
            log.WriteLine("  " + warning.Trim());
        }

        return executable;
    }

    /// <summary>Bytes of the files a build ships (the executable and what it loads from its folder).</summary>
    public static long DirectorySize(string executable) =>
        new DirectoryInfo(Path.GetDirectoryName(executable)!).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is not ".pdb" and not ".dbg" and not ".xml")
            .Sum(f => f.Length);

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        // CliWrap, the repository's one process runner library: Ctrl-C of the runner kills the build's process tree.
        var result = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments(arguments)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" })
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
