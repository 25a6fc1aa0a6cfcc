using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>The client against the emulator over real loopback HTTP: the guide's lifecycle end to end.</summary>
public class SenderLifecycleIntegrationTests : EmulatorFixture
{
    [Test]
    public async Task Lifecycle_CreateApproveRegisterVerify_EndsActive()
    {
        var created = await Client.CreateSenderAsync(GuideRequest());
        Assert.That(created.Changes?.Status, Is.EqualTo(ChangesStatus.InProgress));
        Assert.That(created.State, Is.Null, "a first submission has no live state yet");
        Assert.That((await Client.DescribeSenderAsync(PlusFriendId))!.Status, Is.EqualTo(SenderStatus.InProgress));

        await Control.ApproveAsync(ProjectId, PlusFriendId);
        var approved = await Client.DescribeSenderAsync(PlusFriendId);
        Assert.That(approved!.Status, Is.EqualTo(SenderStatus.PendingVerification));
        Assert.That(approved.Sender.Details?.Name, Is.EqualTo("Sinch Demo Shop"));

        var registered = await Client.RegisterSenderAsync(PlusFriendId);
        Assert.That(registered.State, Is.EqualTo(SenderState.Verifying));

        int code = (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value;
        var verified = await Client.VerifySenderAsync(PlusFriendId, code);

        var final = await Client.DescribeSenderAsync(PlusFriendId);
        Assert.Multiple(() =>
        {
            Assert.That(verified.State, Is.EqualTo(SenderState.Active));
            Assert.That(final!.Status, Is.EqualTo(SenderStatus.Active));
            Assert.That(final.Activities.Select(a => a.Type), Does.Contain(ActivityType.Active));
            Assert.That(final.Activities[0].Type, Is.EqualTo(ActivityType.Active), "newest first");
        });
    }

    [Test]
    public async Task Rejection_CommentReadFromActivities_ThenResubmissionIsReviewedAgain()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.RejectAsync(ProjectId, PlusFriendId, "The logo must show the brand.");

        var rejected = await Client.DescribeSenderAsync(PlusFriendId);
        Assert.That(rejected!.Status, Is.EqualTo(SenderStatus.Rejected));
        Assert.That(rejected.RejectionComment, Is.EqualTo("The logo must show the brand."));

        var resubmitted = await Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest
        {
            Status = SubmitAction.Submit,
            Details = new SenderDetails { Name = "Sinch Demo Shop Official" },
        });
        Assert.That(resubmitted.Changes?.Status, Is.EqualTo(ChangesStatus.InProgress));
        Assert.That(resubmitted.Changes?.Details?.Name, Is.EqualTo("Sinch Demo Shop Official"));

