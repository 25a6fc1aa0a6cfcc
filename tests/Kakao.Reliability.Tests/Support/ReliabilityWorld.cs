using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Values;

namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// An in-process emulator (sentinel credentials, manual review) and the built plugin started as a process the
/// way the engine starts it, driven by the engine harness.
/// </summary>
internal sealed class ReliabilityWorld : IAsyncDisposable
{
    public const string SenderType = "kakao:index:KakaoSender";
    public const string GetSender = "kakao:index:getSender";

    private ReliabilityWorld(EmulatorServer emulator, ProviderSession session)
    {
        Emulator = emulator;
        Session = session;
        Probe = new EmulatorProbe(emulator.BaseAddress);
    }

    public EmulatorServer Emulator { get; private set; }

    public ProviderSession Session { get; }

    public EmulatorProbe Probe { get; private set; }

    /// <summary>The plugin under test: <c>KAKAO_PLUGIN_PATH</c> (e.g. the Native AOT build) or the referenced build.</summary>
    public static string PluginPath =>
        Environment.GetEnvironmentVariable("KAKAO_PLUGIN_PATH") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-kakao.exe" : "pulumi-resource-kakao");

    public static EmulatorOptions EmulatorOptions(string? dataFile = null, string urls = "http://127.0.0.1:0") => new()
    {
        KeyId = Sentinels.KeyId,
        KeySecret = Sentinels.KeySecret,
        ReviewMode = ReviewMode.Manual,
        DataFile = dataFile,
        Urls = urls,
    };

    public static async Task<ReliabilityWorld> StartAsync(EmulatorOptions? emulatorOptions = null, int maxRetries = 10, CancellationToken cancellationToken = default)
    {
        var emulator = await EmulatorServer.StartAsync(emulatorOptions ?? EmulatorOptions(), cancellationToken);
        try
        {
            var session = await StartPluginAsync(cancellationToken);
            var world = new ReliabilityWorld(emulator, session);
            await session.ConfigureAsync(world.Config(maxRetries), cancellationToken: cancellationToken);
            return world;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the plugin with no ambient credentials: it must take everything from Configure.</summary>
    public static Task<ProviderSession> StartPluginAsync(CancellationToken cancellationToken) =>
        ProviderSession.StartAsync(
            new ProviderSessionOptions
            {
                PluginPath = PluginPath,
                PackageName = "kakao",
                Environment = Kakao.Testing.HermeticEnvironment.NoAmbientSettings(),
                CancelGracePeriod = TimeSpan.FromSeconds(2),
                InterruptGracePeriod = TimeSpan.FromSeconds(2),
            },
            cancellationToken);

    /// <summary>Configuration pointing at this world's emulator (keys without the <c>kakao:</c> prefix).</summary>
    public PropertyMap Config(int maxRetries = 10, double requestTimeoutSeconds = 60) => ConfigFor(Emulator.BaseAddress, maxRetries, requestTimeoutSeconds);

    public static PropertyMap ConfigFor(Uri endpoint, int maxRetries = 10, double requestTimeoutSeconds = 60) => new()
    {
        ["projectId"] = Sentinels.ProjectId,
        ["keyId"] = Sentinels.KeyId,
        ["keySecret"] = PropertyValue.Secret(Sentinels.KeySecret),
        ["endpoint"] = endpoint.ToString().TrimEnd('/'),
        ["authMode"] = "basic",
        ["maxRetries"] = maxRetries,
        ["requestTimeout"] = requestTimeoutSeconds,
    };

    /// <summary>A valid sender declaration carrying the sentinel admin phone.</summary>
    public static PropertyMap SenderInputs(string plusFriendId, string name = "Sinch Demo Shop") => new()
    {
        ["plusFriendId"] = plusFriendId,
        ["adminPhoneNo"] = PropertyValue.Secret(Sentinels.AdminPhoneNo),
        ["name"] = name,
        ["topLevelCategoryCode"] = "019",
        ["midLevelCategoryCode"] = "0006",
        ["subLevelCategoryCode"] = "0001",
    };

    /// <summary>Back to an empty emulator, stack and engine log, with the plugin configured for it.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Probe.ResetAsync(cancellationToken);
        Session.State.Clear();
        Session.Engine.ClearLogs();
    }

    /// <summary>Stops the emulator and starts it again on the same address and data file (plugin untouched).</summary>
    public async Task RestartEmulatorAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        await StopEmulatorAsync();
        await StartEmulatorAsync(options, cancellationToken);
    }

    /// <summary>Stops the emulator (its address stays the plugin's endpoint).</summary>
    public ValueTask StopEmulatorAsync() => Emulator.DisposeAsync();

    /// <summary>Starts the emulator again on the address it had.</summary>
    public async Task StartEmulatorAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        var address = Emulator.BaseAddress;
        options.Urls = address.GetLeftPart(UriPartial.Authority);
        Emulator = await EmulatorServer.StartAsync(options, cancellationToken);
        Probe.Dispose();
        Probe = new EmulatorProbe(Emulator.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Probe.Dispose();
        await Session.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
