using System.Net;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>Faults, the rate limit and the request log cover the template routes like the sender ones.</summary>
[TestFixture]
public sealed class TemplateControlPlaneTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync(o => o.TemplateReviewMode = ReviewMode.Manual);
        _project = EmulatorHarness.NewProject();
        await _emulator.CreateActiveSenderAsync(_project);
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Fault_CommitThenFailOnCreate_LeavesTheTemplateToBeFoundByItsName()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/templates", "commitThenFail": true, "status": 503, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var create = await _emulator.PostAsync(TemplateApi.List(_project), TemplateApi.Body("lost-answer"));
        using var found = await _emulator.Client.GetAsync(TemplateApi.List(_project) + "?templateName=lost-answer");

        Assert.That((int)create.StatusCode, Is.EqualTo(503));
        var list = await ApiAssert.SucceedsAsync(found, HttpStatusCode.OK, "KakaotalkTemplateListDto");
        Assert.That(list["templates"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Fault_On500_AnswersInternalErrorOnTemplateRoutes()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"path": "/v1/projects/*/kakaotalk/senders/*/templates/**", "status": 500, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var response = await _emulator.Client.GetAsync(TemplateApi.One(_project, "AAAAAAAAAAAAAAAAAAAA"));

        await ApiAssert.FailsAsync(response, "internal_error");
    }

    [Test]
    public async Task RateLimit_AppliesToTemplateRoutes()
    {
        (await _emulator.PostAsync("_emulator/rate-limit", """{"requestsPerSecond": 1}""", _emulator.Anonymous)).Dispose();

        using var first = await _emulator.Client.GetAsync(TemplateApi.List(_project));
        using var second = await _emulator.Client.GetAsync(TemplateApi.Categories(_project));

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((int)second.StatusCode, Is.EqualTo(429));
            Assert.That(second.Headers.RetryAfter, Is.Not.Null);
        });
    }

    [Test]
    public async Task RequestLog_RecordsTemplateCallsWithTheirBodiesAndStatuses()
    {
        var created = await TemplateApi.CreateAsync(_emulator, _project, TemplateApi.Body("logged"));

        var log = JsonNode.Parse(await _emulator.Anonymous.GetStringAsync("_emulator/requests"))!["requests"]!.AsArray();
        var entry = log.Last(e => e!["method"]!.GetValue<string>() == "POST" && e["path"]!.GetValue<string>().EndsWith("/templates", StringComparison.Ordinal))!;
        Assert.Multiple(() =>
        {
            Assert.That(entry["status"]!.GetValue<int>(), Is.EqualTo(201));
            Assert.That(entry["body"]!.GetValue<string>(), Does.Contain("\"name\":\"logged\"").And.Contain("배송 조회"));
            Assert.That(entry["authScheme"]!.GetValue<string>(), Is.EqualTo("Basic"));
            Assert.That(TemplateApi.Code(created), Has.Length.EqualTo(20));
        });
    }

    [Test]
    public async Task Fault_CommitThenFail500OnCreate_AnswersTheTemplateVariantNamingTheCommittedTemplate()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/templates", "commitThenFail": true, "status": 500, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var create = await _emulator.PostAsync(TemplateApi.List(_project), TemplateApi.Body("half-done"));

        var error = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        var variant = FactsSchemas.Error("internal_error")["variants"]![1]!;
        string code = error["additionalInformation"]!["templateCode"]!.GetValue<string>();
        Assert.Multiple(async () =>
        {
            Assert.That((int)create.StatusCode, Is.EqualTo(500));
            Assert.That(error["errorCode"]!.GetValue<string>(), Is.EqualTo("internal_error"));
            Assert.That(error["message"]!.GetValue<string>(), Is.EqualTo(variant["message"]!.GetValue<string>()));
            Assert.That(error["resolution"]!.GetValue<string>(), Is.EqualTo(variant["resolution"]!.GetValue<string>()));
            Assert.That((await TemplateApi.GetAsync(_emulator, _project, code))["changes"]!["details"]!["name"]!.GetValue<string>(), Is.EqualTo("half-done"));
        });
    }

    [Test]
    public async Task Fault_CommitThenFail500OnRefusedSubmissionWithSaveDraft_NamesTheSavedDraft()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/templates", "commitThenFail": true, "status": 500, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var create = await _emulator.PostAsync(TemplateApi.List(_project), TemplateApi.Body("refused", top: """ "saveDraftOnFailure": true,""", extraDetails: """, "emphasizeType": "EMPHASIZE_TYPE_TEXT" """));

        var error = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        string code = error["additionalInformation"]!["templateCode"]!.GetValue<string>();
        Assert.That((await TemplateApi.GetAsync(_emulator, _project, code))["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Fault_Plain500OnTemplateUpdate_AnswersTheTemplateVariantWithoutCode()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "PATCH", "path": "/v1/projects/*/kakaotalk/senders/*/templates/*", "status": 500, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var patch = await _emulator.PatchAsync(TemplateApi.One(_project, "AAAAAAAAAAAAAAAAAAAA"), "{}");

        var error = JsonNode.Parse(await patch.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(error["resolution"]!.GetValue<string>(), Is.EqualTo(FactsSchemas.Error("internal_error")["variants"]![0]!["resolution"]!.GetValue<string>()));
            Assert.That(error["additionalInformation"], Is.Null);
        });
    }

    [Test]
    public async Task Fault_424OnCreate_IsKakaosRefusalAndSavesNothing()
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/templates", "status": 424, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var create = await _emulator.PostAsync(TemplateApi.List(_project), TemplateApi.Body("refused", top: """ "saveDraftOnFailure": true,"""));

        await TemplateApi.RefusedByKakaoAsync(create, "the submission was refused (injected fault)", draftSaved: false);
        using var list = await _emulator.Client.GetAsync(TemplateApi.List(_project));
        Assert.That((await EmulatorHarness.ReadJsonAsync(list))!["totalSize"]!.GetValue<int>(), Is.Zero);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Fault_CommitThenFail424OnCreate_KeepsTheDraftOnlyWhenAsked(bool saveDraft)
    {
        (await _emulator.PostAsync("_emulator/faults", """{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/templates", "commitThenFail": true, "status": 424, "count": 1}]}""", _emulator.Anonymous)).Dispose();

        using var create = await _emulator.PostAsync(TemplateApi.List(_project), TemplateApi.Body("refused", top: $$""" "saveDraftOnFailure": {{(saveDraft ? "true" : "false")}},"""));

        string? code = await TemplateApi.RefusedByKakaoAsync(create, "the submission was refused (injected fault)", draftSaved: saveDraft);
        using var list = await _emulator.Client.GetAsync(TemplateApi.List(_project));
        var templates = (await EmulatorHarness.ReadJsonAsync(list))!["templates"]!.AsArray();
        Assert.That(templates.Select(t => t!["changes"]!["status"]!.GetValue<string>()), Is.EqualTo(saveDraft ? new[] { "DRAFT" } : Array.Empty<string>()));
        if (saveDraft)
        {
            Assert.That(TemplateApi.Code(templates[0]!), Is.EqualTo(code));
        }
    }
}
