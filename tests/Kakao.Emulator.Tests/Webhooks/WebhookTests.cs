using System.Net;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Webhooks;

/// <summary>The webhooks API and signed KAKAOTALK_SENDER_* callbacks.</summary>
[TestFixture]
public sealed class WebhookTests : WebhookFixture
{
    private const string Secret = "whsec-test-0123";

    public WebhookTests()
        : base(Secret, o => o.ReviewMode = ReviewMode.Manual)
    {
    }

    [Test]
    public async Task Register_ReturnsWebhookWithoutSecret_ListAndDeleteWork()
    {
        using var created = await RegisterAsync(["KAKAOTALK_SENDER_ACTIVE"]);
        var body = await EmulatorHarness.ReadJsonAsync(created);
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body!["target"]!.GetValue<string>(), Is.EqualTo(Receiver.Url.ToString()));
            Assert.That(body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "target", "projectId", "triggers" }));
        });
        string id = body!["id"]!.GetValue<string>();

        using var list = await Emulator.Client.GetAsync($"v1/projects/{Project}/webhooks");
        Assert.That((await EmulatorHarness.ReadJsonAsync(list))!["webhooks"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(id));

        using var delete = await Emulator.Client.DeleteAsync($"v1/projects/{Project}/webhooks/{id}");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var again = await Emulator.Client.DeleteAsync($"v1/projects/{Project}/webhooks/{id}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Register_SameTargetTwice_Answers409()
    {
        (await RegisterAsync(["KAKAOTALK_SENDER_ACTIVE"])).Dispose();

        using var second = await RegisterAsync(["KAKAOTALK_SENDER_REJECTED"]);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("""{"target": "ftp://x", "triggers": ["KAKAOTALK_SENDER_ACTIVE"]}""")]
    [TestCase("""{"target": "http://127.0.0.1/h", "triggers": []}""")]
    [TestCase("""{"target": "http://127.0.0.1/h", "triggers": ["SOMETHING"]}""")]
    [TestCase("""{"target": "http://127.0.0.1/h", "triggers": ["KAKAOTALK_SENDER_ACTIVE"], "secret": 5}""")]
    [TestCase("""{"triggers": ["KAKAOTALK_SENDER_ACTIVE"]}""")]
    public async Task Register_BadBody_AnswersInvalidInput(string body)
    {
        using var response = await Emulator.PostAsync($"v1/projects/{Project}/webhooks", body);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }

    [Test]
    public async Task Reject_WithWebhook_DeliversSignedCallbackWithCommentAndSender()
    {
        (await RegisterAsync(["KAKAOTALK_SENDER_REJECTED"])).Dispose();
        await Emulator.CreateSenderAsync(Project);

        (await Emulator.PostAsync(EmulatorHarness.Control(Project) + "/reject", """{"comment": "Blurry logo."}""", Emulator.Anonymous)).Dispose();

        var callback = await Receiver.NextAsync();
        var body = JsonNode.Parse(callback.Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_REJECTED"));
            Assert.That(body["comment"]!.GetValue<string>(), Is.EqualTo("Blurry logo."));
            Assert.That(FactsSchemas.Validate(body["payload"], "KakaotalkSenderDto"), Is.Empty);
            Assert.That(body["payload"]!["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(callback.Headers["x-sinch-webhook-signature-algorithm"], Is.EqualTo("HmacSHA256"));
            Assert.That(callback.Headers["x-sinch-webhook-signature-timestamp"], Is.EqualTo(Emulator.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(callback.Headers["x-sinch-webhook-signature"], Is.EqualTo(ExpectedSignature(callback)));
        });
    }

    [Test]
    public async Task Callbacks_WholeLifecycle_InactiveThenActiveOnlyForSubscribedTriggers()
    {
        (await RegisterAsync(["KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_INACTIVE"])).Dispose();
        await Emulator.CreateSenderAsync(Project);
        (await Emulator.PostAsync(EmulatorHarness.Sender(Project) + "/comments", """{"comment": "not subscribed"}""")).Dispose();
        (await Emulator.Anonymous.PostAsync(EmulatorHarness.Control(Project) + "/approve", null)).Dispose();
        (await Emulator.Client.PostAsync(EmulatorHarness.Sender(Project) + "/register", null)).Dispose();
        int code = await Emulator.GetOtpAsync(Project);
        (await Emulator.PostAsync(EmulatorHarness.Sender(Project) + "/verify", $$"""{"code": {{code}}}""")).Dispose();

        var first = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        var second = JsonNode.Parse((await Receiver.NextAsync()).Body)!;

        Assert.Multiple(() =>
        {
            Assert.That(first["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_INACTIVE"));
            Assert.That(second["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_ACTIVE"));
            Assert.That(second["payload"]!["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(Receiver.TryTake(out _), Is.False);
        });
    }

    [Test]
    public async Task Comment_Added_CallbackCarriesComment()
    {
        (await RegisterAsync(["KAKAOTALK_SENDER_COMMENT_ADDED"])).Dispose();
        await Emulator.CreateSenderAsync(Project);

        (await Emulator.PostAsync(EmulatorHarness.Sender(Project) + "/comments", """{"comment": "안녕하세요"}""")).Dispose();

        var body = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        Assert.That(body["comment"]!.GetValue<string>(), Is.EqualTo("안녕하세요"));
    }

    [Test]
    public async Task Delivery_ToDeadOrFailingTargets_NeverBlocksOrBreaksTheApi()
    {
        Receiver.Status = 500;
        (await Emulator.PostAsync($"v1/projects/{Project}/webhooks", """{"target": "http://127.0.0.1:9/nothing-listens", "secret": "s", "triggers": ["KAKAOTALK_SENDER_COMMENT_ADDED"]}""")).Dispose();
        (await RegisterAsync(["KAKAOTALK_SENDER_COMMENT_ADDED"])).Dispose();
        await Emulator.CreateSenderAsync(Project);

        for (int i = 0; i < 3; i++)
        {
            using var comment = await Emulator.PostAsync(EmulatorHarness.Sender(Project) + "/comments", $$"""{"comment": "c{{i}}"}""");
            Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.That(JsonNode.Parse((await Receiver.NextAsync()).Body)!["comment"]!.GetValue<string>(), Is.EqualTo($"c{i}"));
        }

        Assert.That((await Emulator.GetSenderAsync(Project))["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
    }

    [Test]
    public async Task Review_Scheduled_DeliversCallbackWhenClockPassesDelayWithoutPolling()
    {
        await using var delayed = await EmulatorHarness.StartAsync(o => o.ReviewDelay = TimeSpan.FromMinutes(30));
        (await delayed.PostAsync($"v1/projects/{Project}/webhooks", $$"""{"target": "{{Receiver.Url}}", "secret": "{{Secret}}", "triggers": ["KAKAOTALK_SENDER_INACTIVE"]}""")).Dispose();
        await delayed.CreateSenderAsync(Project);

        delayed.Time.Advance(TimeSpan.FromMinutes(30));

        var body = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        Assert.That(body["payload"]!["state"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
    }

    [Test]
    public async Task Restart_PendingReview_StillDeliversItsCallbackWithoutPolling()
    {
        string file = Path.Combine(Path.GetTempPath(), $"emu-wh-{Guid.NewGuid():N}.json");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        try
        {
            await using (var first = await EmulatorHarness.StartAsync(o => { o.DataFile = file; o.ReviewDelay = TimeSpan.FromMinutes(10); }, time))
            {
                (await first.PostAsync($"v1/projects/{Project}/webhooks", $$"""{"target": "{{Receiver.Url}}", "secret": "{{Secret}}", "triggers": ["KAKAOTALK_SENDER_INACTIVE"]}""")).Dispose();
                await first.CreateSenderAsync(Project);
            }

            await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = file, time);
            time.Advance(TimeSpan.FromMinutes(10));

            var body = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_SENDER_INACTIVE"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<HttpResponseMessage> RegisterAsync(string[] triggers) =>
        Emulator.PostAsync(WebhookSubscriptions.Path(Project), WebhookSubscriptions.Body(Receiver.Url, Secret, triggers));

    private static string ExpectedSignature(ReceivedCallback callback) => WebhookSubscriptions.ExpectedSignature(callback, Secret);
}
