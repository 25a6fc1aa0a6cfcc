using Kakao.Emulator;
using Kakao.EngineHarness;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// Starts one emulator and one configured plugin process for all scenarios of a run (a plugin start costs a
/// JIT warm-up each time); <see cref="Scenario.StartAsync"/> resets them between tests.
/// </summary>
[SetUpFixture]
public sealed class ScenarioWorld
{
    private static (EmulatorServer Emulator, ProviderSession Session)? _shared;

    internal static (EmulatorServer Emulator, ProviderSession Session) Shared =>
        _shared ?? throw new InvalidOperationException("The scenario world was not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        _shared = await Scenario.StartWorldAsync(configure: true, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_shared is { } shared)
        {
            await shared.Session.DisposeAsync();
            await shared.Emulator.DisposeAsync();
            _shared = null;
        }
    }
}
