namespace Kakao.EngineHarness.Hosting;

/// <summary>How to start and stop a plugin executable.</summary>
public sealed class PluginProcessOptions
{
    /// <summary>The plugin executable, e.g. <c>bin/pulumi-resource-kakao</c>.</summary>
    public required string ExecutablePath { get; init; }

    /// <summary>The engine address passed as the positional argument (see <see cref="Engine.FakeEngine.Address"/>).</summary>
    public required string EngineAddress { get; init; }

    /// <summary>Flags placed before the engine address, as the engine passes them (e.g. <c>--logtostderr</c>, <c>-v=9</c>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Environment variables to set (a null value removes the variable from the inherited environment).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long to wait for the port line on stdout.</summary>
    public TimeSpan PortTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait after Cancel before sending SIGINT (the engine waits about 5 s).</summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait after SIGINT before killing the process.</summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest gRPC message accepted from the plugin (the engine allows 400 MiB).</summary>
    public int MaxMessageSize { get; init; } = 400 * 1024 * 1024;

    /// <summary>Clock for the timeouts above.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
