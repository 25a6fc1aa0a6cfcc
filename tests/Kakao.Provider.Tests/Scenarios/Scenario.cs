using System.Text.Json.Nodes;
using Kakao.Emulator;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Testing;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// One scenario's world: an in-process emulator, the built plugin started as the engine starts it, and the
/// engine harness driving it. Each test gets its own, so scenarios cannot leak state into each other.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    public const string ProjectId = "scenario-project";
    public const string KeyId = "emulator-key";
    public const string KeySecret = "emulator-secret";
    public const string SenderType = "kakao:index:KakaoSender";
    public const string PluginPathVariable = "KAKAO_PLUGIN_PATH";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly bool _ownsWorld;

    private Scenario(EmulatorServer emulator, ProviderSession session, bool ownsWorld)
    {
        Emulator = emulator;
        Session = session;
        _ownsWorld = ownsWorld;
        Control = new EmulatorControlClient(emulator.BaseAddress);
        Api = new SinchApi(emulator.BaseAddress, ProjectId);
    }

    public EmulatorServer Emulator { get; }

    public ProviderSession Session { get; }

    /// <summary>The emulator's control API (the reviewer, faults, the request log).</summary>
    public EmulatorControlClient Control { get; }

    /// <summary>The Sinch API behind the provider's back.</summary>
    public SinchApi Api { get; }

    /// <summary>Bounds every call of the scenario, so a hung plugin fails the test instead of the run.</summary>
    public CancellationToken Token => _timeout.Token;

    /// <summary>The plugin under test: <c>KAKAO_PLUGIN_PATH</c> (e.g. the Native AOT build) or the referenced build.</summary>
    public static string PluginPath =>
        Environment.GetEnvironmentVariable(PluginPathVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pulumi-resource-kakao.exe" : "pulumi-resource-kakao");

    /// <summary>The configuration pointing the plugin at the emulator (keys without the <c>kakao:</c> prefix).</summary>
    public PropertyMap Config => ConfigFor(Emulator);

    /// <summary>
    /// A scenario on the shared emulator and plugin (started once per run by <see cref="ScenarioWorld"/>): the
    /// emulator is reset (senders, faults, request log, review policy back to manual) and the stack state and
    /// engine log emptied, so each test starts from nothing without paying for a plugin start.
    /// </summary>
    public static async Task<Scenario> StartAsync()
    {
        var (emulator, session) = ScenarioWorld.Shared;
        var scenario = new Scenario(emulator, session, ownsWorld: false);
        await scenario.Control.ResetAsync(scenario.Token);
        session.State.Clear();
        session.Engine.ClearLogs();
        return scenario;
    }

    /// <summary>
    /// A scenario with its own emulator and plugin process, for tests that disturb the plugin (Cancel) or
    /// need it unconfigured.
    /// </summary>
    public static async Task<Scenario> StartIsolatedAsync(bool configure = true)
    {
        var (emulator, session) = await StartWorldAsync(configure, CancellationToken.None);
        return new Scenario(emulator, session, ownsWorld: true);
    }

    internal static async Task<(EmulatorServer Emulator, ProviderSession Session)> StartWorldAsync(bool configure, CancellationToken cancellationToken)
    {
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { ReviewMode = ReviewMode.Manual }, cancellationToken);
        ProviderSession? session = null;
        try
        {
            session = await ProviderSession.StartAsync(
                new ProviderSessionOptions
                {
                    PluginPath = PluginPath,
                    PackageName = "kakao",
                    // The plugin must take its configuration from Configure only: no ambient credentials.
                    Environment = Kakao.Testing.HermeticEnvironment.NoAmbientSettings(),
                    CancelGracePeriod = TimeSpan.FromSeconds(2),
                    InterruptGracePeriod = TimeSpan.FromSeconds(2),
                },
                cancellationToken);
            if (configure)
            {
                await session.ConfigureAsync(ConfigFor(emulator), cancellationToken: cancellationToken);
            }

            return (emulator, session);
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            await emulator.DisposeAsync();
            throw;
        }
    }

    private static PropertyMap ConfigFor(EmulatorServer emulator) => new()
    {
        ["projectId"] = ProjectId,
        ["keyId"] = KeyId,
        ["keySecret"] = PropertyValue.Secret(KeySecret),
        ["endpoint"] = emulator.BaseAddress.ToString().TrimEnd('/'),
        ["authMode"] = "basic",
        ["maxRetries"] = 5,
    };

    /// <summary>The guide's sample sender, under another plusFriendId when given.</summary>
    public static PropertyMap SenderInputs(string plusFriendId = "@sinch-demo", string name = "Sinch Demo Shop") => new()
    {
        ["plusFriendId"] = plusFriendId,
        ["adminPhoneNo"] = PropertyValue.Secret("+48777777777"),
        ["name"] = name,
        ["topLevelCategoryCode"] = "019",
        ["midLevelCategoryCode"] = "0006",
        ["subLevelCategoryCode"] = "0001",
    };

    public ResourceUrn Urn(string name = "sender") => Session.Urn(SenderType, name);

    public Task<UpResult> UpAsync(PropertyMap inputs, string name = "sender") =>
        Session.UpAsync(SenderType, name, inputs, Token);

    public Task<RefreshResult> RefreshAsync(string name = "sender") => Session.RefreshAsync(Urn(name), Token);

    /// <summary>The first engine log entry matching <paramref name="match"/>, waiting up to 10 s; null when none came.</summary>
    public async Task<LogEntry?> WaitForLogAsync(Func<LogEntry, bool> match)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Token);
        wait.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            return await Session.Engine.WaitForLogAsync(match, wait.Token);
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            return null;
        }
    }

    public static JsonObject Fault(string method, string path, int? status = null, int? count = null, int? latencyMs = null, int? retryAfterSeconds = null)
    {
        var rule = new JsonObject { ["method"] = method, ["path"] = path };
        if (status is { } s)
        {
            rule["status"] = s;
        }

        if (count is { } c)
        {
            rule["count"] = c;
        }

        if (latencyMs is { } l)
        {
            rule["latencyMs"] = l;
        }

        if (retryAfterSeconds is { } r)
        {
            rule["retryAfterSeconds"] = r;
        }

        return rule;
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Api.Dispose();
        if (_ownsWorld)
        {
            await Session.DisposeAsync();
            await Emulator.DisposeAsync();
        }

        _timeout.Dispose();
    }
}
