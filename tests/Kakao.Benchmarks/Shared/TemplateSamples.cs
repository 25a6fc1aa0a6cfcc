using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kakao.Emulator;
using HarnessMap = Kakao.EngineHarness.Values.PropertyMap;
using HarnessValue = Kakao.EngineHarness.Values.PropertyValue;

namespace Kakao.Benchmarks.Shared;

/// <summary>The sample template (a shipping notice with one web-link button) as harness inputs and as an API body.</summary>
internal static class TemplateSamples
{
    public const string TemplateType = "kakao:index:KakaoTemplate";
    public const string Content = "#{customer}님, 주문하신 상품이 발송되었습니다. 송장번호: #{trackingNo}";

    public static string Name(int index) => "shipping-" + index.ToString("D5", CultureInfo.InvariantCulture);

    public static HarnessMap Inputs(string plusFriendId, string name) => new()
    {
        ["plusFriendId"] = plusFriendId,
        ["language"] = "KO",
        ["name"] = name,
        ["content"] = Content,
        ["categoryCode"] = "006001",
        ["buttons"] = HarnessValue.Array(HarnessValue.Object(new HarnessMap
        {
            ["type"] = "WEB_LINK",
            ["name"] = "배송 조회",
            ["linkMo"] = "https://shop.example.com/track",
        })),
    };

    /// <summary>Creates the template straight through the emulator's API (setting up, not measured); returns its code.</summary>
    public static async Task<string> CreateAsync(HttpClient api, string plusFriendId, string name, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["details"] = new JsonObject
            {
                ["name"] = name,
                ["language"] = "KO",
                ["content"] = Content,
                ["categoryCode"] = "006001",
                ["buttons"] = new JsonArray(new JsonObject { ["ordering"] = 1, ["type"] = "WEB_LINK", ["name"] = "배송 조회", ["linkMo"] = "https://shop.example.com/track" }),
            },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await api.PostAsync($"v1/projects/{Samples.ProjectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/templates", content, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!["code"]!.GetValue<string>()
            : throw new InvalidOperationException($"Creating template {name} for {plusFriendId} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>An HTTP client for the emulator's Sinch API with its Basic credentials.</summary>
    public static HttpClient Api(EmulatorServer emulator)
    {
        var defaults = new EmulatorOptions();
        var api = new HttpClient { BaseAddress = emulator.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{defaults.KeyId}:{defaults.KeySecret}")));
        return api;
    }
}
