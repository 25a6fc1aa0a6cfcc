namespace Kakao.Emulator;

/// <summary>A host lifetime that leaves console signals alone: the in-process host stops only when disposed.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
