using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>T1 (list: filters, name prefix, alphabetical, page size up to 1,000), T6 paging, T9 categories.</summary>
[TestFixture]
public sealed class TemplateListTests : ActiveSenderFixture
{
    [Test]
    public async Task List_WithoutToken_IsAlphabeticalByName()
    {
        foreach (string name in new[] { "shipping", "alpha", "Membership", "배송" })
        {
            await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body(name));
        }

        using var response = await Emulator.Client.GetAsync(TemplateApi.List(Project));

        var list = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkTemplateListDto");
        Assert.Multiple(() =>
        {
            Assert.That(Names(list), Is.EqualTo(new[] { "Membership", "alpha", "shipping", "배송" }));
            Assert.That(list["pageSize"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(list["totalSize"]!.GetValue<int>(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task List_FiltersAndNamePrefix_CombineWithAnd()
    {
        string approved = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("order-approved")));
        await TemplateApi.ControlAsync(Emulator, Project, approved, "approve");
        string rejected = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("order-rejected")));
        await TemplateApi.ControlAsync(Emulator, Project, rejected, "reject");
        await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("order-draft", status: "DRAFT"));
        await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("coupon-pending"));

        Assert.Multiple(async () =>
        {
            Assert.That(Names(await ListAsync("?filterStates=APPROVED")), Is.EqualTo(new[] { "order-approved" }));
            Assert.That(Names(await ListAsync("?filterStates[]=APPROVED&filterStates[]=REJECTED")), Is.EqualTo(new[] { "order-approved", "order-rejected" }));
            Assert.That(Names(await ListAsync("?filterStatuses=DRAFT,IN_PROGRESS")), Is.EqualTo(new[] { "coupon-pending", "order-draft" }));
            Assert.That(Names(await ListAsync("?templateName=order-")), Is.EqualTo(new[] { "order-approved", "order-draft", "order-rejected" }));
            Assert.That(Names(await ListAsync("?templateName=order-&filterStatuses=IN_PROGRESS")), Is.Empty);
        });
    }

    [Test]
    public async Task List_PageSize1000_IsAllowedAnd1001IsNot()
    {
        using var ok = await Emulator.Client.GetAsync(TemplateApi.List(Project) + "?pageSize=1000");
        using var tooBig = await Emulator.Client.GetAsync(TemplateApi.List(Project) + "?pageSize=1001");

        Assert.That((await ApiAssert.SucceedsAsync(ok, HttpStatusCode.OK, "KakaotalkTemplateListDto"))["pageSize"]!.GetValue<int>(), Is.EqualTo(1000));
        await ApiAssert.FailsAsync(tooBig, "invalid_page_size");
    }

    [Test]
    public async Task List_Pages_WalkEveryTemplateOnceAndTokensAreBoundToTheQuery()
    {
        for (int i = 0; i < 5; i++)
        {
            await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body($"t{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await ListAsync("?pageSize=2" + (token is null ? string.Empty : "&pageToken=" + token));
            seen.AddRange(Names(page));
            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.That(seen, Is.EqualTo(new[] { "t0", "t1", "t2", "t3", "t4" }));
        string second = (await ListAsync("?pageSize=2"))["nextPageToken"]!.GetValue<string>();
        using var replayed = await Emulator.Client.GetAsync(TemplateApi.List(Project) + "?pageSize=2&templateName=t&pageToken=" + second);
        await ApiAssert.FailsAsync(replayed, "invalid_page_token");
    }

    [Test]
    public async Task List_UnknownFilterState_AnswersInvalidFilterStatesWithTheTemplateStates()
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.List(Project) + "?filterStates=ACTIVE");

        string text = await response.Content.ReadAsStringAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400), text);
            Assert.That(body["errorCode"]!.GetValue<string>(), Is.EqualTo("invalid_filter_states"));
            Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo(FactsSchemas.Error("invalid_filter_states")["message"]!.GetValue<string>()));
            Assert.That(body["additionalInformation"]!["supportedCodes"]!.GetValue<string>(), Is.EqualTo("APPROVED, REJECTED"));
        });
    }

    [TestCase("filterStatuses=APPROVED", "invalid_filter_statuses")]
    [TestCase("pageSize=0", "invalid_page_size")]
    [TestCase("pageToken=nope", "invalid_page_token")]
    public async Task List_BadQuery_AnswersTheDocumented400(string query, string errorCode)
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.List(Project) + "?" + query);

        await ApiAssert.FailsAsync(response, errorCode);
    }

    [Test]
    public async Task Activities_PageSizeAbove100_AnswersInvalidPageSize()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        using var response = await Emulator.Client.GetAsync(TemplateApi.One(Project, code) + "/activities?pageSize=101");

        await ApiAssert.FailsAsync(response, "invalid_page_size");
    }

    [Test]
    public async Task Categories_HoldTheFactsExampleAndOthersAndValidateAgainstTheSchema()
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.Categories(Project) + "?pageSize=100");

        var list = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkTemplateCategoryListDto");
        var subcategories = list["categories"]!.AsArray().SelectMany(c => c!["subcategories"]!.AsArray()).ToArray();
        var example = FactsSchemas.Example("templateCategories")["categories"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(list["categories"]![0]!.ToJsonString(), Is.EqualTo(example.ToJsonString()), "the facts' example group, verbatim");
            Assert.That(subcategories.Select(s => s!["code"]!.GetValue<string>()), Does.Contain("999999").And.Contain("002002"));
            Assert.That(subcategories.Select(s => s!["code"]!.GetValue<string>()), Has.All.Match("^[0-9]{6}$"));
            Assert.That(subcategories.Select(s => s!["code"]!.GetValue<string>()), Is.Unique);
            Assert.That(list["totalSize"]!.GetValue<int>(), Is.EqualTo(10), "one group per category name of the facts");
        });
    }

    [Test]
    public async Task Categories_EveryCodeIsAcceptedByCreate()
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.Categories(Project) + "?pageSize=100");
        var codes = (await EmulatorHarness.ReadJsonAsync(response))!["categories"]!.AsArray()
            .SelectMany(c => c!["subcategories"]!.AsArray()).Select(s => s!["code"]!.GetValue<string>()).ToArray();

        foreach (string code in codes)
        {
            await TemplateApi.CreateAsync(Emulator, Project, $$$"""{"status": "DRAFT", "details": {"name": "c{{{code}}}", "language": "KO", "categoryCode": "{{{code}}}"}}""");
        }

        Assert.That(codes, Has.Length.EqualTo(42));
    }

    [Test]
    public async Task Categories_UnknownSender_AnswersSenderNotFound()
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.Categories(Project, "@nobody"));

        await ApiAssert.FailsAsync(response, "sender_not_found");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ListAsync(string query)
    {
        using var response = await Emulator.Client.GetAsync(TemplateApi.List(Project) + query);
        return await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkTemplateListDto");
    }

    private static string[] Names(System.Text.Json.Nodes.JsonNode list) =>
        list["templates"]!.AsArray().Select(t => (t!["changes"]?["details"] ?? t["details"])!["name"]!.GetValue<string>()).ToArray();
}
