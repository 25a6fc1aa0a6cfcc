using System.Net;
using System.Text.Json;
using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests.Models;

/// <summary>The API's enums as extensible values: known values, unknown text kept as data, JSON both ways.</summary>
public class ExtensibleEnumTests
{
    [Test]
    public void ImplicitConversion_KnownText_EqualsTheStaticValue()
    {
        SenderState state = "ACTIVE";
        ChangesStatus status = "in_progress";

        Assert.Multiple(() =>
        {
            Assert.That(state, Is.EqualTo(SenderState.Active));
            Assert.That(state == SenderState.Active, Is.True);
            Assert.That(state != SenderState.Verifying, Is.True);
            Assert.That(status == ChangesStatus.InProgress, Is.True, "compared case-insensitively, like the Azure SDK");
            Assert.That(status.GetHashCode(), Is.EqualTo(ChangesStatus.InProgress.GetHashCode()));
        });
    }

    [Test]
    public void UnknownValue_IsKeptAsData()
    {
        var state = new SenderState("DORMANT");

        Assert.Multiple(() =>
        {
            Assert.That(state.Value, Is.EqualTo("DORMANT"));
            Assert.That(state.ToString(), Is.EqualTo("DORMANT"));
            Assert.That(state, Is.Not.EqualTo(SenderState.Inactive));
            Assert.That(default(SenderState).Value, Is.Empty);
        });
    }

    [Test]
    public void Constructor_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => _ = new TemplateState(null!));

    [Test]
    public void Serializer_SourceGenerated_ReadsUnknownValuesAndWritesThemBack()
    {
        var json = """{"id":"x","plusFriendId":"@a","state":"DORMANT","changes":{"status":"ON_HOLD"}}""";

        var sender = JsonSerializer.Deserialize(json, ProvisioningJsonContext.Wire.KakaoSender)!;
        var written = JsonSerializer.Serialize(sender, ProvisioningJsonContext.Wire.KakaoSender);

        Assert.Multiple(() =>
        {
            Assert.That(sender.State?.Value, Is.EqualTo("DORMANT"));
            Assert.That(sender.Changes?.Status.Value, Is.EqualTo("ON_HOLD"));
            Assert.That(written, Does.Contain("\"state\":\"DORMANT\"").And.Contain("\"status\":\"ON_HOLD\""));
        });
    }

    [Test]
    public void Serializer_NonStringValue_FailsAsJson() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"plusFriendId":"@a","state":3}""", ProvisioningJsonContext.Wire.KakaoSender));

    [Test]
    public void Converter_AsDictionaryKey_RoundTrips()
    {
        var options = new JsonSerializerOptions { Converters = { new ExtensibleEnumJsonConverter<WebhookTrigger>() } };
        var counts = new Dictionary<WebhookTrigger, int> { [WebhookTrigger.TemplateApproved] = 2 };

        var json = JsonSerializer.Serialize(counts, options);
        var read = JsonSerializer.Deserialize<Dictionary<WebhookTrigger, int>>(json, options)!;

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo("""{"KAKAOTALK_TEMPLATE_APPROVED":2}"""));
            Assert.That(read[WebhookTrigger.TemplateApproved], Is.EqualTo(2));
        });
    }

    [Test]
    public async Task GetWebhookAsync_UnknownTrigger_IsKeptAsData()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"id":"a1","target":"https://h.test/","triggers":["WHATSAPP_TEMPLATE_APPROVED","ALL"]}"""));
        using var client = Clients.Create(handler, new TestClock());

        var webhook = await client.GetWebhookAsync("a1");

        Assert.That(webhook.Triggers, Is.EqualTo(new[] { new WebhookTrigger("WHATSAPP_TEMPLATE_APPROVED"), WebhookTrigger.All }));
    }
}
