using System.Net;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>The guide's lifecycle over real HTTP: submit → review → register → verify, and what branches off it.</summary>
[TestFixture]
public sealed class SenderLifecycleTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _emulator = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Manual);

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [SetUp]
    public void NewProject() => _project = EmulatorHarness.NewProject();

    [Test]
    public async Task Create_SubmitGuideBody_ReturnsInProgressChangesWithoutStateOrDetails()
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());

        var sender = await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkSenderDto");
        Assert.Multiple(() =>
        {
            Assert.That(sender["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
            Assert.That(Guid.TryParse(sender["id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(sender["state"], Is.Null);
            Assert.That(sender["details"], Is.Null);
            Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(sender["changes"]!["details"]!["adminPhoneNo"]!.GetValue<string>(), Is.EqualTo("+48777777777"));
            Assert.That(sender["created"]!.GetValue<string>(), Is.EqualTo("2026-03-01T09:00:00.000Z"));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith("/kakaotalk/senders/%40sinch-demo"));
        });
    }

    [Test]
    public async Task FullLifecycle_ApproveRegisterVerify_EndsActiveWithActivitiesNewestFirst()
    {
        await _emulator.CreateSenderAsync(_project);
        using (var approve = await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/approve", null))
        {
            Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var approved = await _emulator.GetSenderAsync(_project);
        Assert.Multiple(() =>
        {
            Assert.That(approved["state"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
            Assert.That(approved["changes"], Is.Null);
            Assert.That(approved["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Sinch Demo Shop"));
        });

        _emulator.Time.Advance(TimeSpan.FromMinutes(1));
        using var register = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);
        var verifying = await ApiAssert.SucceedsAsync(register, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.That(verifying["state"]!.GetValue<string>(), Is.EqualTo("VERIFYING"));

        int code = await _emulator.GetOtpAsync(_project);
        Assert.That(code, Is.InRange(0, 999_999));
        using var verify = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", $$"""{"code": {{code}}}""");
        var active = await ApiAssert.SucceedsAsync(verify, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.Multiple(() =>
        {
            Assert.That(active["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(active["modified"]!.GetValue<string>(), Is.EqualTo("2026-03-01T09:01:00.000Z"));
        });

        using var activities = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project) + "/activities");
        var list = await ApiAssert.SucceedsAsync(activities, HttpStatusCode.OK, "KakaotalkSenderNotificationListDto");
        var types = list["notifications"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).ToArray();
        Assert.That(types, Is.EqualTo(new[] { "ACTIVE", "INACTIVE", "IN_PROGRESS", "CREATED" }));
    }

    [Test]
    public async Task Reject_WithComment_ChangesRejectedAndCommentInActivities()
    {
        await _emulator.CreateSenderAsync(_project);

        using var reject = await _emulator.PostAsync(EmulatorHarness.Control(_project) + "/reject", """{"comment": "Logo is blurry."}""", _emulator.Anonymous);
        Assert.That(reject.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var sender = await _emulator.GetSenderAsync(_project);
        Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
        using var activities = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project) + "/activities");
        var newest = (await EmulatorHarness.ReadJsonAsync(activities))!["notifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(newest["comment"]!.GetValue<string>(), Is.EqualTo("Logo is blurry."));
        });
    }

    [Test]
    public async Task Patch_RejectedWithSubmit_ResubmitsMergedDetails()
    {
        await _emulator.CreateSenderAsync(_project);
        (await _emulator.PostAsync(EmulatorHarness.Control(_project) + "/reject", """{"comment": "Wrong name."}""", _emulator.Anonymous)).Dispose();

        using var patch = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"name": "Sinch Demo Store"}}""");

        var sender = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.Multiple(() =>
        {
            Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(sender["changes"]!["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Sinch Demo Store"));
            Assert.That(sender["changes"]!["details"]!["topLevelCategoryCode"]!.GetValue<string>(), Is.EqualTo("019"));
        });
    }

    [Test]
    public async Task Patch_WithoutStatus_SavesDraftBecauseTheApiDefaultIsDraft()
    {
        await _emulator.CreateSenderAsync(_project);
        (await _emulator.PostAsync(EmulatorHarness.Control(_project) + "/reject", "{}", _emulator.Anonymous)).Dispose();

        using var patch = await _emulator.PatchAsync(EmulatorHarness.Sender(_project), """{"details": {"name": "Draft Name"}}""");

        var sender = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Patch_ActiveSender_KeepsStateActiveWithChangesInProgressUntilApproved()
    {
        await using var auto = await EmulatorHarness.StartAsync();
        await auto.CreateActiveSenderAsync(_project);
        (await auto.PostAsync("_emulator/review-policy", """{"mode": "manual"}""", auto.Anonymous)).Dispose();

        using var patch = await auto.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"name": "Renamed Shop"}}""");
        var edited = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.Multiple(() =>
        {
            Assert.That(edited["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(edited["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(edited["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Sinch Demo Shop"));
        });

        (await auto.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/approve", null)).Dispose();
        var approved = await auto.GetSenderAsync(_project);
        Assert.Multiple(() =>
        {
            Assert.That(approved["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(approved["changes"], Is.Null);
            Assert.That(approved["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Renamed Shop"));
        });
    }

    [Test]
    public async Task Create_Draft_KeepsPartialDetailsAndNeverReviews()
    {
        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), """{"plusFriendId": "@draft", "status": "DRAFT", "details": {"name": "Only a name"}}""");

        var sender = await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkSenderDto");
        Assert.Multiple(() =>
        {
            Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
            Assert.That(sender["changes"]!["details"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "name" }));
        });
    }

    [Test]
    public async Task Create_SaveDraftOnFailureWithUnknownCategory_AnswersErrorAndKeepsDraft()
    {
        string body = EmulatorHarness.SampleCreateBody("@fallback").Replace("\"019\"", "\"999\"", StringComparison.Ordinal)
            .Replace("\"status\": \"SUBMIT\",", "\"status\": \"SUBMIT\", \"saveDraftOnFailure\": true,", StringComparison.Ordinal);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        await ApiAssert.FailsAsync(response, "sender_invalid_category_code");
        var sender = await _emulator.GetSenderAsync(_project, "@fallback");
        Assert.That(sender["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Create_UnknownCategoryWithoutSaveDraft_AnswersErrorAndCreatesNothing()
    {
        string body = EmulatorHarness.SampleCreateBody().Replace("\"0006\"", "\"0099\"", StringComparison.Ordinal);

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), body);

        await ApiAssert.FailsAsync(response, "sender_invalid_category_code");
        using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));
        await ApiAssert.FailsAsync(get, "sender_not_found");
    }

    [Test]
    public async Task Delete_ThenGetSecondDeleteAndRecreate_Answer404Then409s()
    {
        await _emulator.CreateSenderAsync(_project);

        using var delete = await _emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));
        await ApiAssert.FailsAsync(get, "sender_not_found");
        using var again = await _emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project));
        await ApiAssert.FailsAsync(again, "sender_already_deleted");
        using var recreate = await _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());
        await ApiAssert.FailsAsync(recreate, "plus_friend_id_used");
    }

    [Test]
    public async Task Delete_After60Days_PlusFriendIdCanBeUsedAgain()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        await emulator.CreateSenderAsync(_project);
        (await emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project))).Dispose();

        emulator.Time.Advance(TimeSpan.FromDays(60));

        using var recreate = await emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());
        Assert.That(recreate.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Delete_UnknownSender_AnswersSenderNotFound()
    {
        using var response = await _emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project, "@nobody"));

        await ApiAssert.FailsAsync(response, "sender_not_found");
    }

    [Test]
    public async Task DeleteChanges_RejectedChangesOfActiveSender_ClearsChangesKeepsDetails()
    {
        await using var auto = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Approve);
        await auto.CreateActiveSenderAsync(_project);
        (await auto.PostAsync("_emulator/review-policy", """{"mode": "reject", "comment": "No."}""", auto.Anonymous)).Dispose();
        (await auto.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"name": "New"}}""")).Dispose();
        Assert.That((await auto.GetSenderAsync(_project))["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"));

        using var delete = await auto.Client.DeleteAsync(EmulatorHarness.Sender(_project) + "/changes");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var sender = await auto.GetSenderAsync(_project);
        Assert.Multiple(() =>
        {
            Assert.That(sender["changes"], Is.Null);
            Assert.That(sender["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(sender["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Sinch Demo Shop"));
        });
    }

    [Test]
    public async Task DeleteChanges_InProgress_AnswersNotDeletable()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project) + "/changes");

        await ApiAssert.FailsAsync(response, "sender_changes_not_deletable");
    }

    [Test]
    public async Task DeleteChanges_NoChanges_AnswersChangesNotFound()
    {
        await _emulator.CreateSenderAsync(_project);
        (await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/approve", null)).Dispose();

        using var response = await _emulator.Client.DeleteAsync(EmulatorHarness.Sender(_project) + "/changes");

        await ApiAssert.FailsAsync(response, "sender_changes_not_found");
    }

    [Test]
    public async Task Comments_Add_Returns201AndAppearsAsActivity()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/comments", """{"comment": "Please hurry 🙏"}""");

        var comment = await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkCommentDto");
        Assert.That(comment["type"]!.GetValue<string>(), Is.EqualTo("CREATED"));
        using var activities = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project) + "/activities?pageSize=1");
        var newest = (await EmulatorHarness.ReadJsonAsync(activities))!["notifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("COMMENT_ADDED"));
            Assert.That(newest["comment"]!.GetValue<string>(), Is.EqualTo("Please hurry 🙏"));
        });
    }

    [Test]
    public async Task Register_WhileInReview_AnswersNotAllowedRegister()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);

        await ApiAssert.FailsAsync(response, "not_allowed_register");
    }

    [Test]
    public async Task Register_ActiveSender_AnswersNotAllowedRegister()
    {
        await using var auto = await EmulatorHarness.StartAsync();
        await auto.CreateActiveSenderAsync(_project);

        using var response = await auto.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);

        await ApiAssert.FailsAsync(response, "not_allowed_register");
    }

    [Test]
    public async Task Verify_NotVerifying_AnswersNotAllowedVerify()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", """{"code": 123456}""");

        await ApiAssert.FailsAsync(response, "not_allowed_verify");
    }

    [Test]
    public async Task ControlState_Suspended_ShowsInGetAndIsNotUpdatable()
    {
        await using var auto = await EmulatorHarness.StartAsync();
        await auto.CreateActiveSenderAsync(_project);

        using var state = await auto.PostAsync(EmulatorHarness.Control(_project) + "/state", """{"state": "SUSPENDED"}""", auto.Anonymous);
        Assert.That(state.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await auto.GetSenderAsync(_project))["state"]!.GetValue<string>(), Is.EqualTo("SUSPENDED"));
        using var patch = await auto.PatchAsync(EmulatorHarness.Sender(_project), """{"status": "SUBMIT", "details": {"name": "x"}}""");
        await ApiAssert.FailsAsync(patch, "sender_not_updatable");
    }

    [Test]
    public async Task ControlDetails_OutOfBandEdit_ChangesLiveDetails()
    {
        await _emulator.CreateSenderAsync(_project);
        (await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project) + "/approve", null)).Dispose();

        using var response = await _emulator.PostAsync(EmulatorHarness.Control(_project) + "/details", """{"name": "Changed Elsewhere"}""", _emulator.Anonymous);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _emulator.GetSenderAsync(_project))["details"]!["name"]!.GetValue<string>(), Is.EqualTo("Changed Elsewhere"));
    }

    [Test]
    public async Task ControlOtp_NoCode_Answers404()
    {
        await _emulator.CreateSenderAsync(_project);

        using var response = await _emulator.Anonymous.GetAsync(EmulatorHarness.Control(_project) + "/otp");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Categories_Tree_ValidatesAndContainsGuideTripleAndFactsExample()
    {
        using var response = await _emulator.Client.GetAsync($"v1/projects/{_project}/kakaotalk/categories/senders");

        var tree = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderCategoryListDto");
        var top019 = tree["categories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "019")!;
        var mid0006 = top019["subcategories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "0006")!;
        var sub0001 = mid0006["subcategories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "0001")!;
        Assert.Multiple(() =>
        {
            Assert.That(sub0001["depth"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(sub0001["parentCode"]!.GetValue<string>(), Is.EqualTo("0006"));
            Assert.That(mid0006["parentCode"]!.GetValue<string>(), Is.EqualTo("019"));
        });

        // Every code of the facts' example sits at the same place, with the same Korean name.
        foreach (var exampleTop in FactsSchemas.Example("senderCategories")["categories"]!.AsArray())
        {
            var top = tree["categories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == exampleTop!["code"]!.GetValue<string>())!;
            Assert.That(top["name"]!.GetValue<string>(), Is.EqualTo(exampleTop!["name"]!.GetValue<string>()));
            foreach (var exampleMid in exampleTop["subcategories"]!.AsArray())
            {
                var mid = top["subcategories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == exampleMid!["code"]!.GetValue<string>())!;
                Assert.That(mid["name"]!.GetValue<string>(), Is.EqualTo(exampleMid!["name"]!.GetValue<string>()));
                foreach (var exampleSub in exampleMid["subcategories"]!.AsArray())
                {
                    Assert.That(
                        mid["subcategories"]!.AsArray().Any(s => s!["code"]!.GetValue<string>() == exampleSub!["code"]!.GetValue<string>() && s["name"]!.GetValue<string>() == exampleSub["name"]!.GetValue<string>()),
                        Is.True,
                        $"{exampleTop["code"]}/{exampleMid["code"]}/{exampleSub!["code"]}");
                }
            }
        }
    }
}
