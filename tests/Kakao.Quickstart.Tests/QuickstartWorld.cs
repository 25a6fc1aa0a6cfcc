using Kakao.Cli.Terminal;
using Kakao.Cli.Tests.Support;

namespace Kakao.Quickstart.Tests;

/// <summary>
/// A throw-away clone for the quick start: a temp folder with <c>KakaoPulumi.sln</c> and a copy of the
/// real root Pulumi.yaml (so the run never writes into this repository), a bin folder for stand-in executables,
/// and the environment the command sees (PATH = that bin folder and the system folders).
/// </summary>
internal sealed class QuickstartWorld : IDisposable
{
    public QuickstartWorld()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Bin);
        File.WriteAllText(Path.Combine(Root, "KakaoPulumi.sln"), "");
        File.Copy(Path.Combine(RepositoryRoot, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        // The stand-ins first; the system folders only for bash and coreutils (no pulumi is installed there).
        Environment["PATH"] = string.Join(Path.PathSeparator, Bin, "/usr/bin", "/bin");
    }

    /// <summary>This repository (for the real Pulumi.yaml).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The plugin built next to the tests (ProjectReference to Kakao.Provider).</summary>
    public static string PluginPath { get; } =
        Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-kakao.exe" : "pulumi-resource-kakao");

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "kakao-qs-test-" + Guid.NewGuid().ToString("N")[..8]);

    public string Root => Path.Combine(Dir, "clone");

    public string Bin => Path.Combine(Dir, "bin");

    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>The run's clock (a fake one lets a test expire --timeout without waiting).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public FakeConsole Console { get; } = new();

    /// <summary>Called with each status message (spinner line) the command shows, e.g. to press Ctrl-C then.</summary>
    public Action<string>? OnStatus { get; set; }

    public string Output => Console.AllText;

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var services = new QuickstartServices
        {
            Console = new StatusHook(Console, message => OnStatus?.Invoke(message)),
            Environment = name => Environment.GetValueOrDefault(name),
            Clients = new ProvisioningClientFactory(TimeProvider.System),
            TimeProvider = Time,
        };
        return QuickstartCommand.RunAsync(["--cwd", Root, .. args], services, cancellationToken);
    }

    /// <summary>Writes an executable bash script into <see cref="Bin"/>.</summary>
    public string Script(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>The lines of a log a stand-in wrote (one invocation per line, arguments separated by \x1f).</summary>
    public IReadOnlyList<string[]> Log(string name)
    {
        var path = Path.Combine(Bin, name);
        return File.Exists(path) ? File.ReadAllLines(path).Select(l => l.Split('\x1f', StringSplitOptions.RemoveEmptyEntries)).ToList() : [];
    }

    /// <summary>The statuses of the printed journey, in order.</summary>
    public IReadOnlyList<string> JourneyStatuses()
    {
        var lines = Console.Lines.SkipWhile(l => !l.StartsWith("info: Journey of", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l != "info: ").ToList();
        return lines.Select(l => l["info: ".Length..].Split("   ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1]).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A stand-in still exiting may hold a file briefly; the OS cleans temp folders.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KakaoPulumi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }

    /// <summary>Forwards to the fake console and reports each status message.</summary>
    private sealed class StatusHook(IConsoleIO inner, Action<string> onStatus) : IConsoleIO
    {
        public bool IsInteractive => inner.IsInteractive;

        public void Info(string message) => inner.Info(message);

        public void Success(string message) => inner.Success(message);

        public void Warn(string message) => inner.Warn(message);

        public void Error(string message) => inner.Error(message);

        public void WriteData(string text) => inner.WriteData(text);

        public void WriteTable(TableData table, bool replacePrevious = false) => inner.WriteTable(table, replacePrevious);

        public Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            onStatus(message);
            return inner.RunWithStatusAsync(message, work, cancellationToken);
        }

        public Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken) => inner.PromptSecretAsync(prompt, cancellationToken);

        public Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken) => inner.ConfirmAsync(question, defaultAnswer, cancellationToken);
    }
}
