using System.Globalization;
using System.Text;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Webhooks;
using Kakao.Provisioning.Models;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kakao.Cli.Tests.Webhooks;

public class WebhookActivationWaiterTests
{
    [Test]
    public async Task WaitForActiveAsync_SignedActiveCallback_ReturnsAndDeletesWebhookOnDispose()
    {
        var time = new FakeTimeProvider(Senders.Start);
        var client = Senders.Client();
        CreateWebhookRequest? registered = null;
        client.Setup(c => c.CreateWebhookAsync(It.IsAny<CreateWebhookRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CreateWebhookRequest, CancellationToken>((r, _) => registered = r)
            .ReturnsAsync((CreateWebhookRequest r, CancellationToken _) => new Webhook { Id = "wh-1", Target = r.Target, Triggers = r.Triggers });
        client.Setup(c => c.GetSenderAsync(Senders.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Senders.Sender(SenderState.Verifying));
        client.Setup(c => c.DeleteWebhookAsync("wh-1", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var console = new FakeConsole();
        var waiter = new WebhookActivationWaiter(new Uri("http://127.0.0.1:0"), null, console, time);

        var wait = waiter.WaitForActiveAsync(client.Object, Senders.Id, CancellationToken.None);
        Assert.That(registered, Is.Not.Null);
        Assert.That(registered!.Target, Is.EqualTo(waiter.ListenAddress.ToString()));
        Assert.That(registered.Triggers, Does.Contain(WebhookTrigger.SenderActive).And.Contain(WebhookTrigger.SenderRejected));
        Assert.That(registered.Secret, Has.Length.GreaterThanOrEqualTo(32));

        var body = """{"type":"KAKAOTALK_SENDER_ACTIVE","payload":{"plusFriendId":"@sinch-demo","state":"ACTIVE"}}""";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, registered.Target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignatureValidator.SignatureHeader, WebhookSignatureValidator.Sign(registered.Secret, Encoding.UTF8.GetBytes(body), "nonce-1", timestamp));
        request.Headers.Add(WebhookSignatureValidator.NonceHeader, "nonce-1");
        request.Headers.Add(WebhookSignatureValidator.TimestampHeader, timestamp);
        using var response = await http.SendAsync(request);
        var sender = await wait;
        await waiter.DisposeAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        client.Verify(c => c.DeleteWebhookAsync("wh-1", It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(console.AllText, Does.Not.Contain(registered.Secret));
    }
}
