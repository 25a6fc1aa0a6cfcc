using System.Net;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>Every documented 4xx of the sender operations, and bad input that must never change a sender.</summary>
[TestFixture]
public sealed class SenderValidationTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _emulator = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Manual);

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [SetUp]
    public void NewProject() => _project = EmulatorHarness.NewProject();

    [TestCase("""{"plusFriendId": "", "details": {}}""", "plusFriendId must be longer than or equal to 1 characters")]
    [TestCase("""{"plusFriendId": "@0123456789012345678901234567890", "details": {}}""", "plusFriendId must be shorter than or equal to 30 characters")]
    [TestCase("""{"plusFriendId": 5, "details": {}}""", "plusFriendId must be a string")]
    [TestCase("""{"plusFriendId": "@a b", "status": "DRAFT", "details": {}}""", "plusFriendId must not contain whitespace, control characters or any of / ? # % \\")]
    [TestCase("""{"plusFriendId": "@a", "status": "LIVE", "details": {}}""", "status must be one of the following values: DRAFT, SUBMIT")]
    [TestCase("""{"plusFriendId": "@a", "saveDraftOnFailure": "yes", "status": "DRAFT", "details": {}}""", "saveDraftOnFailure must be a boolean value")]
    [TestCase("""{"plusFriendId": "@a"}""", "details should not be null or undefined")]
    [TestCase("""{"plusFriendId": "@a", "details": "x"}""", "nested property details must be either object or array")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"adminPhoneNo": "12ab"}}""", "details.adminPhoneNo must be a valid phone number")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"adminPhoneNo": "+4877777777777777"}}""", "details.adminPhoneNo must be shorter than or equal to 15 characters")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"name": ""}}""", "details.name must be longer than or equal to 1 characters")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"name": 42}}""", "details.name must be a string")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"logoImage": "not a url"}}""", "details.logoImage must be a URL address")]
    [TestCase("""{"plusFriendId": "@a", "status": "DRAFT", "details": {"adminPhone": "+48777777777"}}""", "property details.adminPhone should not exist")]
    [TestCase("""{"plusFriendId": "@a", "details": {"name": "Shop"}}""", "details.adminPhoneNo should not be empty")]
    public async Task Create_InvalidBody_AnswersInvalidInputWithValidationError(string body, string expectedError)
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain(expectedError));
        await AssertNoSendersAsync();
    }

    [Test]
    public async Task Create_NameOf513Characters_AnswersInvalidInput()
    {
        string body = EmulatorHarness.SampleCreateBody().Replace("Sinch Demo Shop", new string('가', 513), StringComparison.Ordinal);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain("details.name must be shorter than or equal to 512 characters"));
    }

    [Test]
    public async Task Create_GifLogo_AnswersFileInvalidMimeType()
    {
        string body = EmulatorHarness.SampleCreateBody().Replace("\"name\"", "\"logoImage\": \"https://cdn.example.com/logo.gif\", \"name\"", StringComparison.Ordinal);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        await ApiAssert.FailsAsync(response, "file_invalid_mime_type");
    }

    [Test]
    public async Task Create_PngLogo_IsKept()
    {
        string body = EmulatorHarness.SampleCreateBody().Replace("\"name\"", "\"logoImage\": \"https://cdn.example.com/logo.png\", \"name\"", StringComparison.Ordinal);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        var sender = await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkSenderDto");
        Assert.That(sender["changes"]!["details"]!["logoImage"]!.GetValue<string>(), Is.EqualTo("https://cdn.example.com/logo.png"));
    }

    [TestCase("019", "0006", "0002", true)]
    [TestCase("001", "0001", "0003", true)]
    [TestCase("002", "0006", "0001", false)]
    [TestCase("19", "0006", "0001", false)]
    [TestCase("019", "0006", "0009", false)]
    public async Task Create_CategoryTriple_AcceptedOnlyWhenAPathOfTheTree(string top, string mid, string sub, bool valid)
    {
        string body = $$"""
            {"plusFriendId": "@cat", "details": {"adminPhoneNo": "+48777777777", "name": "Shop",
             "topLevelCategoryCode": "{{top}}", "midLevelCategoryCode": "{{mid}}", "subLevelCategoryCode": "{{sub}}" } }
            """;

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        if (valid)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
        else
        {
            await ApiAssert.FailsAsync(response, "sender_invalid_category_code");
        }
    }

    [Test]
    public async Task Create_ExistingPlusFriendId_AnswersPlusFriendIdUsed()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());

        await ApiAssert.FailsAsync(response, "plus_friend_id_used");
    }

    [Test]
    public async Task Get_Unknown_AnswersSenderNotFound()
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project, "@ghost"));

        await ApiAssert.FailsAsync(response, "sender_not_found");
    }

    [Test]
    public async Task Patch_EmptyBody_AnswersNoFieldsToUpdate()
    {
        await _emulator.CreateSenderAsync(_project, status: "DRAFT");

        using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), "{}");

        await ApiAssert.FailsAsync(response, "no_fields_to_update");
    }

    [Test]
    public async Task Patch_WhileInProgress_AnswersChangesNotUpdatable()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "DRAFT", "details": {"name": "x"}}""");

        await ApiAssert.FailsAsync(response, "sender_changes_not_updatable");
    }

    [Test]
    public async Task Patch_InactiveApprovedSender_AnswersSenderNotUpdatable()
    {
        await _emulator.CreateSenderAsync(_project);
        (await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/approve", null)).Dispose();

        using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"name": "x"}}""");

        await ApiAssert.FailsAsync(response, "sender_not_updatable");
    }

    [Test]
    public async Task Patch_SubmitDraftMissingFields_AnswersInvalidInputAndKeepsDraft()
    {
        (await _emulator.PostAsync(EmulatorHarness.Senders(_project), """{"plusFriendId": "@d", "status": "DRAFT", "details": {"name": "N"}}""")).Dispose();

        using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project, "@d"), """{"status": "SUBMIT"}""");

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain("details.adminPhoneNo should not be empty"));
        Assert.That((await _emulator.GetSenderAsync(_project, "@d"))["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Patch_UnknownCategory_AnswersInvalidCategoryAndChangesNothing()
    {
        await _emulator.CreateSenderAsync(_project, status: "DRAFT");
        var before = await _emulator.GetSenderAsync(_project);

        using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"topLevelCategoryCode": "777"}}""");

        await ApiAssert.FailsAsync(response, "sender_invalid_category_code");
        Assert.That((await _emulator.GetSenderAsync(_project)).ToJsonString(), Is.EqualTo(before.ToJsonString()));
    }

    [TestCase("""{"code": "12a456"}""")]
    [TestCase("""{"code": "-12345"}""")]
    [TestCase("""{"code": ""}""")]
    [TestCase("""{"code": 12.5}""")]
    [TestCase("""{}""")]
    [TestCase("""{"code": null}""")]
    public async Task Verify_CodeNotANumber_AnswersInvalidInput(string body)
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", body);

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain("code must be a number conforming to the specified constraints"));
    }

    [TestCase("""{"comment": ""}""", "invalid_input")]
    [TestCase("""{"comment": 7}""", "invalid_input")]
    [TestCase("""{"note": "x"}""", "invalid_input")]
    [TestCase("""{"comment": "x""", "invalid_payload")]
    [TestCase("""[1, 2]""", "invalid_payload")]
    public async Task Comments_BadBody_AnswersDocumentedError(string body, string errorCode)
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/comments", body);

        await ApiAssert.FailsAsync(response, errorCode);
    }

    [Test]
    public async Task Comments_65536Characters_AnswersInvalidInput()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/comments", $$"""{"comment": "{{new string('x', 65536)}}"}""");

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Does.Contain("comment must be shorter than or equal to 65535 characters"));
    }

    [Test]
    public async Task Comments_UnknownSender_AnswersSenderNotFound()
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project, "@nobody") + "/comments", """{"comment": "hi"}""");

        await ApiAssert.FailsAsync(response, "sender_not_found");
    }

    [TestCase("{")]
    [TestCase("")]
    [TestCase("null")]
    [TestCase("\"text\"")]
    [TestCase("[{}]")]
    [TestCase("{\"plusFriendId\": \"@a\", \"details\": {\"name\": {\"nested\": [1, 2, {\"deep\": true}]}}}")]
    [TestCase("{\"plusFriendId\": \"@a\",,}")]
    [TestCase("\u00ff\u00fe garbage")]
    public async Task Create_MalformedBody_Answers400InvalidInputNever500(string body)
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        await ApiAssert.FailsAsync(response, "invalid_input");
        await AssertNoSendersAsync();
    }

    [Test]
    public async Task Create_DeeplyNestedJson_Answers400()
    {
        string body = new string('[', 200) + new string(']', 200);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }

    [Test]
    public async Task Create_OversizeBody_Answers400AndCreatesNothing()
    {
        string body = $$$"""{"plusFriendId": "@big", "details": {"name": "{{{new string('x', 2 * 1024 * 1024)}}}"}}""";

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error).Single(), Does.StartWith("request body must not exceed"));
        await AssertNoSendersAsync();
    }

    [Test]
    public async Task Patch_MalformedBody_LeavesSenderUnchanged()
    {
        await _emulator.CreateSenderAsync(_project, status: "DRAFT");
        var before = await _emulator.GetSenderAsync(_project);

        foreach (var body in new[] { "{", "{\"details\": {\"name\": 5}}", "{\"status\": true}", "[]", "{\"details\": []}" })
        {
            using var response = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), body);
            Assert.That((int)response.StatusCode, Is.EqualTo(400), body);
        }

        Assert.That((await _emulator.GetSenderAsync(_project)).ToJsonString(), Is.EqualTo(before.ToJsonString()));
    }

    private async Task AssertNoSendersAsync()
    {
        using var list = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
        var body = await EmulatorHarness.ReadJsonAsync(list);
        Assert.That(body!["totalSize"]!.GetValue<int>(), Is.Zero);
    }
}
