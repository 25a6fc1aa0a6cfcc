using System.Net;
using System.Text;
using System.Text.Json;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>What goes over the wire: paths, query strings, bodies, headers, and how answers are read.</summary>
public class ProvisioningClientWireTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    [Test]
    public async Task CreateSenderAsync_SendsTheGuidesBodyWithBasicAuth()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.CreateSenderAsync(Clients.CreateRequest());

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://provisioning.test/v1/projects/proj-1/kakaotalk/senders"));
            Assert.That(request.ContentType, Is.EqualTo("application/json"));
            Assert.That(request.Authorization?.Scheme, Is.EqualTo("Basic"));
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!.Parameter!)), Is.EqualTo($"{Clients.KeyId}:{Clients.KeySecret}"));
            Assert.That(
                JsonDocument.Parse(request.Body!).RootElement.ToString(),
                Is.EqualTo(JsonDocument.Parse($$"""{"plusFriendId":"@sinch-demo","status":"SUBMIT","saveDraftOnFailure":false,"details":{{Clients.DetailsJson()}}}""").RootElement.ToString()));
            Assert.That(sender.Changes?.Status, Is.EqualTo(ChangesStatus.InProgress));
            Assert.That(sender.Changes?.Details?.Name, Is.EqualTo("Sinch Demo Shop"));
            Assert.That(sender.Created, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task UpdateSenderAsync_ClearLogoImage_SendsAnExplicitNullBesideTheOtherFields()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        await client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { Name = "새 이름" }, ClearLogoImage = true });
        await client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest { ClearLogoImage = true });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Body, Is.EqualTo("""{"status":"SUBMIT","details":{"name":"새 이름","logoImage":null}}"""));
            Assert.That(handler.Requests[1].Body, Is.EqualTo("""{"status":"SUBMIT","details":{"logoImage":null}}"""));
        });
    }

    [Test]
    public void UpdateSenderAsync_ClearLogoImageWithALogo_ThrowsBeforeSending()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { LogoImage = "https://x.example.com/l.png" }, ClearLogoImage = true }));

        Assert.That(ex!.ParamName, Is.EqualTo("request.ClearLogoImage"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Webhooks_GetReplaceUpdateListPage_UseTheDefinitionsMethodsAndBodies()
    {
        const string Dto = """{"id":"7c60ce550f1d40198d5ffb113d58591b","target":"https://hooks.test/k","projectId":"proj-1","triggers":["ALL"]}""";
        var handler = new StubHandler((request, _) => request.Method.Method == "GET" && request.Uri.Query.Length > 0
            ? StubHandler.Json(HttpStatusCode.OK, $$"""{"totalSize":1,"pageSize":5,"webhooks":[{{Dto}}],"nextPageToken":null}""")
            : StubHandler.Json(HttpStatusCode.OK, Dto));
        using var client = Clients.Create(handler, _clock);
        const string Id = "7c60ce550f1d40198d5ffb113d58591b";

        var read = await client.GetWebhookAsync(Id);
        await client.ReplaceWebhookAsync(Id, new CreateWebhookRequest { Target = "https://hooks.test/k", Secret = "rotated-secret", Triggers = [WebhookTrigger.All] });
        await client.UpdateWebhookAsync(Id, new UpdateWebhookRequest { Secret = "rotated-again" });
        var page = await client.ListWebhooksPageAsync(pageSize: 5, pageToken: "t1");

        Assert.Multiple(() =>
        {
            Assert.That(read.Triggers, Is.EqualTo(new[] { WebhookTrigger.All }));
            Assert.That(handler.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
            {
                $"GET /v1/projects/proj-1/webhooks/{Id}",
                $"PUT /v1/projects/proj-1/webhooks/{Id}",
                $"PATCH /v1/projects/proj-1/webhooks/{Id}",
                "GET /v1/projects/proj-1/webhooks",
            }));
            Assert.That(handler.Requests[1].Body, Is.EqualTo("""{"target":"https://hooks.test/k","secret":"rotated-secret","triggers":["ALL"]}"""));
            Assert.That(handler.Requests[2].Body, Is.EqualTo("""{"secret":"rotated-again"}"""));
            Assert.That(page.Webhooks.Single().ProjectId, Is.EqualTo("proj-1"));
        });
    }

    [Test]
    public async Task UpdateSenderAsync_DraftWithOneField_SendsStatusExplicitlyAndOmitsNulls()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(changesStatus: "DRAFT")));
        using var client = Clients.Create(handler, _clock);

        await client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest { Status = SubmitAction.Draft, Details = new SenderDetails { Name = "New" } });
        await client.UpdateSenderAsync(Clients.PlusFriendId, new UpdateSenderRequest());

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Method, Is.EqualTo(HttpMethod.Patch));
            Assert.That(handler.Requests[0].Path, Is.EqualTo("/v1/projects/proj-1/kakaotalk/senders/@sinch-demo"));
            Assert.That(handler.Requests[0].Body, Is.EqualTo("""{"status":"DRAFT","details":{"name":"New"}}"""));
            Assert.That(handler.Requests[1].Body, Is.EqualTo("""{"status":"SUBMIT"}"""));
        });
    }

    [TestCase(123456, "{\"code\":123456}")]
    [TestCase(42, "{\"code\":42}")]
    public async Task VerifySenderAsync_SendsTheCodeAsAJsonNumber(int code, string expectedBody)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "ACTIVE", changesStatus: null)));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.VerifySenderAsync(Clients.PlusFriendId, code);

        Assert.That(handler.Requests.Single().Body, Is.EqualTo(expectedBody));
        Assert.That(handler.Requests.Single().Path, Does.EndWith("/@sinch-demo/verify"));
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
    }

    [Test]
    public async Task RegisterAndComment_PostToTheirRoutes()
    {
        var handler = new StubHandler((request, _) => request.Path.EndsWith("/comments", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.Created, """{"type":"CREATED","comment":"Please review","created":"2026-11-26T12:00:00Z"}""")
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(state: "VERIFYING", changesStatus: null)));
        using var client = Clients.Create(handler, _clock);

        var registered = await client.RegisterSenderAsync(Clients.PlusFriendId);
        var comment = await client.AddSenderCommentAsync(Clients.PlusFriendId, "Please review");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Path, Does.EndWith("/@sinch-demo/register"));
            Assert.That(handler.Requests[0].Body, Is.Null);
            Assert.That(registered.State, Is.EqualTo(SenderState.Verifying));
            Assert.That(handler.Requests[1].Body, Is.EqualTo("""{"comment":"Please review"}"""));
            Assert.That(comment.Comment, Is.EqualTo("Please review"));
        });
    }

    [Test]
    public async Task ListSendersAsync_FollowsEveryPageWithFiltersAsRepeatedQueryParameters()
    {
        var handler = new StubHandler((request, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.OK, $$"""{"totalSize":3,"pageSize":2,"senders":[{{Clients.SenderJson("@a")}},{{Clients.SenderJson("@b")}}],"nextPageToken":"tok+/2"}""")
            : StubHandler.Json(HttpStatusCode.OK, $$"""{"totalSize":3,"pageSize":2,"senders":[{{Clients.SenderJson("@c")}}],"previousPageToken":"p"}"""));
        using var client = Clients.Create(handler, _clock);
        var filter = new SenderListFilter { States = [SenderState.Active, SenderState.Verifying], Statuses = [ChangesStatus.Rejected], PageSize = 2 };

        var ids = new List<string>();
        await foreach (var sender in client.ListSendersAsync(filter))
        {
            ids.Add(sender.PlusFriendId);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "@a", "@b", "@c" }));
            Assert.That(handler.Requests[0].Uri.Query, Is.EqualTo("?pageSize=2&filterStates=ACTIVE&filterStates=VERIFYING&filterStatuses=REJECTED"));
            Assert.That(handler.Requests[1].Uri.Query, Is.EqualTo("?pageSize=2&pageToken=tok%2B%2F2&filterStates=ACTIVE&filterStates=VERIFYING&filterStatuses=REJECTED"));
        });
    }

    [Test]
    public void ListSendersAsync_RepeatedPageToken_StopsInsteadOfLoopingForever()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, $$"""{"totalSize":9,"pageSize":1,"senders":[{{Clients.SenderJson()}}],"nextPageToken":"same"}"""));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(async () =>
        {
            await foreach (var _ in client.ListSendersAsync())
            {
            }
        });
        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_response"));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetSenderAsync_UnknownEnumValues_AreKeptAsData()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """
            {"plusFriendId":"@x","state":"PENDING_VERIFICATION","changes":{"status":"ON_HOLD","details":{}},"extraField":{"nested":true}}
            """));
        using var client = Clients.Create(handler, _clock);

        var sender = await client.GetSenderAsync("@x");

        Assert.That(sender.State?.Value, Is.EqualTo("PENDING_VERIFICATION"));
        Assert.That(sender.Changes?.Status.Value, Is.EqualTo("ON_HOLD"));
        Assert.That(SenderLifecycle.DeriveStatus(sender), Is.EqualTo(SenderStatus.PendingVerification));
    }

    [Test]
    public async Task ActivitiesAndDescribe_ReadNotificationsAndDeriveTheRejectionComment()
    {
        const string activities = """
            {"totalSize":3,"pageSize":100,"notifications":[
              {"type":"REJECTED","created":"2026-11-26T12:05:00Z","author":"reviewer","comment":"Logo is blurry"},
              {"type":"IN_PROGRESS","created":"2026-11-26T12:01:00Z"},
              {"type":"CREATED","created":"2026-11-26T12:00:00Z"}]}
            """;
        var handler = new StubHandler((request, _) => request.Path.EndsWith("/activities", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, activities)
            : StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson(changesStatus: "REJECTED")));
        using var client = Clients.Create(handler, _clock);

        var snapshot = await client.DescribeSenderAsync(Clients.PlusFriendId);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot, Is.Not.Null);
            Assert.That(snapshot!.Status, Is.EqualTo(SenderStatus.Rejected));
            Assert.That(snapshot.RejectionComment, Is.EqualTo("Logo is blurry"));
            Assert.That(snapshot.Activities, Has.Count.EqualTo(3));
            Assert.That(handler.Requests[1].Uri.Query, Is.EqualTo("?pageSize=100"));
        });
    }

    [Test]
    public async Task DescribeAndTryGet_SenderNotFound_ReturnNull()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.NotFound, "sender_not_found"));
        using var client = Clients.Create(handler, _clock);

        Assert.That(await client.TryGetSenderAsync("@gone"), Is.Null);
        Assert.That(await client.DescribeSenderAsync("@gone"), Is.Null);
    }

    [Test]
    public void TryGetSenderAsync_NotFoundWithoutSinchCode_StillThrows()
    {
        // A wrong endpoint answering 404 must not look like a deleted sender.
        var handler = new StubHandler((_, _) => StubHandler.Text(HttpStatusCode.NotFound, "<html>Not Found</html>"));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.TryGetSenderAsync("@x"));
        Assert.That(ex!.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task ListSenderCategoriesAsync_ReadsTheTree()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """
            {"categories":[{"parentCode":"","depth":1,"code":"019","name":"쇼핑","subcategories":[
              {"parentCode":"019","depth":2,"code":"0006","name":"종합몰","subcategories":[
                {"parentCode":"0006","depth":3,"code":"0001","name":"종합몰","subcategories":[]}]}]}]}
            """));
        using var client = Clients.Create(handler, _clock);

        var tree = await client.ListSenderCategoriesAsync();

        Assert.That(handler.Requests.Single().Path, Is.EqualTo("/v1/projects/proj-1/kakaotalk/categories/senders"));
        Assert.That(tree.Single().Subcategories.Single().Subcategories.Single().Code, Is.EqualTo("0001"));
        Assert.That(tree.Single().Name, Is.EqualTo("쇼핑"));
    }

    [Test]
    public async Task Webhooks_RegisterListDelete_UseTheDocumentedShapes()
    {
        var handler = new StubHandler((request, _) => request.Method.Method switch
        {
            "POST" => StubHandler.Json(HttpStatusCode.Created, """{"id":"wh-1","target":"https://hooks.test/k","projectId":"proj-1","triggers":["KAKAOTALK_SENDER_ACTIVE"]}"""),
            "GET" => StubHandler.Json(HttpStatusCode.OK, """{"totalSize":1,"pageSize":15,"webhooks":[{"id":"wh-1","target":"https://hooks.test/k","projectId":"proj-1","triggers":["KAKAOTALK_SENDER_ACTIVE"]}]}"""),
            _ => StubHandler.Status(HttpStatusCode.NoContent),
        });
        using var client = Clients.Create(handler, _clock);
        var request = new CreateWebhookRequest { Target = "https://hooks.test/k", Secret = "hook-secret", Triggers = ["KAKAOTALK_SENDER_ACTIVE"] };

        var created = await client.CreateWebhookAsync(request);
        var listed = await client.ListWebhooksAsync().ToListAsync();
        await client.DeleteWebhookAsync("wh-1");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Body, Is.EqualTo("""{"target":"https://hooks.test/k","secret":"hook-secret","triggers":["KAKAOTALK_SENDER_ACTIVE"]}"""));
            Assert.That(created.Id, Is.EqualTo("wh-1"));
            Assert.That(created.ProjectId, Is.EqualTo("proj-1"));
            Assert.That(listed.Single().Target, Is.EqualTo("https://hooks.test/k"));
            Assert.That(handler.Requests[2].Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(handler.Requests[2].Path, Is.EqualTo("/v1/projects/proj-1/webhooks/wh-1"));
            Assert.That(request.ToString(), Does.Not.Contain("hook-secret"));
        });
    }

    [Test]
    public async Task ForProject_AddressesTheOtherProjectOverTheSameConnections()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        using var client = Clients.Create(handler, _clock);

        var other = client.ForProject("proj 2");
        await other.GetSenderAsync(Clients.PlusFriendId);

        Assert.That(other.ProjectId, Is.EqualTo("proj 2"));
        Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v1/projects/proj%202/kakaotalk/senders/@sinch-demo"));
    }

    [Test]
    public async Task DeleteOperations_UseTheirRoutes()
    {
        var handler = new StubHandler((_, _) => StubHandler.Status(HttpStatusCode.NoContent));
        using var client = Clients.Create(handler, _clock);

        await client.DeleteSenderAsync(Clients.PlusFriendId);
        await client.DeleteSenderChangesAsync(Clients.PlusFriendId);

        Assert.That(handler.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "DELETE /v1/projects/proj-1/kakaotalk/senders/@sinch-demo",
            "DELETE /v1/projects/proj-1/kakaotalk/senders/@sinch-demo/changes",
        }));
    }

    [Test]
    public void GetSenderAsync_MalformedSuccessBody_RaisesInvalidResponse()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"plusFriendId": 12, """));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync("@x"));
        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_response"));
        Assert.That(ex.Status, Is.EqualTo(200));
    }

    [Test]
    public void GetSenderAsync_SenderWithoutPlusFriendId_RaisesInvalidResponse()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"id":"x"}"""));
        using var client = Clients.Create(handler, _clock);

        Assert.That(Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync("@x"))!.ErrorCode, Is.EqualTo("invalid_response"));
    }

    [Test]
    public void Dispose_ThenCall_ThrowsObjectDisposed()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        var client = Clients.Create(handler, _clock);
        client.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetSenderAsync(Clients.PlusFriendId));
    }

    [Test]
    public async Task Dispose_WithoutOwningTheHandler_LeavesItUsable()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        Clients.Create(handler, _clock).Dispose();

        using var second = Clients.Create(handler, _clock);
        Assert.That((await second.GetSenderAsync(Clients.PlusFriendId)).PlusFriendId, Is.EqualTo(Clients.PlusFriendId));
    }
}
