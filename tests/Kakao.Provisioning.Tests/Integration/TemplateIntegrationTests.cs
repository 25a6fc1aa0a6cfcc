using System.Text.Json.Nodes;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>The template operations against the emulator over real loopback HTTP, Kakao's inspection played by the test.</summary>
public class TemplateIntegrationTests : EmulatorFixture
{
    private static CreateTemplateRequest Request(string name = "order-shipped", TemplateButton? button = null) => new()
    {
        Details = new TemplateDetails
        {
            Name = name,
            Language = TemplateLanguage.Korean,
            Content = "#{고객명}님, 주문 #{orderNo}이(가) 발송되었습니다.",
            Buttons = [button ?? new TemplateButton { Ordering = 1, Type = ButtonType.WebLink, Name = "배송 조회", LinkMo = "https://shop.example.com/track" }],
        },
    };

    [Test]
    public async Task Lifecycle_SubmitApproveEditInspect_FollowsTheStatuses()
    {
        await ActivateSenderAsync();

        var created = await Client.CreateTemplateAsync(PlusFriendId, Request());
        Assert.That(TemplateLifecycle.DeriveStatus(created), Is.EqualTo(TemplateStatus.InProgress));
        Assert.That(TemplateLifecycle.EditBlocker(created), Does.Contain("inspecting"));

        await Control.ApproveTemplateAsync(ProjectId, PlusFriendId, created.Code);
        var approved = await Client.DescribeTemplateAsync(PlusFriendId, created.Code);
        Assert.That(approved!.Status, Is.EqualTo(TemplateStatus.Approved));
        Assert.That(approved.Template.Details?.Language, Is.EqualTo(TemplateLanguage.Korean));
        Assert.That(TemplateLifecycle.Variables(approved.CurrentDetails?.Content), Is.EqualTo(new[] { "고객명", "orderNo" }));

        var edited = await Client.UpdateTemplateAsync(PlusFriendId, created.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Content = "#{고객명}님, 주문이 발송되었습니다." },
            Clear = TemplateClearableFields.Buttons,
        });
        Assert.That(TemplateLifecycle.DeriveStatus(edited), Is.EqualTo(TemplateStatus.ApprovedChangesInProgress));
        Assert.That(edited.Changes?.Details?.Buttons ?? [], Is.Empty);

        var refused = Assert.ThrowsAsync<ProvisioningApiException>(() =>
            Client.UpdateTemplateAsync(PlusFriendId, created.Code, new UpdateTemplateRequest { Details = new TemplateDetails { Title = "x" } }));
        Assert.That(refused!.ErrorCode, Is.EqualTo(SinchErrorCodes.TemplateChangesNotUpdatable));
    }

    [Test]
    public async Task Rejection_ReasonInTheActivities_ThenResubmissionIsInspectedAgain()
    {
        await ActivateSenderAsync();
        var created = await Client.CreateTemplateAsync(PlusFriendId, Request());
        await Control.RejectTemplateAsync(ProjectId, PlusFriendId, created.Code, "버튼 이름이 모호합니다.");

        var rejected = await Client.DescribeTemplateAsync(PlusFriendId, created.Code);
        Assert.That(rejected!.Status, Is.EqualTo(TemplateStatus.Rejected));
        Assert.That(rejected.ReviewComment, Is.EqualTo("버튼 이름이 모호합니다."));

        await Client.AddTemplateCommentAsync(PlusFriendId, created.Code, "버튼 이름을 바꾸겠습니다.");
        var resubmitted = await Client.UpdateTemplateAsync(PlusFriendId, created.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Buttons = [new TemplateButton { Ordering = 1, Type = ButtonType.WebLink, Name = "배송 상태 보기", LinkMo = "https://shop.example.com/track" }] },
        });

        Assert.Multiple(async () =>
        {
            Assert.That(TemplateLifecycle.DeriveStatus(resubmitted), Is.EqualTo(TemplateStatus.InProgress));
            var comments = await Client.ListTemplateCommentsAsync(PlusFriendId, created.Code).Select(a => a.Comment).ToListAsync();
            Assert.That(comments, Does.Contain("버튼 이름을 바꾸겠습니다.").And.Contain("버튼 이름이 모호합니다."));
        });
    }

    [Test]
    public async Task List_FiltersAndNamePrefix_AndFindByName()
    {
        await ActivateSenderAsync();
        var a = await Client.CreateTemplateAsync(PlusFriendId, Request("order-a"));
        await Client.CreateTemplateAsync(PlusFriendId, Request("order-b"));
        await Client.CreateTemplateAsync(PlusFriendId, Request("welcome") with { Status = SubmitAction.Draft });
        await Control.ApproveTemplateAsync(ProjectId, PlusFriendId, a.Code);

        var all = await Client.ListTemplatesAsync(PlusFriendId, new TemplateListFilter { PageSize = 1 }).Select(t => t.Code).ToListAsync();
        var orders = await Client.ListTemplatesAsync(PlusFriendId, new TemplateListFilter { NamePrefix = "order-" }).ToListAsync();
        var approved = await Client.ListTemplatesAsync(PlusFriendId, new TemplateListFilter { States = [TemplateState.Approved] }).ToListAsync();
        var drafts = await Client.ListTemplatesAsync(PlusFriendId, new TemplateListFilter { Statuses = [ChangesStatus.Draft] }).ToListAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(orders, Has.Count.EqualTo(2));
            Assert.That(approved.Select(t => t.Code), Is.EqualTo(new[] { a.Code }));
            Assert.That(drafts.Single().Changes?.Details?.Name, Is.EqualTo("welcome"));
            Assert.That((await Client.FindTemplateByNameAsync(PlusFriendId, "order-a"))?.Code, Is.EqualTo(a.Code));
            Assert.That(await Client.FindTemplateByNameAsync(PlusFriendId, "order"), Is.Null);
        });
    }

    [Test]
    public async Task Create_KakaoRefusesWithSaveDraftOnFailure_TheDraftsCodeComesBack()
    {
        await ActivateSenderAsync();
        var noLink = new TemplateButton { Ordering = 1, Type = ButtonType.WebLink, Name = "열기" };

        var kept = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.CreateTemplateAsync(PlusFriendId, Request("kept", noLink) with { SaveDraftOnFailure = true }));
        var lost = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.CreateTemplateAsync(PlusFriendId, Request("lost", noLink)));

        Assert.That(kept!.Status, Is.EqualTo(424));
        Assert.That(kept.ErrorCode, Is.EqualTo(SinchErrorCodes.TemplateKakaotalkValidationError));
        var draft = await Client.GetTemplateAsync(PlusFriendId, kept.SavedDraftTemplateCode!);
        Assert.Multiple(async () =>
        {
            Assert.That(draft.Changes?.Status, Is.EqualTo(ChangesStatus.Draft));
            Assert.That(lost!.SavedDraftTemplateCode, Is.Null);
            Assert.That(await Client.FindTemplateByNameAsync(PlusFriendId, "lost"), Is.Null);
        });
    }

    [Test]
    public async Task Create_SenderNotActive_IsRefused()
    {
        await Client.CreateSenderAsync(GuideRequest());

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.CreateTemplateAsync(PlusFriendId, Request()));

        Assert.That(error!.Status, Is.InRange(400, 499));
    }

    [Test]
    public async Task Delete_ThenGone_AndDraftChangesDiscarded()
    {
        await ActivateSenderAsync();
        var template = await Client.CreateTemplateAsync(PlusFriendId, Request());
        var draft = await Client.CreateTemplateAsync(PlusFriendId, Request("draft") with { Status = SubmitAction.Draft });

        await Client.DeleteTemplateAsync(PlusFriendId, template.Code);
        await Client.DeleteTemplateChangesAsync(PlusFriendId, draft.Code);

        Assert.Multiple(async () =>
        {
            Assert.That(await Client.TryGetTemplateAsync(PlusFriendId, template.Code), Is.Null);
            Assert.That(await Client.TryGetTemplateAsync(PlusFriendId, draft.Code), Is.Null, "a never-submitted template is nothing but its draft");
            var again = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.DeleteTemplateAsync(PlusFriendId, template.Code));
            Assert.That(again!.ErrorCode, Is.EqualTo(SinchErrorCodes.TemplateNotFound));
        });
    }

    [TestCase(false, TestName = "CreateTemplate_CommitThen503_OneTemplate")]
    [TestCase(true, TestName = "CreateTemplate_CommitThenDroppedConnection_OneTemplate")]
    public async Task CreateTemplate_CommitThenFail_NoDuplicate(bool dropConnection)
    {
        await ActivateSenderAsync();
        var path = SenderPath() + "/templates";
        await Control.FaultsAsync(new JsonObject { ["method"] = "POST", ["path"] = path, ["commitThenFail"] = true, ["abort"] = dropConnection, ["count"] = 1 });

        var template = await Client.CreateTemplateAsync(PlusFriendId, Request());

        Assert.Multiple(async () =>
        {
            Assert.That(template.Changes?.Details?.Name, Is.EqualTo("order-shipped"));
            Assert.That(await Control.CountAsync("POST", path), Is.EqualTo(1));
            Assert.That(await Client.ListTemplatesAsync(PlusFriendId).CountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Categories_OfTheSender_HaveSixDigitCodes()
    {
        await ActivateSenderAsync();

        var categories = await Client.ListTemplateCategoriesAsync(PlusFriendId);

        var codes = categories.SelectMany(c => c.Subcategories).Select(s => s.Code).ToList();
        Assert.That(codes, Does.Contain("001001").And.Contain("999999"));
        Assert.That(codes, Has.All.Matches<string>(c => c.Length == 6 && c.All(char.IsAsciiDigit)));
    }
}
