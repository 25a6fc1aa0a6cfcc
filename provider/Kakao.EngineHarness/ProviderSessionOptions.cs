using Kakao.EngineHarness.Hosting;

namespace Kakao.EngineHarness;

/// <summary>How a <see cref="ProviderSession"/> starts its plugin and names its stack.</summary>
public sealed class ProviderSessionOptions
{
    /// <summary>The plugin executable (e.g. <c>pulumi-resource-kakao</c>).</summary>
    public required string PluginPath { get; init; }

    /// <summary>The package name (config namespace and provider type), e.g. <c>kakao</c>.</summary>
    public required string PackageName { get; init; }

    /// <summary>Stack name used in URNs.</summary>
    public string Stack { get; init; } = "test";

    /// <summary>Project name used in URNs.</summary>
    public string Project { get; init; } = "harness";

    /// <summary>Flags placed before the engine address.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Environment for the plugin process (null values remove inherited variables).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long to wait for the plugin's port line.</summary>
    public TimeSpan PortTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for exit after Cancel before SIGINT.</summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for exit after SIGINT before kill.</summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Which Configure fields carry the configuration (default: both, like current engines).</summary>
    public ConfigEncoding ConfigEncoding { get; init; } = ConfigEncoding.ArgsAndVariables;

    /// <summary>Clock for the timeouts above.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal PluginProcessOptions ToProcessOptions(string engineAddress) => new()
    {
        ExecutablePath = PluginPath,
        EngineAddress = engineAddress,
        Flags = Flags,
        Environment = Environment,
        PortTimeout = PortTimeout,
        CancelGracePeriod = CancelGracePeriod,
        InterruptGracePeriod = InterruptGracePeriod,
        TimeProvider = TimeProvider,
    };
}
