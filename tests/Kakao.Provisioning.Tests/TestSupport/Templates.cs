using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.TestSupport;

/// <summary>Template bodies as the API writes them, and requests, for stub-backed tests.</summary>
internal static class Templates
{
    public const string Code = "S7yFqaKqJ8tsnBZH2CEd";
    public const string Name = "order-shipped";
    public const string Content = "#{name}님, 주문하신 상품이 발송되었습니다. 운송장 번호: #{trackingNo}";

    public static string DetailsJson(string name = Name, string content = Content) =>
        $$"""{"language":"KO","messageType":"BASIC","emphasizeType":"EMPHASIZE_TYPE_NONE","categoryCode":"999999","securityFlag":false,"name":"{{name}}","content":"{{content}}","buttons":[{"ordering":1,"type":"WEB_LINK","name":"배송 조회","linkMo":"https://shop.test/track"}]}""";

    /// <summary>A template: <paramref name="state"/> null for a first submission, <paramref name="changesStatus"/> null for none.</summary>
    public static string Json(string code = Code, string? state = null, string? changesStatus = "IN_PROGRESS", string name = Name, string content = Content) =>
        $$"""
        {
          "id": "0d7e9a4c-3c57-4f57-9a1f-1e0b8f6b2a10",
          "code": "{{code}}",
          {{(state is null ? "" : $"\"state\": \"{state}\", \"details\": {DetailsJson(name, content)},")}}
          {{(changesStatus is null ? "" : $"\"changes\": {{\"status\": \"{changesStatus}\", \"details\": {DetailsJson(name, content)}}},")}}
          "created": "2026-11-26T12:00:00.000Z",
          "modified": "2026-11-26T12:00:00.000Z"
        }
        """;

    public static string Page(string? nextPageToken = null, params string[] templates) =>
        $$"""{"totalSize":{{templates.Length}},"pageSize":50,"templates":[{{string.Join(",", templates)}}]{{(nextPageToken is null ? "" : $",\"nextPageToken\":\"{nextPageToken}\"")}}}""";

    public static TemplateDetails Details(string name = Name, string content = Content) => new()
    {
        Name = name,
        Language = TemplateLanguage.Korean,
        Content = content,
        MessageType = TemplateMessageType.Basic,
        EmphasizeType = EmphasizeType.None,
        CategoryCode = "999999",
        SecurityFlag = false,
        Buttons = [new TemplateButton { Ordering = 1, Type = ButtonType.WebLink, Name = "배송 조회", LinkMo = "https://shop.test/track" }],
    };

    public static CreateTemplateRequest CreateRequest(string name = Name) => new() { Details = Details(name) };
}
