using System.Text.Json.Nodes;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// What the template scenarios need around <see cref="Scenario"/>: the template inputs, an ACTIVE sender made
/// straight through the emulator (the sender's own lifecycle is other scenarios' subject), and the emulator's
/// template control routes (inspection verdicts, the template review policy) and raw template calls, all through
/// the scenario's shared clients (<see cref="Scenario.Control"/>, <see cref="Scenario.Api"/>).
/// </summary>
internal sealed class TemplateWorld
{
    public const string TemplateType = "kakao:index:KakaoTemplate";
    public const string Sender = "@sinch-demo";
    public const string Content = "#{customer}님, 주문하신 상품이 발송되었습니다. 송장번호: #{trackingNo}";

    private readonly Scenario _scenario;

    public TemplateWorld(Scenario scenario) => _scenario = scenario;

    private CancellationToken Token => _scenario.Token;

    /// <summary>A shipping notice with one web-link button (the docs' sample template).</summary>
    public static PropertyMap Inputs(string name = "order-shipped", string plusFriendId = Sender, string language = "KO") => new()
    {
        ["plusFriendId"] = plusFriendId,
        ["language"] = language,
        ["name"] = name,
        ["content"] = Content,
        ["categoryCode"] = "006001",
        ["buttons"] = PropertyValue.Array(PropertyValue.Object(new PropertyMap
        {
            ["type"] = "WEB_LINK",
            ["name"] = "배송 조회",
            ["linkMo"] = "https://shop.example.com/track",
        })),
    };

    /// <summary>
    /// Starts a scenario whose sender is ACTIVE and whose template inspection is <paramref name="review"/>.
    /// <paramref name="isolated"/>: a plugin process of its own, for tests about pacing — the shared plugin's
    /// request budget remembers the rate limits earlier scenarios taught it (for 30 s, as in one pulumi run).
    /// </summary>
    public static async Task<(Scenario Scenario, TemplateWorld World)> StartAsync(string review = "manual", bool isolated = false, params string[] senders)
    {
        var scenario = isolated ? await Scenario.StartIsolatedAsync() : await Scenario.StartAsync();
        var world = new TemplateWorld(scenario);
        foreach (string sender in senders.Length == 0 ? [Sender] : senders)
        {
            await world.ActiveSenderAsync(sender);
        }

        await world.ReviewPolicyAsync(review);
        return (scenario, world);
    }

    public ResourceUrn Urn(string name = "template") => _scenario.Session.Urn(TemplateType, name);

    public Task<UpResult> UpAsync(PropertyMap inputs, string name = "template") =>
        _scenario.Session.UpAsync(TemplateType, name, inputs, Token);

    /// <summary>The template's code as the plugin recorded it (its id is <c>{plusFriendId}/{code}</c>).</summary>
    public string CodeOf(string name = "template") => _scenario.Session.State.Get(Urn(name)).Id!.Split('/', 2)[1];

    /// <summary>Creates the sender through the API, approves it and sets it ACTIVE through the control API.</summary>
    public async Task ActiveSenderAsync(string plusFriendId)
    {
        var body = new JsonObject
        {
            ["plusFriendId"] = plusFriendId,
            ["details"] = new JsonObject
            {
                ["adminPhoneNo"] = "+48777777777",
                ["name"] = "Sinch Demo Shop",
                ["topLevelCategoryCode"] = "019",
                ["midLevelCategoryCode"] = "0006",
                ["subLevelCategoryCode"] = "0001",
            },
        };
        await _scenario.Api.SendAsync(HttpMethod.Post, $"v1/projects/{Scenario.ProjectId}/kakaotalk/senders", body, Token);
        await _scenario.Control.ApproveAsync(Scenario.ProjectId, plusFriendId, Token);
        await _scenario.Control.SetStateAsync(Scenario.ProjectId, plusFriendId, "ACTIVE", Token);
    }

    public Task ReviewPolicyAsync(string mode) => _scenario.Control.SetTemplateReviewPolicyAsync(mode, cancellationToken: Token);

    /// <summary>Limits the Sinch API to <paramref name="requestsPerSecond"/> (null: off); the control API is never limited.</summary>
    public Task RateLimitAsync(double? requestsPerSecond) => _scenario.Control.SetRateLimitAsync(requestsPerSecond, Token);

    public Task ApproveAsync(string code, string plusFriendId = Sender) =>
        _scenario.Control.ApproveTemplateAsync(Scenario.ProjectId, plusFriendId, code, cancellationToken: Token);

    public Task RejectAsync(string code, string comment, string plusFriendId = Sender) =>
        _scenario.Control.RejectTemplateAsync(Scenario.ProjectId, plusFriendId, code, comment, Token);

    /// <summary>GET the template through the Sinch API; null when it does not exist.</summary>
    public Task<JsonNode?> GetAsync(string code, string plusFriendId = Sender) => _scenario.Api.GetAsync(ApiPath(plusFriendId, code), Token);

    /// <summary>An edit made elsewhere (the Sinch console, another tool): a PATCH through the API.</summary>
    public Task PatchAsync(string code, JsonObject body, string plusFriendId = Sender) =>
        _scenario.Api.SendAsync(HttpMethod.Patch, ApiPath(plusFriendId, code), body, Token);

    /// <summary>DELETE the template through the Sinch API, behind the provider's back.</summary>
    public Task DeleteAsync(string code, string plusFriendId = Sender) =>
        _scenario.Api.SendAsync(HttpMethod.Delete, ApiPath(plusFriendId, code), null, Token);

    /// <summary>Creates a template through the Sinch API (as another tool would); returns its code.</summary>
    public async Task<string> CreateElsewhereAsync(JsonObject body, string plusFriendId = Sender)
    {
        var created = await _scenario.Api.SendAsync(HttpMethod.Post, _scenario.Api.SenderPath(plusFriendId) + "/templates", body, Token);
        return created!["code"]!.GetValue<string>();
    }

    private string ApiPath(string plusFriendId, string code) => $"{_scenario.Api.SenderPath(plusFriendId)}/templates/{code}";
}
