using System.Text.Json.Nodes;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>
/// The emulator's injected faults: transient answers are retried, and "commit then fail" (the write is applied,
/// the answer is lost) never leads to a duplicate create, register or verify.
/// </summary>
public class FaultIntegrationTests : EmulatorFixture
{
    private static JsonObject CommitThenFail(string method, string path, bool dropConnection = false) => new()
    {
        ["method"] = method,
        ["path"] = path,
        ["commitThenFail"] = true,
        ["abort"] = dropConnection,
        ["count"] = 1,
    };

    [TestCase(false, TestName = "CreateSender_CommitThen503_ReturnsTheSenderWithOnePost")]
    [TestCase(true, TestName = "CreateSender_CommitThenDroppedConnection_ReturnsTheSenderWithOnePost")]
    public async Task CreateSender_CommitThenFail_NoDuplicate(bool dropConnection)
    {
        await Control.FaultsAsync(CommitThenFail("POST", SendersPath, dropConnection));

        var sender = await Client.CreateSenderAsync(GuideRequest());

        Assert.That(sender.PlusFriendId, Is.EqualTo(PlusFriendId));
        Assert.That(sender.Changes?.Details?.Name, Is.EqualTo("Sinch Demo Shop"));
        Assert.That(await Control.CountAsync("POST", SendersPath), Is.EqualTo(1));
        var activities = await Client.ListSenderActivitiesPageAsync(PlusFriendId);
        Assert.That(activities.Activities.Count(a => a.Type == ActivityType.Created), Is.LessThanOrEqualTo(1));
    }

    [TestCase(false, TestName = "RegisterSender_CommitThen503_SendsOneCode")]
    [TestCase(true, TestName = "RegisterSender_CommitThenDroppedConnection_SendsOneCode")]
    public async Task RegisterSender_CommitThenFail_NoSecondRegister(bool dropConnection)
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        await Control.FaultsAsync(CommitThenFail("POST", SenderPath() + "/register", dropConnection));

        var sender = await Client.RegisterSenderAsync(PlusFriendId);
        int code = (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value;
        var verified = await Client.VerifySenderAsync(PlusFriendId, code);

        Assert.That(sender.State, Is.EqualTo(SenderState.Verifying));
        Assert.That(await Control.CountAsync("POST", SenderPath() + "/register"), Is.EqualTo(1));
        Assert.That(verified.State, Is.EqualTo(SenderState.Active), "the code of the one register call is the valid one");
    }

    [TestCase(false, TestName = "VerifySender_CommitThen503_ReportsActiveWithOneVerify")]
    [TestCase(true, TestName = "VerifySender_CommitThenDroppedConnection_ReportsActiveWithOneVerify")]
    public async Task VerifySender_CommitThenFail_NoSecondVerify(bool dropConnection)
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        await Client.RegisterSenderAsync(PlusFriendId);
        int code = (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value;
        await Control.FaultsAsync(CommitThenFail("POST", SenderPath() + "/verify", dropConnection));

        var sender = await Client.VerifySenderAsync(PlusFriendId, code);

        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        Assert.That(await Control.CountAsync("POST", SenderPath() + "/verify"), Is.EqualTo(1));
    }

    [Test]
    public async Task UpdateSender_CommitThen503_ReportsTheResubmissionWithOnePatch()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.RejectAsync(ProjectId, PlusFriendId, "Name too generic.");
        await Control.FaultsAsync(CommitThenFail("PATCH", SenderPath()));

        var sender = await Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { Name = "Sinch Demo Shop Seoul" } });

        Assert.That(sender.Changes?.Status, Is.EqualTo(ChangesStatus.InProgress));
        Assert.That(await Control.CountAsync("PATCH", SenderPath()), Is.EqualTo(1));
    }

    [Test]
    public async Task AddComment_CommitThen503_AddsOneComment()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.FaultsAsync(CommitThenFail("POST", SenderPath() + "/comments"));

        await Client.AddSenderCommentAsync(PlusFriendId, "Logo replaced.");

        var comments = new List<SenderActivity>();
        await foreach (var activity in Client.ListSenderActivitiesAsync(PlusFriendId))
        {
            if (activity.Type == ActivityType.CommentAdded)
            {
                comments.Add(activity);
            }
        }

        Assert.That(comments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DeleteSender_CommitThen503_SucceedsOnTheRetry()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.FaultsAsync(CommitThenFail("DELETE", SenderPath()));

        await Client.DeleteSenderAsync(PlusFriendId);

        Assert.That(await Client.TryGetSenderAsync(PlusFriendId), Is.Null);
        Assert.That(await Control.CountAsync("DELETE", SenderPath()), Is.EqualTo(2));
    }

    [Test]
    public async Task CreateSender_429WithRetryAfter_IsRetriedAndCreatesOnce()
    {
        await Control.FaultsAsync(new JsonObject { ["method"] = "POST", ["path"] = SendersPath, ["status"] = 429, ["retryAfterSeconds"] = 0, ["count"] = 2 });

        var sender = await Client.CreateSenderAsync(GuideRequest());

        var posts = (await Control.RequestsAsync(SendersPath)).Where(r => r.Method == "POST").Select(r => r.Status);
        Assert.That(sender.PlusFriendId, Is.EqualTo(PlusFriendId));
        Assert.That(posts, Is.EqualTo(new[] { 429, 429, 201 }));
    }

    [Test]
    public async Task GetSender_Transient503s_AreRetried()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.FaultsAsync(new JsonObject { ["method"] = "GET", ["path"] = SenderPath(), ["status"] = 503, ["count"] = 3 });

        var sender = await Client.GetSenderAsync(PlusFriendId);

        Assert.That(sender.PlusFriendId, Is.EqualTo(PlusFriendId));
        Assert.That(await Control.CountAsync("GET", SenderPath()), Is.EqualTo(4));
    }

    [Test]
    public async Task Lifecycle_UnderRandomFaults_CompletesWithoutDuplicates()
    {
        // Every API route fails now and then, before or after committing; the whole lifecycle still ends ACTIVE
        // with exactly one create, and no write repeated after it took effect.
        await Control.SeededFaultsAsync(
            20261126,
            new JsonObject { ["path"] = $"/v1/projects/{ProjectId}/**", ["commitThenFail"] = true, ["probability"] = 0.4 },
            new JsonObject { ["path"] = $"/v1/projects/{ProjectId}/**", ["status"] = 503, ["probability"] = 0.3 });
        using var client = NewClient(o => o.MaxRetries = 10);

        await client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        await client.RegisterSenderAsync(PlusFriendId);
        int code = (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value;
        var sender = await client.VerifySenderAsync(PlusFriendId, code);

        var requests = await Control.RequestsAsync(SendersPath);
        int committedCreates = requests.Count(r => r.Method == "POST" && r.Path == SendersPath
            && (r.Status == 201 || (r.Fault ?? "").Contains("commit", StringComparison.Ordinal)));
        var faulted = (await Control.RequestsAsync($"/v1/projects/{ProjectId}/")).Count(r => r.Fault is not null);
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        Assert.That(committedCreates, Is.EqualTo(1));
        Assert.That(faulted, Is.GreaterThanOrEqualTo(3), "the run must actually have met faults");
    }
}
