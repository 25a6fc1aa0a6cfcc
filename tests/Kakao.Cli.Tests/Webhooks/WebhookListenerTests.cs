using System.Globalization;
using System.Text;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Webhooks;
using Kakao.Provisioning.Models;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Cli.Tests.Webhooks;

public class WebhookListenerTests
{
    private const string Secret = "listener-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static async Task<HttpResponseMessage> PostAsync(Uri address, string body, string secret, string nonce, DateTimeOffset at)
    {
        using var http = new HttpClient();
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignatureValidator.SignatureHeader, WebhookSignatureValidator.Sign(secret, Encoding.UTF8.GetBytes(body), nonce, timestamp));
        request.Headers.Add(WebhookSignatureValidator.AlgorithmHeader, "HmacSHA256");
        request.Headers.Add(WebhookSignatureValidator.NonceHeader, nonce);
        request.Headers.Add(WebhookSignatureValidator.TimestampHeader, timestamp);
        return await http.SendAsync(request);
    }

    private const string ActiveBody = """{"type":"KAKAOTALK_SENDER_ACTIVE","payload":{"plusFriendId":"@sinch-demo","state":"ACTIVE"}}""";

    [Test]
    public async Task Listener_SignedCallback_Answers200AndDeliversTheEvent()
    {
        var inbox = new WebhookInbox();
        var console = new FakeConsole();
        await using var listener = WebhookListener.Start(new Uri("http://127.0.0.1:0"), new WebhookSignatureValidator(Secret, new FakeTimeProvider(Now)), inbox, console);

        using var response = await PostAsync(listener.Address, ActiveBody, Secret, "n-1", Now);
        var received = await inbox.NextAsync("@sinch-demo", CancellationToken.None);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(received.Type, Is.EqualTo(WebhookTrigger.SenderActive));
        Assert.That(received.Sender.State, Is.EqualTo(SenderState.Active));
    }

    [Test]
    public async Task Listener_BadOrStaleCallbacks_Answers401AndARedeliveryOfAHandledEvent200_DeliversOnlyTheFirst()
    {
        var inbox = new WebhookInbox();
        var console = new FakeConsole();
        await using var listener = WebhookListener.Start(new Uri("http://127.0.0.1:0"), new WebhookSignatureValidator(Secret, new FakeTimeProvider(Now)), inbox, console);

        using var bad = await PostAsync(listener.Address, ActiveBody, "wrong-secret", "n-1", Now);
        using var stale = await PostAsync(listener.Address, ActiveBody, Secret, "n-2", Now.AddMinutes(-10));
        using var first = await PostAsync(listener.Address, ActiveBody, Secret, "n-3", Now);
        await inbox.NextAsync("@sinch-demo", CancellationToken.None);
        using var replay = await PostAsync(listener.Address, ActiveBody, Secret, "n-3", Now);

        Assert.That(new[] { (int)bad.StatusCode, (int)stale.StatusCode, (int)first.StatusCode, (int)replay.StatusCode }, Is.EqualTo(new[] { 401, 401, 200, 200 }));
        Assert.That(inbox.NextAsync("@sinch-demo", new CancellationToken(canceled: true)).IsCanceled, Is.True, "neither a refused callback nor the second copy was delivered");
        Assert.That(console.Lines.Where(l => l.StartsWith("warn: Refused", StringComparison.Ordinal)), Has.Exactly(2).Items);
        Assert.That(console.AllText, Does.Contain("bad signature").And.Contain("timestamp").And.Contain("already processed"));
        Assert.That(console.AllText, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task Listener_RedeliveryOfAnEventThatFailed_IsAcceptedAndDelivered()
    {
        var inbox = new WebhookInbox();
        await using var listener = WebhookListener.Start(new Uri("http://127.0.0.1:0"), new WebhookSignatureValidator(Secret, new FakeTimeProvider(Now)), inbox, new FakeConsole());

        using var failed = await PostAsync(listener.Address, """{"type": "KAKAOTALK_SENDER_ACTIVE"}""", Secret, "01EAW2BNWCG9DC13RS582V0ZQ3", Now);
        using var redelivered = await PostAsync(listener.Address, ActiveBody, Secret, "01EAW2BNWCG9DC13RS582V0ZQ3", Now);
        var received = await inbox.NextAsync("@sinch-demo", CancellationToken.None);

        Assert.That(((int)failed.StatusCode, (int)redelivered.StatusCode), Is.EqualTo((400, 200)));
        Assert.That(received.Type, Is.EqualTo(WebhookTrigger.SenderActive));
    }

    [Test]
    public async Task Listener_SignedButNotASenderCallback_Answers400()
    {
        await using var listener = WebhookListener.Start(new Uri("http://127.0.0.1:0"), new WebhookSignatureValidator(Secret, new FakeTimeProvider(Now)), new WebhookInbox(), new FakeConsole());

        using var response = await PostAsync(listener.Address, """{"hello": "world"}""", Secret, "n-1", Now);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [TestCase("https://127.0.0.1:8080")]
    [TestCase("http://example.com:8080")]
    [TestCase("http://127.0.0.1:8080/hooks")]
    [TestCase("not a url")]
    public void ParseListenUrl_NotPlainLoopback_IsConfigurationError(string url) =>
        Assert.Throws<ConfigurationException>(() => WebhookListener.ParseListenUrl(url));

    [Test]
    public void ParseListenUrl_Loopback_IsAccepted() =>
        Assert.That(WebhookListener.ParseListenUrl("http://127.0.0.1:8088").Port, Is.EqualTo(8088));
}
