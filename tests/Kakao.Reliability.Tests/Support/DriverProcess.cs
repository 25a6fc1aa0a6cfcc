using System.Diagnostics;
using System.Text;

namespace Kakao.Reliability.Tests.Support;

/// <summary>The built <c>kakao</c> driver run as a real process (exit code, stdout, stderr), like a user or CI runs it.</summary>
internal sealed class DriverProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DriverProcess(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // No ambient credentials or CI quirks from the machine running the tests.
        Kakao.Testing.HermeticEnvironment.Clear(info);
        info.Environment.Remove("PULUMI_CONFIG_PASSPHRASE");

        info.Environment["CI"] = "true";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data, _outputClosed);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data, _errorClosed);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    /// <summary>
    /// <c>KAKAO_CLI_PATH</c>, else the driver in its own build output (provider/Kakao.Cli/bin/&lt;config&gt;/&lt;tfm&gt;):
    /// the copy next to the tests runs against this test project's ASP.NET Core shared framework, not its own.
    /// </summary>
    public static string ExecutablePath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KAKAO_CLI_PATH") is { Length: > 0 } overridden)
            {
                return overridden;
            }

            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string framework = output.Name, configuration = output.Parent!.Name;
            var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repository, "provider", "Kakao.Cli", "bin", configuration, framework, OperatingSystem.IsWindows() ? "kakao.exe" : "kakao");
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static DriverProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(arguments, environment ?? new Dictionary<string, string?>());

    /// <summary>Runs the driver to completion.</summary>
    public static async Task<DriverResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        using var driver = Start(arguments, environment);
        return await driver.WaitAsync(cancellationToken);
    }

    public async Task<DriverResult> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        return new DriverResult(_process.ExitCode, StandardOutput, StandardError);
    }

    /// <summary>Ctrl-C: SIGINT to the driver (what a terminal sends).</summary>
    public Task InterruptAsync(CancellationToken cancellationToken) => SignalAsync("INT", cancellationToken);

    /// <summary>A signal by name, as <c>kill -NAME</c> sends it (TERM: kill, docker stop, systemd).</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}

/// <summary>How a driver run ended.</summary>
internal sealed record DriverResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>A .NET stack trace or unhandled-exception banner in the output: the user should never see one.</summary>
    public bool HasStackTrace =>
        (StandardError + StandardOutput).Contains("   at ", StringComparison.Ordinal)
        || (StandardError + StandardOutput).Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase);
}
