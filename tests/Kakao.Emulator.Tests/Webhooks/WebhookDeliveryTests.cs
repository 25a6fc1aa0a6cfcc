using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Webhooks;

/// <summary>
/// Callback delivery: ALL subscriptions, ULID nonces, and redelivery of failed calls with the same nonce,
/// timestamp and signature on the emulator's clock (no waiting for real time).
/// </summary>
[TestFixture]
public sealed class WebhookDeliveryTests : WebhookFixture
{
    private const string Secret = "delivery-secret";

    public WebhookDeliveryTests()
        : base(Secret, o => o.ReviewMode = ReviewMode.Manual)
    {
    }

    [Test]
    public async Task AllSubscription_ReceivesEverySenderEvent()
    {
        await SubscribeAsync("ALL");
        await Emulator.CreateSenderAsync(Project);

        await CommentAsync("hello");
        (await Emulator.Anonymous.PostAsync(EmulatorHarness.Control(Project) + "/reject", null)).Dispose();

        var first = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        var second = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(first["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_COMMENT_ADDED"));
            Assert.That(second["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_REJECTED"));
        });
    }

    [Test]
    public async Task Callback_Headers_ValidateWithUlidNonceAndBase64Signature()
    {
        await SubscribeAsync("KAKAOTALK_SENDER_COMMENT_ADDED");
        await Emulator.CreateSenderAsync(Project);

        await CommentAsync("hello");

        var callback = await Receiver.NextAsync();
        var headers = new JsonObject(callback.Headers.Where(h => h.Key.StartsWith("x-sinch-", StringComparison.Ordinal)).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        Assert.Multiple(() =>
        {
            Assert.That(WebhookSchemas.Validate(headers, "CallbackHeaders"), Is.Empty, headers.ToJsonString());
            Assert.That(WebhookSchemas.Validate(JsonNode.Parse(callback.Body), "CallbackBody"), Is.Empty);
        });
    }

    [Test]
    public async Task Delivery_ReceiverFailsOnce_RedeliveredWithSameNonceTimestampAndSignature()
    {
        await SubscribeAsync("KAKAOTALK_SENDER_COMMENT_ADDED");
        await Emulator.CreateSenderAsync(Project);
        Receiver.Status = 500;

        await CommentAsync("retry me");
        var failed = await Receiver.NextAsync();
        Receiver.Status = 200;
        Emulator.Time.Advance(TimeSpan.FromSeconds(1));
        var redelivered = await Receiver.NextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(redelivered.Body, Is.EqualTo(failed.Body));
            foreach (string header in new[] { "x-sinch-webhook-signature-nonce", "x-sinch-webhook-signature-timestamp", "x-sinch-webhook-signature" })
            {
                Assert.That(redelivered.Headers[header], Is.EqualTo(failed.Headers[header]), header);
            }
        });
    }

    [Test]
    public async Task Delivery_ReceiverAlwaysFails_StopsAfterFiveAttemptsWithBackOff()
    {
        await SubscribeAsync("KAKAOTALK_SENDER_COMMENT_ADDED");
        await Emulator.CreateSenderAsync(Project);
        Receiver.Status = 503;

        await CommentAsync("doomed");
        var attempts = new List<ReceivedCallback> { await Receiver.NextAsync() };
        foreach (int seconds in new[] { 1, 2, 4, 8 })
        {
            // Just short of the back-off nothing is redelivered; at it, the next attempt comes.
            Emulator.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.That(Receiver.TryTake(out _), Is.False, $"redelivered before {seconds} s");
            Emulator.Time.Advance(TimeSpan.FromMilliseconds(1));
            attempts.Add(await Receiver.NextAsync());
        }

        Receiver.Status = 200;
        Emulator.Time.Advance(TimeSpan.FromMinutes(10));
        await CommentAsync("next");
        var after = JsonNode.Parse((await Receiver.NextAsync()).Body)!;

        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => a.Headers["x-sinch-webhook-signature-nonce"]).Distinct().Count(), Is.EqualTo(1));
            Assert.That(after["comment"]!.GetValue<string>(), Is.EqualTo("next"), "no sixth attempt of the failed event");
        });
    }

    private async Task CommentAsync(string comment)
    {
        using var response = await Emulator.PostAsync(EmulatorHarness.Sender(Project) + "/comments", new JsonObject { ["comment"] = comment }.ToJsonString());
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
    }
}
