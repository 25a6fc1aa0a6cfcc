using System.Net;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>
/// Writes are never blindly repeated: after an ambiguous failure the client reads the state back and only
/// re-sends when the write is confirmed absent.
/// </summary>
public class ProvisioningClientReconciliationTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    private static bool IsPost(RecordedRequest r) => r.Method == HttpMethod.Post;

    [Test]
    public async Task CreateSenderAsync_CommittedThen503_ReturnsTheSenderWithoutASecondPost()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.SinchError(HttpStatusCode.ServiceUnavailable, "internal_error")
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.CreateSenderAsync(Clients.CreateRequest());

        Assert.That(sender.Changes?.Details?.Name, Is.EqualTo("Sinch Demo Shop"));
        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET" }));
    }

    [Test]
    public async Task CreateSenderAsync_CommittedAndAlreadyApproved_MatchesTheLiveDetails()
    {
        var handler = new StubHandler((request, _, _) => IsPost(request)
            ? throw new HttpRequestException("The response ended prematurely.")
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "INACTIVE", changesStatus: null))));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.CreateSenderAsync(Clients.CreateRequest());

        Assert.That(sender.State, Is.EqualTo(SenderState.Inactive));
        Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateSenderAsync_LostBeforeCommit_ConfirmsAbsenceThenSendsAgainOnce()
    {
        int posts = 0;
        var handler = new StubHandler((request, _, _) =>
        {
            if (IsPost(request))
            {
                return ++posts == 1
                    ? throw new HttpRequestException("Connection reset by peer")
                    : Task.FromResult(StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson()));
            }

            return Task.FromResult(StubHandler.SinchError(HttpStatusCode.NotFound, "sender_not_found"));
        });
        using var client = Clients.Create(handler, _clock);

        var call = client.CreateSenderAsync(Clients.CreateRequest());
        await _clock.AdvanceToNextTimerAsync();
        var sender = await call;

        Assert.That(sender.PlusFriendId, Is.EqualTo(Clients.PlusFriendId));
        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET", "POST" }));
    }

    [Test]
    public void CreateSenderAsync_InternalErrorAndAbsent_IsRaisedNotResent()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.SinchError(HttpStatusCode.InternalServerError, "internal_error")
            : StubHandler.SinchError(HttpStatusCode.NotFound, "sender_not_found"));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateSenderAsync(Clients.CreateRequest()));

        Assert.That(ex!.Status, Is.EqualTo(500));
        Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(1));
    }

    [Test]
    public void CreateSenderAsync_AmbiguousAndSenderHasOtherDetails_RaisesConflict()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.Status(HttpStatusCode.GatewayTimeout)
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(name: "Somebody Else")));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateSenderAsync(Clients.CreateRequest()));

        Assert.That(ex!.Status, Is.EqualTo(409));
        Assert.That(ex.ErrorCode, Is.EqualTo("plus_friend_id_used"));
        Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateSenderAsync_429_IsRetriedWithoutReadingBack()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2)))
            : StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        var call = client.CreateSenderAsync(Clients.CreateRequest());
        Assert.That(await _clock.AdvanceToNextTimerAsync(), Is.InRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.2)), "Retry-After plus at most a tenth of jitter");
        await call;

        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "POST" }));
    }

    [Test]
    public async Task CreateSenderAsync_CouldNotConnect_IsRetriedWithoutReadingBack()
    {
        var handler = new StubHandler((_, n, _) => n == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (provisioning.test:443)")
            : Task.FromResult(StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson())));
        using var client = Clients.Create(handler, _clock);

        var call = client.CreateSenderAsync(Clients.CreateRequest());
        await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "POST" }));
    }

    [Test]
    public async Task VerifySenderAsync_ServiceDown_FailsAsTransportErrorWithoutClaimingAnUnknownOutcome()
    {
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 1);

        var call = client.VerifySenderAsync(Clients.PlusFriendId, 123456);
        await _clock.AdvanceToNextTimerAsync();
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.That(ex!.ErrorCode, Is.EqualTo(ProvisioningApiException.TransportErrorCode));
        Assert.That(ex.Message, Does.Not.Contain("outcome is unknown"));
        Assert.That(handler.Requests.All(r => r.Method == HttpMethod.Post), Is.True, "nothing to read back: the request never left");
    }

    [Test]
    public async Task CreateSenderAsync_AttemptTimeout_IsReconciledNotRetried()
    {
        var handler = new StubHandler((request, _, ct) => IsPost(request)
            ? StubHandler.HangAsync(ct)
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson())));
        using var client = Clients.Create(handler, _clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var call = client.CreateSenderAsync(Clients.CreateRequest());
        await handler.WaitForRequestsAsync(1);
        await _clock.AdvanceToNextTimerAsync();
        var sender = await call;

        Assert.That(sender.PlusFriendId, Is.EqualTo(Clients.PlusFriendId));
        Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET" }));
    }

    [Test]
    public async Task RegisterSenderAsync_DroppedAfterCommit_FindsVerifyingAndDoesNotRequestAnotherCode()
    {
        var handler = new StubHandler((request, _, _) => IsPost(request)
            ? throw new HttpRequestException("connection closed")
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "VERIFYING", changesStatus: null))));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.RegisterSenderAsync(Clients.PlusFriendId);

        Assert.That(sender.State, Is.EqualTo(SenderState.Verifying));
        Assert.That(handler.Count(HttpMethod.Post, "/register"), Is.EqualTo(1));
    }

    [Test]
    public async Task RegisterSenderAsync_LostAndStillInactive_SendsAgain()
    {
        int posts = 0;
        var handler = new StubHandler((request, _) => IsPost(request)
            ? (++posts == 1 ? StubHandler.Status(HttpStatusCode.BadGateway) : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "VERIFYING", changesStatus: null)))
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "INACTIVE", changesStatus: null)));
        using var client = Clients.Create(handler, _clock);

        var call = client.RegisterSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();
        var sender = await call;

        Assert.That(sender.State, Is.EqualTo(SenderState.Verifying));
        Assert.That(handler.Count(HttpMethod.Post, "/register"), Is.EqualTo(2));
    }

    [Test]
    public async Task VerifySenderAsync_503AfterCommit_FindsActive()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.Status(HttpStatusCode.ServiceUnavailable)
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "ACTIVE", changesStatus: null)));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.VerifySenderAsync(Clients.PlusFriendId, 123456);

        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        Assert.That(handler.Count(HttpMethod.Post, "/verify"), Is.EqualTo(1));
    }

    [Test]
    public async Task VerifySenderAsync_ResentAfterAmbiguityAndRefused_ChecksStateAgain()
    {
        // The first answer is lost; the read-back races the commit and still sees VERIFYING; the re-sent verify is
        // refused because the sender is ACTIVE by now, which the second read-back confirms.
        int gets = 0;
        int posts = 0;
        var handler = new StubHandler((request, _, _) =>
        {
            if (IsPost(request))
            {
                return ++posts == 1
                    ? throw new HttpRequestException("reset")
                    : Task.FromResult(StubHandler.SinchError(HttpStatusCode.Conflict, "not_allowed_verify"));
            }

            return Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: ++gets == 1 ? "VERIFYING" : "ACTIVE", changesStatus: null)));
        });
        using var client = Clients.Create(handler, _clock);

        var call = client.VerifySenderAsync(Clients.PlusFriendId, 123456);
        await _clock.AdvanceToNextTimerAsync();
        var sender = await call;

        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        Assert.That(handler.Count(HttpMethod.Post, "/verify"), Is.EqualTo(2));
    }

    [Test]
    public void VerifySenderAsync_RefusedWithoutAmbiguity_IsRaisedDirectly()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.Conflict, "not_allowed_verify"));
        using var client = Clients.Create(handler, _clock);

        Assert.That(Assert.ThrowsAsync<ProvisioningApiException>(() => client.VerifySenderAsync(Clients.PlusFriendId, 1))!.ErrorCode, Is.EqualTo("not_allowed_verify"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UpdateSenderAsync_503AfterCommit_FindsTheChangesInReview()
    {
        var handler = new StubHandler((request, _) => request.Method == HttpMethod.Patch
            ? StubHandler.Status(HttpStatusCode.ServiceUnavailable)
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "ACTIVE", changesStatus: "IN_PROGRESS", name: "Renamed")));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { Name = "Renamed" } });

        Assert.That(sender.Changes?.Details?.Name, Is.EqualTo("Renamed"));
        Assert.That(handler.Requests.Count(r => r.Method == HttpMethod.Patch), Is.EqualTo(1));
    }

    [Test]
    public async Task AddSenderCommentAsync_LostAfterCommit_FindsTheCommentInActivities()
    {
        var handler = new StubHandler((request, _, _) => IsPost(request)
            ? throw new HttpRequestException("reset")
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, """{"totalSize":1,"pageSize":10,"notifications":[{"type":"COMMENT_ADDED","comment":"New logo uploaded","created":"2026-11-26T12:00:00Z"}]}""")));
        using var client = Clients.Create(handler, _clock);

        var comment = await client.AddSenderCommentAsync(Clients.PlusFriendId, "New logo uploaded");

        Assert.That(comment.Comment, Is.EqualTo("New logo uploaded"));
        Assert.That(handler.Count(HttpMethod.Post, "/comments"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateWebhookAsync_LostAfterCommit_FindsItByTarget()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.Status(HttpStatusCode.BadGateway)
            : StubHandler.Json(HttpStatusCode.OK, """{"totalSize":1,"pageSize":15,"webhooks":[{"id":"wh-9","target":"https://hooks.test/k","triggers":["KAKAOTALK_SENDER_ACTIVE","KAKAOTALK_SENDER_REJECTED"]}]}"""));
        using var client = Clients.Create(handler, _clock);

        var hook = await client.CreateWebhookAsync(new CreateWebhookRequest
        {
            Target = "https://hooks.test/k",
            Secret = "hook-secret",
            Triggers = ["KAKAOTALK_SENDER_REJECTED", "KAKAOTALK_SENDER_ACTIVE"],
        });

        Assert.That(hook.Id, Is.EqualTo("wh-9"));
        Assert.That(handler.Count(HttpMethod.Post, "/webhooks"), Is.EqualTo(1));
    }

    [Test]
    public void CreateSenderAsync_AmbiguousAndReadBackFails_RaisesTheWriteFailureSayingTheOutcomeIsUnknown()
    {
        var handler = new StubHandler((request, _, _) => throw new HttpRequestException("network down"));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 0);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateSenderAsync(Clients.CreateRequest()));

        Assert.That(ex!.Status, Is.EqualTo(0));
        Assert.That(ex.Message, Does.Contain("outcome is unknown"));
        Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateSenderAsync_KeepsFailingBeforeCommit_StopsAfterMaxRetriesResends()
    {
        var handler = new StubHandler((request, _) => IsPost(request)
            ? StubHandler.Status(HttpStatusCode.ServiceUnavailable)
            : StubHandler.SinchError(HttpStatusCode.NotFound, "sender_not_found"));
        using var client = Clients.Create(handler, _clock, o => o.MaxRetries = 2);

        var call = client.CreateSenderAsync(Clients.CreateRequest());
        await _clock.AdvanceToNextTimerAsync();
        await _clock.AdvanceToNextTimerAsync();
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => call);

        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(handler.Count(HttpMethod.Post, "/senders"), Is.EqualTo(3));
    }
}
