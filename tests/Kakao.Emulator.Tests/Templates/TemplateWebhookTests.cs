using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>KAKAOTALK_TEMPLATE_APPROVED / _REJECTED / _COMMENT_ADDED: signed, shaped and redelivered like the sender ones.</summary>
[TestFixture]
public sealed class TemplateWebhookTests : WebhookFixture
{
    private const string Secret = "whsec-template-42";

    public TemplateWebhookTests()
        : base(Secret, o => o.TemplateReviewMode = ReviewMode.Manual)
    {
    }

    [SetUp]
    public async Task NewActiveSenderAsync() => await Emulator.CreateActiveSenderAsync(Project);

    [Test]
    public async Task Approve_DeliversSignedApprovedCallbackWithTheTemplate()
    {
        await SubscribeAsync("KAKAOTALK_TEMPLATE_APPROVED");
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        var callback = await Receiver.NextAsync();
        var body = JsonNode.Parse(callback.Body)!;
        Assert.Multiple(() =>
        {
            AssertCallback(callback, "KAKAOTALK_TEMPLATE_APPROVED");
            Assert.That(body["payload"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(body["payload"]!["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(body["payload"]!["changes"], Is.Null);
            Assert.That(body["comment"], Is.Null);
        });
    }

    [Test]
    public async Task Reject_DeliversRejectedCallbackWithStateRejectedAndTheComment()
    {
        await SubscribeAsync("KAKAOTALK_TEMPLATE_REJECTED");
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        await TemplateApi.ControlAsync(Emulator, Project, code, "reject", """{"comment": "광고성 문구가 포함되어 있습니다."}""");

        var callback = await Receiver.NextAsync();
        var body = JsonNode.Parse(callback.Body)!;
        Assert.Multiple(() =>
        {
            AssertCallback(callback, "KAKAOTALK_TEMPLATE_REJECTED");
            Assert.That(body["payload"]!["state"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(body["payload"]!["details"]!["name"]!.GetValue<string>(), Is.EqualTo("order-shipped"));
            Assert.That(body["comment"]!.GetValue<string>(), Is.EqualTo("광고성 문구가 포함되어 있습니다."));
        });
    }

    [Test]
    public async Task Comment_DeliversCommentAddedCallbackCarryingTheComment()
    {
        await SubscribeAsync("KAKAOTALK_TEMPLATE_COMMENT_ADDED");
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        (await Emulator.PostAsync(TemplateApi.One(Project, code) + "/comments", """{"comment": "Is #{trackingNo} a tracking number?"}""")).Dispose();

        var callback = await Receiver.NextAsync();
        Assert.Multiple(() =>
        {
            AssertCallback(callback, "KAKAOTALK_TEMPLATE_COMMENT_ADDED");
            Assert.That(JsonNode.Parse(callback.Body)!["comment"]!.GetValue<string>(), Is.EqualTo("Is #{trackingNo} a tracking number?"));
        });
    }

    [Test]
    public async Task AllSubscription_ReceivesTemplateEventsButSenderTriggersDoNot()
    {
        await SubscribeAsync("KAKAOTALK_SENDER_COMMENT_ADDED");
        await using var all = await WebhookReceiver.StartAsync();
        (await Emulator.PostAsync($"v1/projects/{Project}/webhooks", $$"""{"target": "{{all.Url}}", "secret": "{{Secret}}", "triggers": ["ALL"]}""")).Dispose();
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        Assert.That(JsonNode.Parse((await all.NextAsync()).Body)!["type"]!.GetValue<string>(), Is.EqualTo("KAKAOTALK_TEMPLATE_APPROVED"));
        Assert.That(Receiver.TryTake(out _), Is.False);
    }

    [Test]
    public async Task Delivery_ReceiverFailsOnce_TemplateCallbackRedeliveredWithSameNonceAndSignature()
    {
        await SubscribeAsync("KAKAOTALK_TEMPLATE_APPROVED");
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        Receiver.Status = 500;

        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");
        var failed = await Receiver.NextAsync();
        Receiver.Status = 200;
        Emulator.Time.Advance(TimeSpan.FromSeconds(1));
        var redelivered = await Receiver.NextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(redelivered.Body, Is.EqualTo(failed.Body));
            Assert.That(redelivered.Headers["x-sinch-webhook-signature-nonce"], Is.EqualTo(failed.Headers["x-sinch-webhook-signature-nonce"]));
            Assert.That(redelivered.Headers["x-sinch-webhook-signature"], Is.EqualTo(failed.Headers["x-sinch-webhook-signature"]));
        });
    }

    [Test]
    public async Task ReviewPolicy_ApproveAfterDelay_ApprovesOnTheClockWithoutPolling()
    {
        await SubscribeAsync("KAKAOTALK_TEMPLATE_APPROVED");
        using var policy = await Emulator.PostAsync("_emulator/template-review-policy", """{"mode": "approve", "delaySeconds": 3600}""", Emulator.Anonymous);
        Assert.That(JsonNode.Parse(await policy.Content.ReadAsStringAsync())!["delaySeconds"]!.GetValue<double>(), Is.EqualTo(3600));
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        Emulator.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.That((await TemplateApi.GetAsync(Emulator, Project, code))["state"], Is.Null);
        Emulator.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(JsonNode.Parse((await Receiver.NextAsync()).Body)!["payload"]!["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
    }

    [Test]
    public async Task ReviewPolicy_Reject_RejectsWithThePolicysComment()
    {
        (await Emulator.PostAsync("_emulator/template-review-policy", """{"mode": "reject", "delaySeconds": 0, "comment": "Not informational."}""", Emulator.Anonymous)).Dispose();
        await SubscribeAsync("KAKAOTALK_TEMPLATE_REJECTED");

        await TemplateApi.CreateAsync(Emulator, Project);

        var body = JsonNode.Parse((await Receiver.NextAsync()).Body)!;
        Assert.That(body["comment"]!.GetValue<string>(), Is.EqualTo("Not informational."));
    }

    [Test]
    public async Task ReviewPolicy_DefaultAndReset_AreApproveAfterZeroSeconds()
    {
        await using var fresh = await EmulatorHarness.StartAsync();
        (await fresh.PostAsync("_emulator/template-review-policy", """{"mode": "manual"}""", fresh.Anonymous)).Dispose();

        (await fresh.Anonymous.PostAsync("_emulator/reset", null)).Dispose();

        var policy = JsonNode.Parse(await fresh.Anonymous.GetStringAsync("_emulator/template-review-policy"))!;
        Assert.Multiple(() =>
        {
            Assert.That(policy["mode"]!.GetValue<string>(), Is.EqualTo("approve"));
            Assert.That(policy["delaySeconds"]!.GetValue<double>(), Is.Zero);
        });
    }

    [TestCase("""{"mode": "sometimes"}""")]
    [TestCase("""{"delaySeconds": -1}""")]
    [TestCase("""{"comment": 5}""")]
    public async Task ReviewPolicy_BadBody_AnswersInvalidInput(string body)
    {
        using var response = await Emulator.PostAsync("_emulator/template-review-policy", body, Emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }

    private void AssertCallback(ReceivedCallback callback, string type)
    {
        var body = JsonNode.Parse(callback.Body)!;
        var headers = new JsonObject(callback.Headers.Where(h => h.Key.StartsWith("x-sinch-", StringComparison.Ordinal)).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo(type));
        Assert.That(FactsSchemas.Validate(body["payload"], "KakaotalkTemplateDto"), Is.Empty, body.ToJsonString());
        Assert.That(WebhookSchemas.Validate(body, "CallbackBody"), Is.Empty);
        Assert.That(WebhookSchemas.Validate(headers, "CallbackHeaders"), Is.Empty, headers.ToJsonString());
        Assert.That(callback.Headers["x-sinch-webhook-signature"], Is.EqualTo(WebhookSubscriptions.ExpectedSignature(callback, Secret)));
    }
}
