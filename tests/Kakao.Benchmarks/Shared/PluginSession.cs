using Kakao.Emulator;
using Kakao.EngineHarness;

namespace Kakao.Benchmarks.Shared;

/// <summary>Starts the plugin under the engine harness and configures it for the emulator.</summary>
internal static class PluginSession
{
    public static async Task<ProviderSession> StartAsync(string pluginPath, EmulatorServer emulator, CancellationToken cancellationToken)
    {
        var session = await ProviderSession.StartAsync(new ProviderSessionOptions { PluginPath = pluginPath, PackageName = "kakao", Stack = "bench", Project = "bench" }, cancellationToken);
        try
        {
            await session.ConfigureAsync(Samples.Config(emulator), cancellationToken: cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
