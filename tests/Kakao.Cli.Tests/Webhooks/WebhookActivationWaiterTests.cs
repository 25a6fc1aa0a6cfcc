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

        using var response = await PostActiveCallbackAsync(new Uri(registered.Target), registered.Secret, time);
        var sender = await wait;
        await waiter.DisposeAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        client.Verify(c => c.DeleteWebhookAsync("wh-1", It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(console.AllText, Does.Not.Contain(registered.Secret));
    }

    [Test]
    public async Task WaitForActiveAsync_StackWebhook_RegistersNothingDeletesNothingAndAcceptsCallbacksSignedWithItsSecret()
    {
        const string secret = "whsec-from-the-stack-0001";
        var time = new FakeTimeProvider(Senders.Start);
        var client = Senders.Client();
        client.Setup(c => c.GetSenderAsync(Senders.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Senders.Sender(SenderState.Verifying));
        var console = new FakeConsole();
        var stackWebhook = new StackWebhook("hooks", "0123456789abcdef0123456789abcdef", Senders.Project, "https://tunnel.example.com/", ["ALL"], secret);
        var waiter = new WebhookActivationWaiter(new Uri("http://127.0.0.1:0"), null, console, time, stackWebhook);

        var wait = waiter.WaitForActiveAsync(client.Object, Senders.Id, CancellationToken.None);
        using var response = await PostActiveCallbackAsync(waiter.ListenAddress, secret, time);
        var sender = await wait;
        await waiter.DisposeAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        client.Verify(c => c.CreateWebhookAsync(It.IsAny<CreateWebhookRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        client.Verify(c => c.DeleteWebhookAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(console.AllText, Does.Contain("through the stack's webhook 'hooks'").And.Not.Contain(secret));
    }

    /// <summary>Sinch's KAKAOTALK_SENDER_ACTIVE callback for the sample sender, signed with <paramref name="secret"/>.</summary>
    private static async Task<HttpResponseMessage> PostActiveCallbackAsync(Uri target, string secret, TimeProvider time)
    {
        var body = """{"type":"KAKAOTALK_SENDER_ACTIVE","payload":{"plusFriendId":"@sinch-demo","state":"ACTIVE"}}""";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignatureValidator.SignatureHeader, WebhookSignatureValidator.Sign(secret, Encoding.UTF8.GetBytes(body), "nonce-1", timestamp));
        request.Headers.Add(WebhookSignatureValidator.NonceHeader, "nonce-1");
        request.Headers.Add(WebhookSignatureValidator.TimestampHeader, timestamp);
        return await http.SendAsync(request);
    }
}