        await Control.ApproveAsync(ProjectId, PlusFriendId);
        var approved = await Client.DescribeSenderAsync(PlusFriendId);
        Assert.That(approved!.Status, Is.EqualTo(SenderStatus.PendingVerification));
        Assert.That(approved.RejectionComment, Is.Null);
        Assert.That(approved.Sender.Details?.Name, Is.EqualTo("Sinch Demo Shop Official"));
    }

    [Test]
    public async Task UpdateSenderAsync_DraftOnlySaves_AndDiscardingANeverApprovedSendersChangesFreesTheId()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.RejectAsync(ProjectId, PlusFriendId, "Wrong category.");

        var draft = await Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Status = SubmitAction.Draft, Details = new SenderDetails { Name = "Draft name" } });
        Assert.That(draft.Changes?.Status, Is.EqualTo(ChangesStatus.Draft));
        Assert.That(draft.Changes?.Details?.Name, Is.EqualTo("Draft name"));

        // Emulator choice: without its changes a never-approved sender has nothing left, so it goes away.
        await Client.DeleteSenderChangesAsync(PlusFriendId);
        Assert.That(await Client.TryGetSenderAsync(PlusFriendId), Is.Null);
        Assert.That((await Client.CreateSenderAsync(GuideRequest())).PlusFriendId, Is.EqualTo(PlusFriendId));
    }

    [Test]
    public async Task ListSendersAsync_FollowsPagesAndFilters()
    {
        var ids = Enumerable.Range(1, 7).Select(i => $"@page-{i}").ToArray();
        foreach (var id in ids)
        {
            await Client.CreateSenderAsync(GuideRequest(id));
        }

        await Control.ApproveAsync(ProjectId, ids[0]);
        await Control.ApproveAsync(ProjectId, ids[1]);

        var all = new List<string>();
        await foreach (var sender in Client.ListSendersAsync(new SenderListFilter { PageSize = 3 }))
        {
            all.Add(sender.PlusFriendId);
        }

        var inactive = new List<string>();
        await foreach (var sender in Client.ListSendersAsync(new SenderListFilter { States = [SenderState.Inactive, SenderState.Active] }))
        {
            inactive.Add(sender.PlusFriendId);
        }

        var inReview = await Client.ListSendersPageAsync(new SenderListFilter { Statuses = [ChangesStatus.InProgress], PageSize = 100 });
        var listCalls = (await Control.RequestsAsync(SendersPath)).Count(r => r.Method == "GET" && r.Path == SendersPath);

        Assert.Multiple(() =>
        {
            Assert.That(all, Is.EquivalentTo(ids));
            Assert.That(all, Is.Unique);
            Assert.That(listCalls, Is.EqualTo(3 + 1 + 1), "7 senders in pages of 3, then the two filtered lists");
            Assert.That(inactive, Is.EquivalentTo(ids[..2]));
            Assert.That(inReview.TotalSize, Is.EqualTo(5));
            Assert.That(inReview.Senders.Select(s => s.PlusFriendId), Is.EquivalentTo(ids[2..]));
        });
    }

    [Test]
    public async Task Activities_ListAllPagesNewestFirstAndComments()
    {
        await Client.CreateSenderAsync(GuideRequest());
        var comment = await Client.AddSenderCommentAsync(PlusFriendId, "Our logo was updated, please have a look.");

        var activities = new List<SenderActivity>();
        await foreach (var activity in Client.ListSenderActivitiesAsync(PlusFriendId))
        {
            activities.Add(activity);
        }

        Assert.That(comment.Comment, Is.EqualTo("Our logo was updated, please have a look."));
        Assert.That(activities[0].Type, Is.EqualTo(ActivityType.CommentAdded));
        Assert.That(activities[0].Comment, Is.EqualTo("Our logo was updated, please have a look."));
        Assert.That(activities.Select(a => a.Type), Does.Contain(ActivityType.Created).Or.Contain(ActivityType.InProgress));
    }

    [Test]
    public async Task DeleteSenderAsync_ThenGetIsNotFound()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Client.DeleteSenderAsync(PlusFriendId);

        Assert.That(await Client.TryGetSenderAsync(PlusFriendId), Is.Null);
        Assert.That(await Client.DescribeSenderAsync(PlusFriendId), Is.Null);
    }

    [Test]
    public async Task ListSenderCategoriesAsync_ContainsTheGuidesPath()
    {
        var tree = await Client.ListSenderCategoriesAsync();

        var top = tree.Single(c => c.Code == "019");
        var mid = top.Subcategories.Single(c => c.Code == "0006");
        Assert.That(top.Depth, Is.EqualTo(1));
        Assert.That(mid.Subcategories.Select(c => c.Code), Does.Contain("0001"));
    }

    [Test]
    public async Task Webhooks_RegisterListDelete()
    {
        var hook = await Client.CreateWebhookAsync(new CreateWebhookRequest
        {
            Target = "https://hooks.example.com/kakao",
            Secret = "webhook-signing-secret",
            Triggers = ["KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_REJECTED"],
        });
        var listed = await Client.ListWebhooksAsync().ToListAsync();
        await Client.DeleteWebhookAsync(hook.Id);
        var afterDelete = await Client.ListWebhooksAsync().ToListAsync();

        Assert.That(hook.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(listed.Single().Target, Is.EqualTo("https://hooks.example.com/kakao"));
        Assert.That(afterDelete, Is.Empty);
    }

    [Test]
    public async Task ForProject_SeesOnlyThatProjectsSenders()
    {
        await Client.CreateSenderAsync(GuideRequest());
        var other = Client.ForProject(ProjectId + "-other");

        Assert.That(await other.TryGetSenderAsync(PlusFriendId), Is.Null);
        Assert.That(await Client.TryGetSenderAsync(PlusFriendId), Is.Not.Null);
    }
}
