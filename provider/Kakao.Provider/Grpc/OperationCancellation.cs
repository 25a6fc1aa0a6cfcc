namespace Kakao.Provider.Grpc;

/// <summary>
/// One cancellation source for the whole plugin: Cancel (or shutdown) trips it, and every operation runs
/// under a token linked to it, its call's token and its custom timeout.
/// </summary>
internal sealed class OperationCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Cancels every in-flight and future operation.</summary>
    public void Cancel()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Shut down already.
        }
    }

    /// <summary>A source linked to the plugin-wide token and <paramref name="callToken"/>, with an optional timeout.</summary>
    /// <param name="callToken">The gRPC call's token (client went away, deadline).</param>
    /// <param name="timeoutSeconds">The resource's custom timeout; 0 or less for none.</param>
    public CancellationTokenSource Link(CancellationToken callToken, double timeoutSeconds = 0)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(_source.Token, callToken);
        if (timeoutSeconds > 0 && timeoutSeconds < int.MaxValue / 1000.0)
        {
            linked.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        }

        return linked;
    }

    public void Dispose() => _source.Dispose();
}
