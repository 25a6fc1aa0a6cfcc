using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kakao.Cli.Processes;
using Kakao.Cli.Terminal;

namespace Kakao.Quickstart;

/// <summary>A plugin build ready to start.</summary>
/// <param name="ExecutablePath">The <c>pulumi-resource-kakao</c> executable.</param>
/// <param name="Description">How it was obtained, for the step line.</param>
internal sealed record PluginBuild(string ExecutablePath, string Description);

/// <summary>Which plugin build the quick start makes (<c>-p:KakaoPluginBuild</c>, provider/Kakao.Provider/PluginBuilds.props).</summary>
internal enum PluginBuildKind
{
    /// <summary>Native AOT when clang and zlib are installed, else JIT (and one line saying why).</summary>
    Auto,

    /// <summary>Native AOT; the build fails without the toolchain.</summary>
    Aot,

    /// <summary>The framework-dependent JIT build.</summary>
    Jit,
}

/// <summary>
/// Publishes the plugin into <c>.pulumi-local/plugin</c> (the folder the root Pulumi.yaml names) with the
/// documented <c>dotnet publish</c>, which makes the Native AOT binary when the toolchain is there (the project
/// decides: provider/Kakao.Provider/PluginBuilds.props), unless a fingerprint of its sources (paths, sizes,
/// write times, the build kind) matches the last successful publish: enumerating a few hundred files is far
/// cheaper than even an up-to-date MSBuild run.
/// </summary>
internal sealed class PluginBuilder(string dotnetPath, IConsoleIO console, TimeProvider timeProvider, PluginBuildKind kind = PluginBuildKind.Auto)
{
    /// <summary>The line the project prints to say which build it makes (and, for JIT, why).</summary>
    public const string BuildLinePrefix = "pulumi-resource-kakao: ";

    public const string OutputFolder = ".pulumi-local/plugin";
    public const string FingerprintFile = ".quickstart-fingerprint";

    // What the plugin is built from; bin/obj are outputs and do not count.
    private static readonly string[] SourceFolders = ["provider/Kakao.Provider", "provider/Kakao.Provisioning"];
    private static readonly string[] SourceFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", "provider/Directory.Build.props"];

    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public static string ExecutableName => OperatingSystem.IsWindows() ? "pulumi-resource-kakao.exe" : "pulumi-resource-kakao";

    public static string OutputDirectory(string root) => Path.Combine(root, ".pulumi-local", "plugin");

    public async Task<PluginBuild> EnsureBuiltAsync(string root, bool verbose, CancellationToken cancellationToken)
    {
        var output = OutputDirectory(root);
        var executable = Path.Combine(output, ExecutableName);
        var relative = Path.GetRelativePath(root, executable);
        var fingerprint = Fingerprint(root) + "|" + kind;
        var stamp = Path.Combine(output, FingerprintFile);
        if (File.Exists(executable) && File.Exists(stamp)
            && await File.ReadAllTextAsync(stamp, cancellationToken).ConfigureAwait(false) == fingerprint)
        {
            return new PluginBuild(executable, $"{relative} ({(File.Exists(Path.Combine(output, "pulumi-resource-kakao.dll")) ? "JIT" : "Native AOT")}, up to date)");
        }

        var started = timeProvider.GetTimestamp();
        string[] arguments = ["publish", "provider/Kakao.Provider", "-c", "Release", "-o", OutputFolder, "--nologo", "-p:KakaoPluginBuild=" + kind.ToString().ToLowerInvariant()];
        // A JIT build leaves assemblies an AOT build would not overwrite (and the other way round).
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        string? buildLine = null;
        void OnLine(string line, bool streams)
        {
            if (line.Trim() is var text && text.StartsWith(BuildLinePrefix, StringComparison.Ordinal))
            {
                buildLine = text[BuildLinePrefix.Length..];
            }

            if (streams)
            {
                Progress(line, verbose);
            }
        }

        ProcessResult result;
        try
        {
            // At a terminal the spinner is the progress; plain output gets one line per project built.
            var streams = StepStatus.StreamsLines(console, verbose);
            result = await StepStatus.RunAsync(console, $"Building the plugin: dotnet publish provider/Kakao.Provider -c Release -o {OutputFolder}…", streams,
                ct => ProcessRunner.RunAsync(new ProcessRequest
                {
                    FileName = dotnetPath,
                    Arguments = arguments,
                    WorkingDirectory = root,
                    OnStandardOutput = line => OnLine(line, streams),
                    OnStandardError = line => OnLine(line, streams),
                }, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception)
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed, $"The plugin could not be built: '{dotnetPath}' (the .NET SDK) could not be started.");
        }

        if (result.ExitCode != 0)
        {
            var errors = result.Tail.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().TakeLast(10).ToList();
            throw new QuickstartStepException(QuickstartExit.StepFailed,
                $"The plugin build failed (dotnet publish exited with {result.ExitCode}). Fix the errors below, or run the command above yourself to see everything.",
                errors.Count > 0 ? errors : result.Tail.TakeLast(20).ToList());
        }

        if (!File.Exists(executable))
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed, $"dotnet publish succeeded but {relative} is missing.", result.Tail.TakeLast(10).ToList());
        }

        await File.WriteAllTextAsync(stamp, fingerprint, cancellationToken).ConfigureAwait(false);
        var seconds = timeProvider.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        // The JIT build is the executable plus its assemblies; the AOT build is the executable alone.
        var aot = !File.Exists(Path.Combine(output, "pulumi-resource-kakao.dll"));
        if (!aot)
        {
            console.Warn(buildLine is { } why && why.Contains("because", StringComparison.Ordinal)
                ? "Plugin: " + why
                : "Plugin: JIT build" + (kind == PluginBuildKind.Jit ? " (--build jit)." : "."));
        }

        return new PluginBuild(executable, $"{relative} ({(aot ? "Native AOT" : "JIT")}, built in {seconds} s)");
    }

    /// <summary>A hash of every source file's path, size and write time.</summary>
    public static string Fingerprint(string root)
    {
        var entries = new List<string>();
        foreach (var folder in SourceFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (rel.Split('/').Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                entries.Add(Entry(rel, file));
            }
        }

        entries.AddRange(SourceFiles.Select(f => (Rel: f, Full: Path.Combine(root, f))).Where(f => File.Exists(f.Full)).Select(f => Entry(f.Rel, f.Full)));
        entries.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", entries))));

        static string Entry(string rel, string full)
        {
            var info = new FileInfo(full);
            return string.Create(CultureInfo.InvariantCulture, $"{rel}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        }
    }

    private void Progress(string line, bool verbose)
    {
        if (verbose)
        {
            console.Info("  " + line);
        }
        else if (line.Trim() is var text && text.IndexOf(" -> ", StringComparison.Ordinal) is > 0 and var arrow && !text.StartsWith(BuildLinePrefix, StringComparison.Ordinal) && _reported.Add(text[..arrow]))
        {
            // "Kakao.Provisioning -> /…/bin/Release/net10.0/Kakao.Provisioning.dll": one short line per project
            // built (publish names the plugin twice: its build output, then the publish folder).
            console.Info("  built " + text[..arrow]);
        }
    }
}
