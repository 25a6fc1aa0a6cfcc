using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Hosting;

/// <summary>
/// A provider plugin started the way the Pulumi engine starts it: flags then the engine address as arguments,
/// the port read from the first stdout line, stderr captured, a cleartext HTTP/2 gRPC channel to
/// <c>127.0.0.1:port</c>, and shutdown by Cancel, then SIGINT, then kill.
/// </summary>
public sealed class PluginProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly PluginProcessOptions _options;
    private readonly OutputCapture _standardError;
    private readonly OutputCapture _unexpectedOutput;
    private readonly Task _stdoutDrain;
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private PluginExit? _exit;

    private PluginProcess(
        Process process, PluginProcessOptions options, int port, OutputCapture standardError,
        OutputCapture unexpectedOutput, Task stdoutDrain)
    {
        _process = process;
        _options = options;
        _standardError = standardError;
        _unexpectedOutput = unexpectedOutput;
        _stdoutDrain = stdoutDrain;
        Port = port;
        Channel = GrpcChannel.ForAddress(
            new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            new GrpcChannelOptions
            {
                MaxReceiveMessageSize = options.MaxMessageSize,
                MaxSendMessageSize = options.MaxMessageSize,
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                DisposeHttpClient = true,
            });
    }

    /// <summary>The port the plugin announced.</summary>
    public int Port { get; }

    /// <summary>The plugin's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The gRPC channel to the plugin.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A call invoker over <see cref="Channel"/>, for <see cref="ProviderClient"/>.</summary>
    public CallInvoker CallInvoker => Channel.CreateCallInvoker();

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the plugin has written to stderr so far.</summary>
    public string StandardError => _standardError.ToString();

    /// <summary>Anything written to stdout after the port line; the protocol allows nothing.</summary>
    public string UnexpectedStandardOutput => _unexpectedOutput.ToString();

    /// <summary>Starts a plugin with default options.</summary>
    /// <param name="executablePath">The plugin executable.</param>
    /// <param name="engineAddress">The engine address to pass (host:port).</param>
    /// <param name="environment">Extra environment variables (null values remove inherited ones).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<PluginProcess> StartAsync(
        string executablePath, string engineAddress, IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(
            new PluginProcessOptions
            {
                ExecutablePath = executablePath,
                EngineAddress = engineAddress,
                Environment = environment ?? new Dictionary<string, string?>(),
            },
            cancellationToken);

    /// <summary>Starts a plugin and waits for its port line.</summary>
    /// <exception cref="PluginProcessException">No valid port line in time, or the process exited first.</exception>
    public static async Task<PluginProcess> StartAsync(PluginProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ExecutablePath))
        {
            throw new PluginProcessException($"The plugin executable '{options.ExecutablePath}' does not exist", string.Empty, null);
        }

        var info = new ProcessStartInfo(options.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var flag in options.Flags)
        {
            info.ArgumentList.Add(flag);
        }

        info.ArgumentList.Add(options.EngineAddress);
        foreach (var (name, value) in options.Environment)
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

        var standardError = new OutputCapture();
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                standardError.Append(line.Data + "\n");
            }
        };
        process.Start();
        process.BeginErrorReadLine();

        try
        {
            var port = await ReadPortLineAsync(process, options, standardError, cancellationToken).ConfigureAwait(false);
            var unexpected = new OutputCapture();
            var drain = DrainAsync(process.StandardOutput, unexpected);
            return new PluginProcess(process, options, port, standardError, unexpected, drain);
        }
        catch
        {
            KillQuietly(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the plugin process has exited (on its own, or because it was stopped).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Stops the plugin as the engine does: Cancel RPC, wait <see cref="PluginProcessOptions.CancelGracePeriod"/>,
    /// SIGINT, wait <see cref="PluginProcessOptions.InterruptGracePeriod"/>, kill. Idempotent.
    /// </summary>
    public Task<PluginExit> StopAsync(CancellationToken cancellationToken = default) =>
        StopOnceAsync(sendCancel: true, cancellationToken);

    /// <summary>
    /// Ends the plugin after a Cancel that was already sent (the engine's Ctrl-C): wait
    /// <see cref="PluginProcessOptions.CancelGracePeriod"/>, SIGINT, wait, kill. Idempotent with <see cref="StopAsync"/>.
    /// </summary>
    internal Task<PluginExit> StopAfterCancelAsync(CancellationToken cancellationToken = default) =>
        StopOnceAsync(sendCancel: false, cancellationToken);

    private async Task<PluginExit> StopOnceAsync(bool sendCancel, CancellationToken cancellationToken)
    {
        await _stopGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _exit ??= await StopCoreAsync(sendCancel, cancellationToken).ConfigureAwait(false);
            return _exit;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
        _stopGate.Dispose();
    }

    private async Task<PluginExit> StopCoreAsync(bool sendCancel, CancellationToken cancellationToken)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var reason = PluginStopReason.ExitedOnItsOwn;
        if (!_process.HasExited)
        {
            reason = PluginStopReason.Cancel;
            if (sendCancel)
            {
                await SendCancelAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!await WaitForExitAsync(_options.CancelGracePeriod, cancellationToken).ConfigureAwait(false))
            {
                reason = PluginStopReason.Interrupt;
                NativeSignals.TryInterrupt(_process.Id);
                if (!await WaitForExitAsync(_options.InterruptGracePeriod, cancellationToken).ConfigureAwait(false))
                {
                    reason = PluginStopReason.Kill;
                    KillQuietly(_process);
                    await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _stdoutDrain.ConfigureAwait(false);
        Channel.Dispose();
        return new PluginExit(
            _process.ExitCode, reason, _options.TimeProvider.GetElapsedTime(started), StandardError, UnexpectedStandardOutput);
    }

    private async Task SendCancelAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CancelGracePeriod, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var call = CallInvoker.AsyncUnaryCall(
                ProviderMethods.Cancel, null, new CallOptions(cancellationToken: linked.Token), new Google.Protobuf.WellKnownTypes.Empty());
            await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // A plugin that is already shutting down (or never implemented Cancel) is stopped by signal below.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(grace, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<int> ReadPortLineAsync(
        Process process, PluginProcessOptions options, OutputCapture standardError, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.PortTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var line = new StringBuilder();
        var buffer = new char[1];
        try
        {
            while (true)
            {
                var read = await process.StandardOutput.ReadAsync(buffer.AsMemory(), linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
                    throw new PluginProcessException(
                        $"The plugin closed stdout before writing its port line (read '{line}')",
                        standardError.ToString(), process.ExitCode);
                }

                if (buffer[0] == '\n')
                {
                    break;
                }

                line.Append(buffer[0]);
                if (line.Length > 16)
                {
                    throw new PluginProcessException(
                        $"The plugin's first stdout line is not a port number (starts '{line}')", standardError.ToString(), null);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PluginProcessException(
                $"The plugin wrote no port line within {options.PortTimeout.TotalSeconds:0.###} s",
                standardError.ToString(), process.HasExited ? process.ExitCode : null);
        }

        var text = line.ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
        {
            throw new PluginProcessException(
                $"The plugin's port line '{text.Replace("\r", "\\r", StringComparison.Ordinal)}' is not a bare port number followed by \\n",
                standardError.ToString(), null);
        }

        return port;
    }

    private static async Task DrainAsync(StreamReader stdout, OutputCapture unexpected)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await stdout.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
            {
                unexpected.Append(new string(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // The pipe broke because the process was killed: nothing more to read.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
