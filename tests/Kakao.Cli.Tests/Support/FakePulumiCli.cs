namespace Kakao.Cli.Tests.Support;

/// <summary>
/// A stand-in <c>pulumi</c> executable (bash) in a temp directory: it records each invocation's arguments and
/// answers from files the test writes, named after the positional arguments (<c>stack-export.out</c>,
/// <c>config-get-kakao:keySecret.out</c>, <c>refresh.err</c>, <c>refresh.code</c>, ...). A <c>.hang</c> file
/// makes it wait until interrupted, then print <c>interrupted</c> and exit 130, like the real CLI on Ctrl-C.
/// </summary>
internal sealed class FakePulumiCli : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        dir="$(cd "$(dirname "$0")" && pwd)"
        printf '%s\x1f' "$@" >> "$dir/calls.log"; printf '\n' >> "$dir/calls.log"
        key=""
        for a in "$@"; do case "$a" in -*) break;; *) key="${key:+$key-}$a";; esac; done
        for a in "$@"; do [ "$a" = "--show-secrets" ] && key="$key-secrets"; done
        if [ -f "$dir/$key.hang" ]; then
          trap 'kill $! 2>/dev/null; echo interrupted; exit 130' INT
          echo "Refreshing (dev):"
          sleep 600 & wait
          exit 0
        fi
        if [ ! -f "$dir/$key.out" ] && [ ! -f "$dir/$key.code" ]; then
          echo "error: stand-in has no answer for '$key'" >&2; exit 255
        fi
        [ -f "$dir/$key.out" ] && cat "$dir/$key.out"
        [ -f "$dir/$key.err" ] && cat "$dir/$key.err" >&2
        exit "$(cat "$dir/$key.code" 2>/dev/null || echo 0)"
        """;

    public FakePulumiCli()
    {
        Directory.CreateDirectory(Dir);
        var path = Path.Combine(Dir, "pulumi");
        File.WriteAllText(path, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "kakao-fake-pulumi-" + Guid.NewGuid().ToString("N"));

    /// <summary>PATH with the stand-in first.</summary>
    public string PathVariable => Dir + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    public void Answer(string key, string? stdout = null, string? stderr = null, int exitCode = 0)
    {
        File.WriteAllText(Path.Combine(Dir, key + ".out"), stdout ?? "");
        if (stderr is not null)
        {
            File.WriteAllText(Path.Combine(Dir, key + ".err"), stderr);
        }

        File.WriteAllText(Path.Combine(Dir, key + ".code"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Hang(string key) => File.WriteAllText(Path.Combine(Dir, key + ".hang"), "");

    /// <summary>The arguments of every invocation, in order.</summary>
    public IReadOnlyList<string[]> Calls()
    {
        var log = Path.Combine(Dir, "calls.log");
        return File.Exists(log)
            ? File.ReadAllLines(log).Select(l => l.Split('\x1f', StringSplitOptions.RemoveEmptyEntries)).ToList()
            : [];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A hung stand-in may still hold the directory briefly; the temp dir is cleaned by the OS later.
        }
    }
}
