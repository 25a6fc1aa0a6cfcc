using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Webhooks;

/// <summary>
/// Callback delivery: ALL subscriptions, ULID nonces, and redelivery of failed calls with the same nonce,
/// timestamp and signature on the emulator's clock (no waiting for real time).
/// </summary>
[TestFixture]
public sealed class WebhookDeliveryTests
{
    private const string Secret = "delivery-secret";
    private EmulatorHarness _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Manual);
        _receiver = await WebhookReceiver.StartAsync();
        _project = EmulatorHarness.NewProject();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task AllSubscription_ReceivesEverySenderEvent()
    {
        await SubscribeAsync("ALL");
        await _emulator.CreateSenderAsync(_project);

        await CommentAsync("hello");
        (await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/reject", null)).Dispose();

        var first = JsonNode.Parse((await _receiver.NextAsync()).Body)!;
        var second = JsonNode.Parse((await _receiver.NextAsync()).Body)!;
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
        await _emulator.CreateSenderAsync(_project);

        await CommentAsync("hello");

        var callback = await _receiver.NextAsync();
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
        await _emulator.CreateSenderAsync(_project);
        _receiver.Status = 500;

        await CommentAsync("retry me");
        var failed = await _receiver.NextAsync();
        _receiver.Status = 200;
        _emulator.Time.Advance(TimeSpan.FromSeconds(1));
        var redelivered = await _receiver.NextAsync();

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
        await _emulator.CreateSenderAsync(_project);
        _receiver.Status = 503;

        await CommentAsync("doomed");
        var attempts = new List<ReceivedCallback> { await _receiver.NextAsync() };
        foreach (int seconds in new[] { 1, 2, 4, 8 })
        {
            // Just short of the back-off nothing is redelivered; at it, the next attempt comes.
            _emulator.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.That(_receiver.TryTake(out _), Is.False, $"redelivered before {seconds} s");
            _emulator.Time.Advance(TimeSpan.FromMilliseconds(1));
            attempts.Add(await _receiver.NextAsync());
        }

        _receiver.Status = 200;
        _emulator.Time.Advance(TimeSpan.FromMinutes(10));
        await CommentAsync("next");
        var after = JsonNode.Parse((await _receiver.NextAsync()).Body)!;

        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => a.Headers["x-sinch-webhook-signature-nonce"]).Distinct().Count(), Is.EqualTo(1));
            Assert.That(after["comment"]!.GetValue<string>(), Is.EqualTo("next"), "no sixth attempt of the failed event");
        });
    }

    private Task SubscribeAsync(string trigger) => WebhookSubscriptions.SubscribeAsync(_emulator, _project, _receiver.Url, Secret, trigger);

    private async Task CommentAsync(string comment)
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/comments", new JsonObject { ["comment"] = comment }.ToJsonString());
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
    }
}
