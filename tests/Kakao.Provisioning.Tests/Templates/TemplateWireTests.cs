using System.Net;
using System.Text.Json.Nodes;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests.Templates;

/// <summary>The template operations on the wire: paths, query strings, bodies, and how answers are read.</summary>
public class TemplateWireTests
{
    private const string Base = "/v1/projects/proj-1/kakaotalk/senders/@sinch-demo/templates";
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    private static bool SameJson(string actual, string expected) => JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));

    [Test]
    public async Task CreateTemplateAsync_Submit_SendsStatusDraftFlagAndDetails()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, TestSupport.Templates.Json()));
        using var client = Clients.Create(handler, _clock);

        var template = await client.CreateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.CreateRequest() with { SaveDraftOnFailure = true });

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That($"{request.Method} {request.Path}", Is.EqualTo($"POST {Base}"));
            Assert.That(SameJson(request.Body!, $$"""{"status":"SUBMIT","saveDraftOnFailure":true,"details":{{TestSupport.Templates.DetailsJson()}}}"""), Is.True, request.Body);
            Assert.That(template.Code, Is.EqualTo(TestSupport.Templates.Code));
            Assert.That(template.State, Is.Null);
            Assert.That(template.Changes?.Status, Is.EqualTo(ChangesStatus.InProgress));
            Assert.That(template.Changes?.Details?.Buttons?[0].Type, Is.EqualTo(ButtonType.WebLink));
            Assert.That(template.Created, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task CreateTemplateAsync_Draft_MayLeaveContentAndButtonNamesOut()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, TestSupport.Templates.Json(changesStatus: "DRAFT")));
        using var client = Clients.Create(handler, _clock);

        await client.CreateTemplateAsync(Clients.PlusFriendId, new CreateTemplateRequest
        {
            Status = SubmitAction.Draft,
            Details = new TemplateDetails { Name = "later", Language = "EN", Buttons = [new TemplateButton { Ordering = 1, Type = ButtonType.DeliverySearch }] },
        });

        Assert.That(handler.Requests.Single().Body, Is.EqualTo("""{"status":"DRAFT","saveDraftOnFailure":false,"details":{"name":"later","language":"EN","buttons":[{"ordering":1,"type":"DELIVERY_SEARCH"}]}}"""));
    }

    [Test]
    public async Task UpdateTemplateAsync_AlwaysSendsStatusAndClearsWithExplicitNulls()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json(state: "APPROVED")));
        using var client = Clients.Create(handler, _clock);

        await client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Content = "새 본문" },
            Clear = TemplateClearableFields.Title | TemplateClearableFields.Subtitle | TemplateClearableFields.Buttons,
        });
        await client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest { Status = SubmitAction.Draft });

        Assert.Multiple(() =>
        {
            Assert.That($"{handler.Requests[0].Method} {handler.Requests[0].Path}", Is.EqualTo($"PATCH {Base}/{TestSupport.Templates.Code}"));
            Assert.That(handler.Requests[0].Body, Is.EqualTo("""{"status":"SUBMIT","details":{"content":"새 본문","title":null,"subtitle":null,"buttons":null}}"""));
            Assert.That(handler.Requests[1].Body, Is.EqualTo("""{"status":"DRAFT"}"""));
        });
    }

    [Test]
    public async Task ListTemplatesAsync_FollowsEveryPageWithFiltersAndNamePrefix()
    {
        var handler = new StubHandler((request, _) => StubHandler.Json(HttpStatusCode.OK, request.Uri.Query.Contains("pageToken=p2", StringComparison.Ordinal)
            ? TestSupport.Templates.Page(null, TestSupport.Templates.Json(code: "B", name: "order-b"))
            : TestSupport.Templates.Page("p2", TestSupport.Templates.Json(code: "A", name: "order-a"))));
        using var client = Clients.Create(handler, _clock);
        var filter = new TemplateListFilter
        {
            States = [TemplateState.Approved, TemplateState.Rejected],
            Statuses = [ChangesStatus.Draft],
            NamePrefix = "order #1",
            PageSize = 1000,
        };

        var codes = await client.ListTemplatesAsync(Clients.PlusFriendId, filter).Select(t => t.Code).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.EqualTo(new[] { "A", "B" }));
            Assert.That(handler.Requests[0].Uri.PathAndQuery, Is.EqualTo($"{Base}?pageSize=1000&filterStates=APPROVED&filterStates=REJECTED&filterStatuses=DRAFT&templateName=order%20%231"));
            Assert.That(handler.Requests[1].Uri.Query, Does.Contain("pageToken=p2"));
        });
    }

    [Test]
    public async Task FindTemplateByNameAsync_PrefixMatches_ReturnsOnlyTheExactName()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Page(
            null,
            TestSupport.Templates.Json(code: "LONGER", name: "order-shipped-v2"),
            TestSupport.Templates.Json(code: "EXACT", name: "order-shipped"))));
        using var client = Clients.Create(handler, _clock);

        var found = await client.FindTemplateByNameAsync(Clients.PlusFriendId, "order-shipped");
        var missing = await client.FindTemplateByNameAsync(Clients.PlusFriendId, "order");

        Assert.Multiple(() =>
        {
            Assert.That(found?.Code, Is.EqualTo("EXACT"));
            Assert.That(missing, Is.Null);
            Assert.That(handler.Requests[0].Uri.Query, Is.EqualTo("?pageSize=1000&templateName=order-shipped"));
        });
    }

    [Test]
    public async Task DescribeTemplateAsync_ReadsTemplateAndNewestActivities()
    {
        var handler = new StubHandler((request, _) => request.Path.EndsWith("/activities", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, """{"totalSize":2,"pageSize":100,"notifications":[{"type":"REJECTED","created":"2026-11-27T09:00:00Z","author":"KakaoTalk","comment":"버튼 이름이 모호합니다"},{"type":"IN_PROGRESS"}]}""")
            : StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json(state: "REJECTED", changesStatus: null)));
        using var client = Clients.Create(handler, _clock);

        var snapshot = await client.DescribeTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot!.Status, Is.EqualTo(TemplateStatus.Rejected));
            Assert.That(snapshot.ReviewComment, Is.EqualTo("버튼 이름이 모호합니다"));
            Assert.That(snapshot.Activities[0].Author, Is.EqualTo("KakaoTalk"));
            Assert.That(handler.Requests[1].Uri.PathAndQuery, Is.EqualTo($"{Base}/{TestSupport.Templates.Code}/activities?pageSize=100"));
        });
    }

    [Test]
    public async Task TryGetTemplateAsync_TemplateNotFound_IsNullButSenderNotFoundRaises()
    {
        var handler = new StubHandler((_, n) => StubHandler.SinchError(HttpStatusCode.NotFound, n == 1 ? SinchErrorCodes.TemplateNotFound : SinchErrorCodes.SenderNotFound));
        using var client = Clients.Create(handler, _clock);

        var missing = await client.TryGetTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code);
        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.TryGetTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code));

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Null);
            Assert.That(error!.ErrorCode, Is.EqualTo(SinchErrorCodes.SenderNotFound));
        });
    }

    [Test]
    public async Task DeleteTemplateAsync_AndChanges_UseTheirPaths()
    {
        var handler = new StubHandler((_, _) => StubHandler.Status(HttpStatusCode.NoContent));
        using var client = Clients.Create(handler, _clock);

        await client.DeleteTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code);
        await client.DeleteTemplateChangesAsync(Clients.PlusFriendId, TestSupport.Templates.Code);

        Assert.That(handler.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            $"DELETE {Base}/{TestSupport.Templates.Code}",
            $"DELETE {Base}/{TestSupport.Templates.Code}/changes",
        }));
    }

    [Test]
    public void DeleteTemplateAsync_FirstAnswerTemplateNotFound_Raises()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.NotFound, SinchErrorCodes.TemplateNotFound));
        using var client = Clients.Create(handler, _clock);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.DeleteTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code));

        Assert.That(error!.ErrorCode, Is.EqualTo(SinchErrorCodes.TemplateNotFound));
    }

    [Test]
    public async Task AddTemplateCommentAsync_PostsTheComment()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, """{"type":"CREATED","comment":"이 버튼은 배송 조회용입니다","created":"2026-11-27T10:00:00Z"}"""));
        using var client = Clients.Create(handler, _clock);

        var comment = await client.AddTemplateCommentAsync(Clients.PlusFriendId, TestSupport.Templates.Code, "이 버튼은 배송 조회용입니다");

        Assert.Multiple(() =>
        {
            Assert.That($"{handler.Requests[0].Method} {handler.Requests[0].Path}", Is.EqualTo($"POST {Base}/{TestSupport.Templates.Code}/comments"));
            Assert.That(handler.Requests[0].Body, Is.EqualTo("""{"comment":"이 버튼은 배송 조회용입니다"}"""));
            Assert.That(comment.Type, Is.EqualTo(CommentType.Created));
        });
    }

    [Test]
    public async Task ListTemplateCommentsAsync_KeepsOnlyActivitiesWithAComment()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK,
            """{"totalSize":3,"pageSize":50,"notifications":[{"type":"COMMENT_ADDED","comment":"답변"},{"type":"REJECTED","comment":"사유"},{"type":"IN_PROGRESS"}]}"""));
        using var client = Clients.Create(handler, _clock);

        var comments = await client.ListTemplateCommentsAsync(Clients.PlusFriendId, TestSupport.Templates.Code).Select(a => a.Comment).ToListAsync();

        Assert.That(comments, Is.EqualTo(new[] { "답변", "사유" }));
    }

    [Test]
    public async Task ListTemplateCategoriesAsync_FollowsPagesOfTheSendersCategories()
    {
        var handler = new StubHandler((request, _) => StubHandler.Json(HttpStatusCode.OK, request.Uri.Query.Contains("pageToken", StringComparison.Ordinal)
            ? """{"totalSize":2,"pageSize":1,"categories":[{"name":"기타","nameEnglish":"Others","subcategories":[{"code":"999999","name":"기타","nameEnglish":"Others","groupName":"기타","inclusion":"","exclusion":""}]}]}"""
            : """{"totalSize":2,"pageSize":1,"nextPageToken":"c2","categories":[{"name":"회원","nameEnglish":"Membership","subcategories":[{"code":"001001","name":"회원가입","nameEnglish":"Join membership","groupName":"회원","inclusion":"가입 안내","exclusion":"광고"}]}]}"""));
        using var client = Clients.Create(handler, _clock);

        var categories = await client.ListTemplateCategoriesAsync(Clients.PlusFriendId);

        Assert.Multiple(() =>
        {
            Assert.That(categories.SelectMany(c => c.Subcategories).Select(s => s.Code), Is.EqualTo(new[] { "001001", "999999" }));
            Assert.That(handler.Requests[0].Uri.PathAndQuery, Is.EqualTo("/v1/projects/proj-1/kakaotalk/categories/senders/@sinch-demo/templates?pageSize=100"));
        });
    }
}
