using System.Net;
using System.Text.Json.Nodes;

namespace Kakao.Emulator.Tests.Support;

/// <summary>Paths, bodies and assertions of the template routes.</summary>
internal static class TemplateApi
{
    public static string List(string project, string plusFriendId = EmulatorHarness.SamplePlusFriendId) =>
        $"{EmulatorHarness.Sender(project, plusFriendId)}/templates";

    public static string One(string project, string code, string plusFriendId = EmulatorHarness.SamplePlusFriendId) =>
        $"{List(project, plusFriendId)}/{code}";

    public static string Control(string project, string code, string plusFriendId = EmulatorHarness.SamplePlusFriendId) =>
        $"{EmulatorHarness.Control(project, plusFriendId)}/templates/{code}";

    public static string Categories(string project, string plusFriendId = EmulatorHarness.SamplePlusFriendId) =>
        $"v1/projects/{project}/kakaotalk/categories/senders/{Uri.EscapeDataString(plusFriendId)}/templates";

    /// <summary>A valid submission: a shipping notice with one web-link button.</summary>
    public static string Body(string name = "order-shipped", string status = "SUBMIT", string extraDetails = "", string top = "") => $$"""
        {
          "status": "{{status}}",{{top}}
          "details": {
            "name": "{{name}}",
            "language": "KO",
            "content": "#{customer}님, 주문하신 상품이 발송되었습니다. 송장번호: #{trackingNo}",
            "categoryCode": "006001",
            "buttons": [{"ordering": 1, "type": "WEB_LINK", "name": "배송 조회", "linkMo": "https://shop.example.com/track"}]{{extraDetails}}
          }
        }
        """;

    /// <summary>Creates a template (201 validated against KakaotalkTemplateDto) and returns it.</summary>
    public static async Task<JsonNode> CreateAsync(EmulatorHarness emulator, string project, string? body = null, string plusFriendId = EmulatorHarness.SamplePlusFriendId)
    {
        using var response = await emulator.PostAsync(List(project, plusFriendId), body ?? Body());
        return await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkTemplateDto");
    }

    public static async Task<JsonNode> GetAsync(EmulatorHarness emulator, string project, string code)
    {
        using var response = await emulator.Client.GetAsync(One(project, code));
        return await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkTemplateDto");
    }

    public static async Task ControlAsync(EmulatorHarness emulator, string project, string code, string action, string body = "{}")
    {
        using var response = await emulator.PostAsync($"{Control(project, code)}/{action}", body, emulator.Anonymous);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(FactsSchemas.Validate(await EmulatorHarness.ReadJsonAsync(response), "KakaotalkTemplateDto"), Is.Empty);
    }

    public static string Code(JsonNode template) => template["code"]!.GetValue<string>();

    /// <summary>
    /// Asserts Kakao's refusal: 424 template_kakaotalk_validation_error with the table's resolution, a message
    /// "Template kakaoTalk validation error: …" naming <paramref name="rule"/>, and additionalInformation.templateCode
    /// exactly when a draft was saved. Returns the saved code, if any.
    /// </summary>
    public static async Task<string?> RefusedByKakaoAsync(HttpResponseMessage response, string rule, bool draftSaved)
    {
        string text = await response.Content.ReadAsStringAsync();
        var expected = FactsSchemas.Error("template_kakaotalk_validation_error");
        var body = JsonNode.Parse(text)!.AsObject();
        string? code = body["additionalInformation"]?["templateCode"]?.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(424), text);
            Assert.That(body["errorCode"]!.GetValue<string>(), Is.EqualTo("template_kakaotalk_validation_error"));
            Assert.That(body["message"]!.GetValue<string>(), Does.StartWith("Template kakaoTalk validation error: ").And.Contain(rule));
            Assert.That(body["resolution"]!.GetValue<string>(), Is.EqualTo(expected["resolution"]!.GetValue<string>()));
            Assert.That(body.Select(p => p.Key), Is.SubsetOf(new[] { "errorCode", "message", "resolution", "additionalInformation" }));
            Assert.That(code, draftSaved ? Has.Length.EqualTo(20) : Is.Null, text);
        });
        return code;
    }
}
