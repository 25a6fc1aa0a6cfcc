using System.Net;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;
using Moq;

namespace Kakao.Provisioning.Tests;

/// <summary>The plugin and the CLI mock the client: every operation must be overridable.</summary>
public class ProvisioningClientMockingTests
{
    [Test]
    public async Task Operations_CanBeMockedWithMoq()
    {
        var mock = new Mock<ProvisioningClient>();
        mock.Setup(c => c.ProjectId).Returns("mocked");
        mock.Setup(c => c.TryGetSenderAsync("@x", It.IsAny<CancellationToken>())).ReturnsAsync(new KakaoSender { PlusFriendId = "@x", State = SenderState.Active });
        mock.Setup(c => c.VerifySenderAsync("@x", 123456, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(409, "not_allowed_verify", "Sender not allowed to be verified."));

        var client = mock.Object;

        Assert.That(client.ProjectId, Is.EqualTo("mocked"));
        Assert.That((await client.TryGetSenderAsync("@x"))!.State, Is.EqualTo(SenderState.Active));
        Assert.That(Assert.ThrowsAsync<ProvisioningApiException>(() => client.VerifySenderAsync("@x", 123456))!.ErrorCode, Is.EqualTo("not_allowed_verify"));
    }

    [Test]
    public void PublicOperations_AreAllVirtual()
    {
        var notVirtual = typeof(ProvisioningClient)
            .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) || m.Name is "ForProject" or "get_ProjectId")
            .Where(m => !m.IsVirtual)
            .Select(m => m.Name);

        Assert.That(notVirtual, Is.Empty);
    }

    [Test]
    public async Task Logs_RecordRetriesWithTheirReason()
    {
        var clock = new TestClock();
        var logs = new ListLoggerFactory();
        var handler = new StubHandler((_, n) => n == 1 ? StubHandler.Status(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        using var client = Clients.Create(handler, clock, o => o.LoggerFactory = logs);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(logs.AllText, Does.Contain("Retrying GET v1/projects/proj-1/kakaotalk/senders/@sinch-demo").And.Contain("after 503"));
        Assert.That(logs.AllText, Does.Contain("answered 200"));
    }
}
