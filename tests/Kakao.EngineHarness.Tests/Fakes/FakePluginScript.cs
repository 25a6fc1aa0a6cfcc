namespace Kakao.EngineHarness.Tests.Fakes;

/// <summary>Writes a small executable shell script that stands in for a plugin binary.</summary>
internal sealed class FakePluginScript : IDisposable
{
    private readonly string _directory;

    public FakePluginScript(string body)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harness-plugin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "pulumi-resource-fake");
        File.WriteAllText(Path, "#!/bin/sh\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    /// <summary>A plugin that reports its arguments on stderr, announces FAKE_PORT and runs until SIGINT (exit 7).</summary>
    public static FakePluginScript AnnouncingPortFromEnvironment() => new(
        """
        echo "args: $*" >&2
        trap 'echo "interrupted" >&2; exit 7' INT
        printf '%s\n' "$FAKE_PORT"
        while true; do sleep 0.05; done
        """);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
