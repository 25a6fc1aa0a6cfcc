using System.Net;
using System.Net.Sockets;

namespace Kakao.Reliability.Tests.Durability;

/// <summary>
/// Holds a stopped server's port during an outage: accepts each connection and resets it at once, counting
/// them, so a test can wait until clients have really met the outage (no timing guesses).
/// </summary>
internal sealed class DeadPort : IDisposable
{
    private readonly TcpListener _listener;

    public DeadPort(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        // The stopped server's connections linger in TIME_WAIT on this port.
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
    }

    /// <summary>Refuses connections until <paramref name="count"/> were refused; returns how many.</summary>
    public async Task<int> RefuseAsync(int count, CancellationToken cancellationToken)
    {
        int refused = 0;
        while (refused < count)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            client.LingerState = new LingerOption(true, 0);
            refused++;
        }

        return refused;
    }

    public void Dispose() => _listener.Stop();
}
