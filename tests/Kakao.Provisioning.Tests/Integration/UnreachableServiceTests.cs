using System.Net;
using System.Net.Sockets;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>A real socket to a loopback port nobody listens on: the request provably never left.</summary>
public class UnreachableServiceTests
{
    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    [Test]
    public void CreateSenderAsync_NothingListening_IsATransportErrorNotAnUnknownOutcome()
    {
        using var client = new ProvisioningClient(new ProvisioningClientOptions
        {
            Endpoint = ClosedPort(),
            ProjectId = "p",
            KeyId = "k",
            KeySecret = "s",
            MaxRetries = 0,
        });

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateSenderAsync(new CreateSenderRequest
        {
            PlusFriendId = "@sinch-demo",
            Status = SubmitAction.Draft,
            Details = new SenderDetails { Name = "Sinch Demo Shop" },
        }));

        Assert.That(ex!.Status, Is.EqualTo(0));
        Assert.That(ex.ErrorCode, Is.EqualTo(ProvisioningApiException.TransportErrorCode));
        Assert.That(ex.Message, Does.Not.Contain("outcome is unknown"));
    }
}
