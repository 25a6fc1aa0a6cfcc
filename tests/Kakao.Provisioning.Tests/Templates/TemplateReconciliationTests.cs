using System.Net;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests.Templates;

/// <summary>
/// Template writes are never blindly repeated: after an ambiguous failure the template is found again by its
/// unique name (create) or its code (update), and a kept draft is handed back to the caller.
/// </summary>
public class TemplateReconciliationTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    private static bool IsWrite(RecordedRequest r) => r.Method == HttpMethod.Post || r.Method == HttpMethod.Patch;

    private static HttpResponseMessage ListOf(params string[] templates) => StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Page(null, templates));

    private static HttpResponseMessage DraftSaved(HttpStatusCode status, string errorCode) => StubHandler.Json(status,
        $$$"""{"errorCode":"{{{errorCode}}}","message":"Template kakaoTalk validation error: WEB_LINK needs linkMo","resolution":"Please try again later.","additionalInformation":{"templateCode":"DRAFT0000000000000001"}}""");

    [Test]
    public async Task CreateTemplateAsync_CommittedThen503_FindsItByNameWithoutASecondPost()
    {
        var handler = new StubHandler((request, _) => IsWrite(request)
            ? StubHandler.SinchError(HttpStatusCode.ServiceUnavailable, SinchErrorCodes.InternalError)
            : ListOf(TestSupport.Templates.Json()));
        using var client = Clients.Create(handler, _clock);

        var template = await client.CreateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.CreateRequest());

        Assert.Multiple(() =>
        {
            Assert.That(template.Code, Is.EqualTo(TestSupport.Templates.Code));
            Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET" }));
            Assert.That(handler.Requests[1].Uri.Query, Does.Contain("templateName=order-shipped"));
        });
    }

    [Test]
    public async Task CreateTemplateAsync_LostBeforeCommit_ConfirmsAbsenceThenSendsAgainOnce()
    {
        int posts = 0;
        var handler = new StubHandler((request, _, _) => IsWrite(request)
            ? ++posts == 1
                ? throw new HttpRequestException("Connection reset by peer")
                : Task.FromResult(StubHandler.Json(HttpStatusCode.Created, TestSupport.Templates.Json()))
            : Task.FromResult(ListOf()));
        using var client = Clients.Create(handler, _clock);

        var call = client.CreateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.CreateRequest());
        await _clock.AdvanceToNextTimerAsync();
        var template = await call;

        Assert.Multiple(() =>
        {
            Assert.That(template.Code, Is.EqualTo(TestSupport.Templates.Code));
            Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET", "POST" }));
        });
    }

    [Test]
    public void CreateTemplateAsync_SameNameOtherContent_RaisesTemplateExistsNamingTheCode()
    {
        var handler = new StubHandler((request, _, _) => IsWrite(request)
            ? throw new HttpRequestException("Connection reset by peer")
            : Task.FromResult(ListOf(TestSupport.Templates.Json(code: "OTHER", content: "someone else's body"))));
        using var client = Clients.Create(handler, _clock);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.CreateRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(SinchErrorCodes.TemplateExists));
            Assert.That(error.Message, Does.Contain("OTHER"));
            Assert.That(handler.Count(HttpMethod.Post, "/templates"), Is.EqualTo(1));
        });
    }

    [Test]
    public void CreateTemplateAsync_424WithSavedDraft_HandsTheDraftsCodeBack()
    {
        var handler = new StubHandler((_, _) => DraftSaved((HttpStatusCode)424, SinchErrorCodes.TemplateKakaotalkValidationError));
        using var client = Clients.Create(handler, _clock);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateTemplateAsync(
            Clients.PlusFriendId, TestSupport.Templates.CreateRequest() with { SaveDraftOnFailure = true }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(424));
            Assert.That(error.SavedDraftTemplateCode, Is.EqualTo("DRAFT0000000000000001"));
            Assert.That(error.ApiMessage, Does.Contain("WEB_LINK needs linkMo"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "a refusal is not reconciled or retried");
        });
    }

    [Test]
    public void CreateTemplateAsync_500WithSavedDraftFoundAsDraft_IsRaisedWithTheCodeAndNotResent()
    {
        var handler = new StubHandler((request, _) => IsWrite(request)
            ? DraftSaved(HttpStatusCode.InternalServerError, SinchErrorCodes.InternalError)
            : ListOf(TestSupport.Templates.Json(code: "DRAFT0000000000000001", changesStatus: "DRAFT")));
        using var client = Clients.Create(handler, _clock);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateTemplateAsync(
            Clients.PlusFriendId, TestSupport.Templates.CreateRequest() with { SaveDraftOnFailure = true }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(500));
            Assert.That(error.SavedDraftTemplateCode, Is.EqualTo("DRAFT0000000000000001"));
            Assert.That(handler.Count(HttpMethod.Post, "/templates"), Is.EqualTo(1));
        });
    }

    [Test]
    public void CreateTemplateAsync_NoAnswerAndReadBackFails_SaysTheOutcomeIsUnknown()
    {
        var handler = new StubHandler((request, _, _) => IsWrite(request)
            ? throw new HttpRequestException("Connection reset by peer")
            : Task.FromResult(StubHandler.SinchError(HttpStatusCode.ServiceUnavailable, SinchErrorCodes.InternalError)));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 0);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.CreateRequest()));

        Assert.That(error!.OutcomeUnknown, Is.True);
    }

    [Test]
    public async Task UpdateTemplateAsync_CommittedThen502_ReadsBackWithoutASecondPatch()
    {
        var handler = new StubHandler((request, _) => IsWrite(request)
            ? StubHandler.Status(HttpStatusCode.BadGateway)
            : StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json(state: "APPROVED", changesStatus: "IN_PROGRESS", content: "새 본문")));
        using var client = Clients.Create(handler, _clock);

        var template = await client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Content = "새 본문" },
        });

        Assert.Multiple(() =>
        {
            Assert.That(template.Changes?.Details?.Content, Is.EqualTo("새 본문"));
            Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "PATCH", "GET" }));
        });
    }

    [Test]
    public async Task UpdateTemplateAsync_LostAndNotApplied_SendsAgain()
    {
        int patches = 0;
        var handler = new StubHandler((request, _, _) => IsWrite(request)
            ? ++patches == 1
                ? throw new HttpRequestException("Connection reset by peer")
                : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json(state: "APPROVED", content: "새 본문")))
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json(state: "APPROVED", changesStatus: null))));
        using var client = Clients.Create(handler, _clock);

        var call = client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest { Details = new TemplateDetails { Content = "새 본문" } });
        await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "PATCH", "GET", "PATCH" }));
    }

    [Test]
    public async Task DeleteTemplateAsync_RetryAnsweredNotFoundAfterALostAttempt_Succeeds()
    {
        var handler = new StubHandler((_, n, _) => n == 1
            ? throw new HttpRequestException("Connection reset by peer")
            : Task.FromResult(StubHandler.SinchError(HttpStatusCode.NotFound, SinchErrorCodes.TemplateNotFound)));
        using var client = Clients.Create(handler, _clock);

        var call = client.DeleteTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code);
        await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AddTemplateCommentAsync_CommittedThen503_IsNotPostedTwice()
    {
        var handler = new StubHandler((request, _) => IsWrite(request)
            ? StubHandler.SinchError(HttpStatusCode.ServiceUnavailable, SinchErrorCodes.InternalError)
            : StubHandler.Json(HttpStatusCode.OK, """{"totalSize":1,"pageSize":10,"notifications":[{"type":"COMMENT_ADDED","comment":"답변입니다","created":"2026-11-27T10:00:00Z"}]}"""));
        using var client = Clients.Create(handler, _clock);

        var comment = await client.AddTemplateCommentAsync(Clients.PlusFriendId, TestSupport.Templates.Code, "답변입니다");

        Assert.Multiple(() =>
        {
            Assert.That(comment.Comment, Is.EqualTo("답변입니다"));
            Assert.That(handler.Count(HttpMethod.Post, "/comments"), Is.EqualTo(1));
        });
    }
}
