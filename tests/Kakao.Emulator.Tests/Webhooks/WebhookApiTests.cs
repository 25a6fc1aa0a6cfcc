using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Webhooks;

/// <summary>
/// The webhooks API against the definition (kakaotalk-templates.md §8): every answer validates against
/// tests/TestData/sinch/webhook-schemas.json and errors carry the exact texts.
/// </summary>
[TestFixture]
public sealed class WebhookApiTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _project = EmulatorHarness.NewProject();
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    private string Webhooks => $"v1/projects/{_project}/webhooks";

    [Test]
    public async Task Create_ValidBody_Answers201DefinitionDtoWithHexIdAndProjectId()
    {
        using var response = await CreateAsync("https://hooks.example.com/a", "s3cret", "KAKAOTALK_SENDER_ACTIVE");

        var body = await WebhookSchemas.SucceedsAsync(response, 201, "WebhookDto");
        Assert.Multiple(() =>
        {
            Assert.That(body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "target", "projectId", "triggers" }));
            Assert.That(body["id"]!.GetValue<string>(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(body["projectId"]!.GetValue<string>(), Is.EqualTo(_project));
        });
    }

    [Test]
    public async Task Create_EveryTriggerOfTheFactsIncludingAll_Accepted()
    {
        var triggers = WebhookSchemas.Triggers();

        using var response = await CreateAsync("https://hooks.example.com/all", "s", [.. triggers]);

        var body = await WebhookSchemas.SucceedsAsync(response, 201, "WebhookDto");
        Assert.That(body["triggers"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(triggers));
    }

    [Test]
    public async Task Create_LongestTargetAndSecret_Accepted()
    {
        string target = "https://h.example.com/" + new string('a', 742 - "https://h.example.com/".Length);

        using var response = await CreateAsync(target, new string('k', 128), "ALL");

        await WebhookSchemas.SucceedsAsync(response, 201, "WebhookDto");
    }

    [TestCase("""{"target": "https://h.example.com/x", "triggers": ["ALL"]}""", "secret should not be empty")]
    [TestCase("""{"target": "https://h.example.com/x", "secret": "", "triggers": ["ALL"]}""", "secret should not be empty")]
    [TestCase("""{"target": "https://h.example.com/x", "secret": 7, "triggers": ["ALL"]}""", "secret must be a string")]
    [TestCase("""{"target": "https://h.example.com/x", "secret": "s", "triggers": ["ALL", "ALL"]}""", "All triggers's elements must be unique")]
    [TestCase("""{"target": "https://h.example.com/x", "secret": "s", "triggers": ["WHATEVER"]}""", "each value in triggers must be one of the following values: ALL, KAKAOTALK_SENDER_ACTIVE, KAKAOTALK_SENDER_INACTIVE, KAKAOTALK_SENDER_REJECTED, KAKAOTALK_SENDER_COMMENT_ADDED, KAKAOTALK_TEMPLATE_APPROVED, KAKAOTALK_TEMPLATE_REJECTED, KAKAOTALK_TEMPLATE_COMMENT_ADDED")]
    [TestCase("""{"target": "not a url", "secret": "s", "triggers": ["ALL"]}""", "target must be a URL address")]
    public async Task Create_BadBody_AnswersInvalidInputNamingTheField(string body, string expected)
    {
        using var response = await _emulator.PostAsync(Webhooks, body);

        var error = await WebhookSchemas.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain(expected));
    }

    [Test]
    public async Task Create_SecretOf129OrTargetOf743_AnswersInvalidInput()
    {
        string target = "https://h.example.com/" + new string('a', 743 - "https://h.example.com/".Length);

        using var longSecret = await CreateAsync("https://h.example.com/x", new string('k', 129), "ALL");
        using var longTarget = await CreateAsync(target, "s", "ALL");

        Assert.That(ApiAssert.ValidationErrors(await WebhookSchemas.FailsAsync(longSecret, "invalid_input")), Does.Contain("secret must be shorter than or equal to 128 characters"));
        Assert.That(ApiAssert.ValidationErrors(await WebhookSchemas.FailsAsync(longTarget, "invalid_input")), Does.Contain("target must be shorter than or equal to 742 characters"));
    }

    [Test]
    public async Task Create_SixteenthWebhook_Answers424WebhookLimitReached()
    {
        for (int i = 0; i < 15; i++)
        {
            using var ok = await CreateAsync($"https://h.example.com/{i}", "s", "ALL");
            await WebhookSchemas.SucceedsAsync(ok, 201, "WebhookDto");
        }

        using var response = await CreateAsync("https://h.example.com/16", "s", "ALL");

        await WebhookSchemas.FailsAsync(response, "webhook_limit_reached");
    }

    [Test]
    public async Task Create_SameTarget_AnswersWebhookExistsWithTheDefinitionsTexts()
    {
        (await CreateAsync("https://h.example.com/x", "s", "ALL")).Dispose();

        using var response = await CreateAsync("https://h.example.com/x", "other", "KAKAOTALK_SENDER_ACTIVE");

        await WebhookSchemas.FailsAsync(response, "webhook_exists");
    }

    [Test]
    public async Task Get_Existing_AnswersDto()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await _emulator.Client.GetAsync($"{Webhooks}/{id}");

        var body = await WebhookSchemas.SucceedsAsync(response, 200, "WebhookDto");
        Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task AnyMethod_UnknownId_AnswersWebhookNotFound(string method)
    {
        using var response = await SendAsync(method, $"{Webhooks}/7c60ce550f1d40198d5ffb113d58591b", """{"target": "https://h.example.com/y", "secret": "s", "triggers": ["ALL"]}""");

        await WebhookSchemas.FailsAsync(response, "webhook_not_found");
    }

    [TestCase("GET", "not-an-id")]
    [TestCase("PUT", "7C60CE550F1D40198D5FFB113D58591B")]
    [TestCase("PATCH", "7c60ce550f1d40198d5ffb113d58591")]
    [TestCase("DELETE", "01EAW2BNWCG9DC13RS582V0ZQ3")]
    public async Task AnyMethod_MalformedId_AnswersInvalidIdFormat(string method, string id)
    {
        using var response = await SendAsync(method, $"{Webhooks}/{id}", """{"target": "https://h.example.com/y", "secret": "s", "triggers": ["ALL"]}""");

        await WebhookSchemas.FailsAsync(response, "invalid_id_format");
    }

    [Test]
    public async Task Put_FullBody_ReplacesTargetAndTriggersKeepingTheId()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await SendAsync("PUT", $"{Webhooks}/{id}", """{"target": "https://h.example.com/new", "secret": "rotated", "triggers": ["KAKAOTALK_SENDER_REJECTED"]}""");

        var body = await WebhookSchemas.SucceedsAsync(response, 200, "WebhookDto");
        var read = await _emulator.Client.GetFromJsonAsync<JsonObject>($"{Webhooks}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(read!["target"]!.GetValue<string>(), Is.EqualTo("https://h.example.com/new"));
            Assert.That(read["triggers"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "KAKAOTALK_SENDER_REJECTED" }));
        });
    }

    [Test]
    public async Task Put_WithoutSecret_AnswersInvalidInputAndChangesNothing()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await SendAsync("PUT", $"{Webhooks}/{id}", """{"target": "https://h.example.com/new", "triggers": ["ALL"]}""");

        await WebhookSchemas.FailsAsync(response, "invalid_input");
        var read = await _emulator.Client.GetFromJsonAsync<JsonObject>($"{Webhooks}/{id}");
        Assert.That(read!["target"]!.GetValue<string>(), Is.EqualTo("https://h.example.com/x"));
    }

    [Test]
    public async Task Patch_OnlyTriggers_ChangesOnlyTheTriggers()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await SendAsync("PATCH", $"{Webhooks}/{id}", """{"triggers": ["ALL"]}""");

        var body = await WebhookSchemas.SucceedsAsync(response, 200, "WebhookDto");
        Assert.Multiple(() =>
        {
            Assert.That(body["target"]!.GetValue<string>(), Is.EqualTo("https://h.example.com/x"));
            Assert.That(body["triggers"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "ALL" }));
        });
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    public async Task Change_ToTargetOfAnotherWebhook_AnswersWebhookExists(string method)
    {
        (await CreateAsync("https://h.example.com/taken", "s", "ALL")).Dispose();
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await SendAsync(method, $"{Webhooks}/{id}", """{"target": "https://h.example.com/taken", "secret": "s", "triggers": ["ALL"]}""");

        await WebhookSchemas.FailsAsync(response, "webhook_exists");
    }

    [Test]
    public async Task Patch_OwnTarget_IsNotAConflict()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var response = await SendAsync("PATCH", $"{Webhooks}/{id}", """{"target": "https://h.example.com/x", "secret": "rotated"}""");

        await WebhookSchemas.SucceedsAsync(response, 200, "WebhookDto");
    }

    [Test]
    public async Task List_WithoutToken_AllInAlphabeticalOrderOfTarget()
    {
        foreach (string name in new[] { "c", "a", "b" })
        {
            (await CreateAsync($"https://h.example.com/{name}", "s", "ALL")).Dispose();
        }

        using var response = await _emulator.Client.GetAsync(Webhooks);

        var body = await WebhookSchemas.SucceedsAsync(response, 200, "WebhookListDto");
        Assert.Multiple(() =>
        {
            Assert.That(body["webhooks"]!.AsArray().Select(w => w!["target"]!.GetValue<string>()), Is.EqualTo(new[] { "https://h.example.com/a", "https://h.example.com/b", "https://h.example.com/c" }));
            Assert.That(body["totalSize"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["pageSize"]!.GetValue<int>(), Is.EqualTo(15));
            Assert.That(body["nextPageToken"], Is.Null);
        });
    }

    [Test]
    public async Task List_PageSizeTwo_PagesThroughWithTokens()
    {
        foreach (string name in new[] { "c", "a", "b" })
        {
            (await CreateAsync($"https://h.example.com/{name}", "s", "ALL")).Dispose();
        }

        using var first = await _emulator.Client.GetAsync($"{Webhooks}?pageSize=2");
        var page1 = await WebhookSchemas.SucceedsAsync(first, 200, "WebhookListDto");
        using var second = await _emulator.Client.GetAsync($"{Webhooks}?pageSize=2&pageToken={Uri.EscapeDataString(page1["nextPageToken"]!.GetValue<string>())}");
        var page2 = await WebhookSchemas.SucceedsAsync(second, 200, "WebhookListDto");

        Assert.Multiple(() =>
        {
            Assert.That(page1["webhooks"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(page2["webhooks"]!.AsArray().Single()!["target"]!.GetValue<string>(), Is.EqualTo("https://h.example.com/c"));
            Assert.That(page2["previousPageToken"], Is.Not.Null);
            Assert.That(page2["nextPageToken"], Is.Null);
        });
    }

    [TestCase("0")]
    [TestCase("16")]
    [TestCase("x")]
    public async Task List_PageSizeOutside1To15_AnswersInvalidPageSize(string pageSize)
    {
        using var response = await _emulator.Client.GetAsync($"{Webhooks}?pageSize={pageSize}");

        await WebhookSchemas.FailsAsync(response, "invalid_page_size");
    }

    [Test]
    public async Task List_ForeignToken_AnswersInvalidPageToken()
    {
        using var response = await _emulator.Client.GetAsync($"{Webhooks}?pageToken=bm90LWEtdG9rZW4");

        await WebhookSchemas.FailsAsync(response, "invalid_page_token");
    }

    [Test]
    public async Task Delete_Existing_Answers204ThenNotFound()
    {
        string id = await CreateIdAsync("https://h.example.com/x");

        using var deleted = await _emulator.Client.DeleteAsync($"{Webhooks}/{id}");
        using var again = await _emulator.Client.GetAsync($"{Webhooks}/{id}");

        Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
        await WebhookSchemas.FailsAsync(again, "webhook_not_found");
    }

    private Task<HttpResponseMessage> CreateAsync(string target, string secret, params string[] triggers) =>
        _emulator.PostAsync(
            Webhooks,
            new JsonObject { ["target"] = target, ["secret"] = secret, ["triggers"] = new JsonArray(triggers.Select(t => (JsonNode?)t).ToArray()) }.ToJsonString());

    private async Task<string> CreateIdAsync(string target)
    {
        using var response = await CreateAsync(target, "s", "KAKAOTALK_SENDER_ACTIVE");
        return (await WebhookSchemas.SucceedsAsync(response, 201, "WebhookDto"))["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "PATCH")
        {
            request.Content = EmulatorHarness.JsonContent(body);
        }

        return await _emulator.Client.SendAsync(request);
    }
}
