using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>The template lifecycle of the facts over real HTTP: submit → inspection → approved or rejected, edits, deletes.</summary>
[TestFixture]
public sealed class TemplateLifecycleTests : ActiveSenderFixture
{
    [Test]
    public async Task Create_Submit_ReturnsInProgressChangesWithDefaultsAndNoState()
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), TemplateApi.Body());

        var template = await ApiAssert.SucceedsAsync(response, HttpStatusCode.Created, "KakaotalkTemplateDto");
        var details = template["changes"]!["details"]!;
        Assert.Multiple(() =>
        {
            Assert.That(template["state"], Is.Null);
            Assert.That(template["details"], Is.Null);
            Assert.That(template["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(TemplateApi.Code(template), Does.Match("^[A-Za-z0-9]{20}$"));
            Assert.That(Guid.TryParse(template["id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(details["messageType"]!.GetValue<string>(), Is.EqualTo("BASIC"));
            Assert.That(details["emphasizeType"]!.GetValue<string>(), Is.EqualTo("EMPHASIZE_TYPE_NONE"));
            Assert.That(details["securityFlag"]!.GetValue<bool>(), Is.False);
            Assert.That(details["language"]!.GetValue<string>(), Is.EqualTo("KO"));
            Assert.That(FactsSchemas.Validate(details, "KakaotalkTemplateDetailsDto"), Is.Empty, "a submission holds full details");
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith("/templates/" + TemplateApi.Code(template)));
        });
    }

    [Test]
    public async Task Create_WithoutCategory_DefaultsToOthers999999()
    {
        var template = await TemplateApi.CreateAsync(Emulator, Project, """{"details": {"name": "plain", "language": "EN", "content": "Hello"}}""");

        Assert.That(template["changes"]!["details"]!["categoryCode"]!.GetValue<string>(), Is.EqualTo("999999"));
    }

    [Test]
    public async Task Approve_InProgress_SetsStateApprovedWithDetailsAndNoChanges()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        var approved = await TemplateApi.GetAsync(Emulator, Project, code);
        Assert.Multiple(() =>
        {
            Assert.That(approved["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(approved["changes"], Is.Null);
            Assert.That(approved["details"]!["name"]!.GetValue<string>(), Is.EqualTo("order-shipped"));
        });
    }

    [Test]
    public async Task Reject_FirstSubmission_SetsStateRejectedAndCommentInActivities()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        await TemplateApi.ControlAsync(Emulator, Project, code, "reject", """{"comment": "Variables may not stand for the whole message."}""");

        var rejected = await TemplateApi.GetAsync(Emulator, Project, code);
        using var activities = await Emulator.Client.GetAsync(TemplateApi.One(Project, code) + "/activities");
        var list = await ApiAssert.SucceedsAsync(activities, HttpStatusCode.OK, "KakaotalkTemplateNotificationListDto");
        var newest = list["notifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(rejected["state"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(rejected["changes"], Is.Null);
            Assert.That(rejected["details"]!["content"]!.GetValue<string>(), Does.StartWith("#{customer}"));
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(newest["comment"]!.GetValue<string>(), Is.EqualTo("Variables may not stand for the whole message."));
            Assert.That(newest["author"]!.GetValue<string>(), Is.EqualTo("KakaoTalk"));
            Assert.That(list["notifications"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "REJECTED", "IN_PROGRESS", "CREATED" }));
            Assert.That(list["notifications"]![2]!["author"]!.GetValue<string>(), Is.EqualTo("Provisioning API user"));
        });
    }

    [Test]
    public async Task Patch_RejectedWithSubmit_ResubmitsAndApprovalReplacesDetails()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "reject", """{"comment": "Too vague."}""");

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"status": "SUBMIT", "details": {"content": "#{customer}님, 주문 #{orderNo} 상품이 발송되었습니다."}}""");
        var resubmitted = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkTemplateDto");
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        var approved = await TemplateApi.GetAsync(Emulator, Project, code);
        Assert.Multiple(() =>
        {
            Assert.That(resubmitted["state"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(resubmitted["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(resubmitted["changes"]!["details"]!["language"]!.GetValue<string>(), Is.EqualTo("KO"), "full details, language included");
            Assert.That(approved["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(approved["details"]!["content"]!.GetValue<string>(), Does.Contain("#{orderNo}"));
        });
    }

    [Test]
    public async Task Patch_WithoutStatus_SavesDraftBecauseTheApiDefaultIsDraft()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"extra": null, "content": "Edited"}}""");

        var edited = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkTemplateDto");
        Assert.Multiple(() =>
        {
            Assert.That(edited["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(edited["details"]!["content"]!.GetValue<string>(), Does.StartWith("#{customer}"), "the approved version stays live");
            Assert.That(edited["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
            Assert.That(edited["changes"]!["details"]!["content"]!.GetValue<string>(), Is.EqualTo("Edited"));
        });
    }

    [Test]
    public async Task Patch_NullButtons_ClearsThem()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"status": "SUBMIT", "details": {"buttons": null}}""");

        var edited = await ApiAssert.SucceedsAsync(patch, HttpStatusCode.OK, "KakaotalkTemplateDto");
        Assert.That(edited["changes"]!["details"]!["buttons"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Patch_FirstSubmissionInProgress_AnswersTemplateNotUpdatable()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"content": "x"}}""");

        await ApiAssert.FailsAsync(patch, "template_not_updatable");
    }

    [Test]
    public async Task Patch_ApprovedWithChangesInProgress_AnswersTemplateChangesNotUpdatable()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");
        (await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"status": "SUBMIT", "details": {"content": "v2"}}""")).Dispose();

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"content": "v3"}}""");

        await ApiAssert.FailsAsync(patch, "template_changes_not_updatable");
    }

    [Test]
    public async Task Reject_EditOfApprovedTemplate_KeepsApprovedAndMarksChangesRejected()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");
        (await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"status": "SUBMIT", "details": {"content": "v2"}}""")).Dispose();

        await TemplateApi.ControlAsync(Emulator, Project, code, "reject");

        var template = await TemplateApi.GetAsync(Emulator, Project, code);
        Assert.Multiple(() =>
        {
            Assert.That(template["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(template["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(template["changes"]!["details"]!["content"]!.GetValue<string>(), Is.EqualTo("v2"));
        });
    }

    [Test]
    public async Task Patch_Language_IsRefusedBecauseItIsFixedAfterCreation()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"language": "EN"}}""");

        var error = await ApiAssert.FailsAsync(patch, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Is.EqualTo(new[] { "property details.language should not exist" }));
    }

    [Test]
    public async Task Create_SameNameTwice_AnswersTemplateExists()
    {
        await TemplateApi.CreateAsync(Emulator, Project);

        using var second = await Emulator.PostAsync(TemplateApi.List(Project), TemplateApi.Body());

        await ApiAssert.FailsAsync(second, "template_exists");
    }

    [Test]
    public async Task Patch_RenameOntoAnotherTemplatesName_AnswersTemplateExists()
    {
        await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("first"));
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body("second")));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"name": "first"}}""");

        await ApiAssert.FailsAsync(patch, "template_exists");
    }

    [Test]
    public async Task Create_Draft_ThenPatchSubmit_GoesToInspection()
    {
        var draft = await TemplateApi.CreateAsync(Emulator, Project, """{"status": "DRAFT", "details": {"name": "draft-only", "language": "KO"}}""");
        Assert.That(draft["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));

        using var submit = await Emulator.PatchAsync(TemplateApi.One(Project, TemplateApi.Code(draft)), """{"status": "SUBMIT", "details": {"content": "Now complete"}}""");

        var submitted = await ApiAssert.SucceedsAsync(submit, HttpStatusCode.OK, "KakaotalkTemplateDto");
        Assert.That(submitted["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
    }

    [Test]
    public async Task Patch_SubmitDraftWithoutContent_AnswersInvalidInput()
    {
        var draft = await TemplateApi.CreateAsync(Emulator, Project, """{"status": "DRAFT", "details": {"name": "empty", "language": "KO"}}""");

        using var submit = await Emulator.PatchAsync(TemplateApi.One(Project, TemplateApi.Code(draft)), """{"status": "SUBMIT"}""");

        var error = await ApiAssert.FailsAsync(submit, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Is.EqualTo(new[] { "details.content should not be empty" }));
    }

    [Test]
    public async Task DeleteChanges_NeverSubmittedDraft_RemovesTheTemplate()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project, TemplateApi.Body(status: "DRAFT")));

        using var delete = await Emulator.Client.DeleteAsync(TemplateApi.One(Project, code) + "/changes");
        using var get = await Emulator.Client.GetAsync(TemplateApi.One(Project, code));

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ApiAssert.FailsAsync(get, "template_not_found");
    }

    [Test]
    public async Task DeleteChanges_DraftEditOfApproved_KeepsApprovedVersion()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");
        (await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"details": {"content": "draft"}}""")).Dispose();

        using var delete = await Emulator.Client.DeleteAsync(TemplateApi.One(Project, code) + "/changes");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var template = await TemplateApi.GetAsync(Emulator, Project, code);
        Assert.Multiple(() =>
        {
            Assert.That(template["changes"], Is.Null);
            Assert.That(template["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
        });
    }

    [Test]
    public async Task DeleteChanges_Submitted_AnswersTemplateNotDeletable()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        using var delete = await Emulator.Client.DeleteAsync(TemplateApi.One(Project, code) + "/changes");

        await ApiAssert.FailsAsync(delete, "template_not_deletable");
    }

    [Test]
    public async Task Delete_ApprovedTemplate_Answers204ThenNotFoundAndFreesTheName()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));
        await TemplateApi.ControlAsync(Emulator, Project, code, "approve");

        using var delete = await Emulator.Client.DeleteAsync(TemplateApi.One(Project, code));
        using var again = await Emulator.Client.DeleteAsync(TemplateApi.One(Project, code));

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ApiAssert.FailsAsync(again, "template_not_found");
        await TemplateApi.CreateAsync(Emulator, Project);
    }

    [Test]
    public async Task Comment_OnTemplate_Answers201AndShowsAsActivity()
    {
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(Emulator, Project));

        using var comment = await Emulator.PostAsync(TemplateApi.One(Project, code) + "/comments", """{"comment": "The variable is the customer's name."}""");

        var created = await ApiAssert.SucceedsAsync(comment, HttpStatusCode.Created, "KakaotalkCommentDto");
        using var activities = await Emulator.Client.GetAsync(TemplateApi.One(Project, code) + "/activities?pageSize=1");
        var newest = (await EmulatorHarness.ReadJsonAsync(activities))!["notifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(created["type"]!.GetValue<string>(), Is.EqualTo("CREATED"));
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("COMMENT_ADDED"));
            Assert.That(newest["comment"]!.GetValue<string>(), Is.EqualTo("The variable is the customer's name."));
        });
    }

    [Test]
    public async Task Create_ForSenderThatIsNotActive_AnswersSenderNotActiveNamingItsState()
    {
        await Emulator.CreateSenderAsync(Project, "@not-yet");
        (await Emulator.Anonymous.PostAsync(EmulatorHarness.Control(Project, "@not-yet") + "/approve", null)).Dispose();

        using var response = await Emulator.PostAsync(TemplateApi.List(Project, "@not-yet"), TemplateApi.Body());

        string text = await response.Content.ReadAsStringAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(409), text);
            Assert.That(body["errorCode"]!.GetValue<string>(), Is.EqualTo("sender_not_active"));
            Assert.That(body["message"]!.GetValue<string>(), Does.Contain("INACTIVE"));
            Assert.That(FactsSchemas.Validate(body, "KakaotalkPapiErrorDto"), Is.Empty);
        });
    }

    [Test]
    public async Task AnyRoute_UnknownSenderOrTemplate_AnswersTheirNotFound()
    {
        using var sender = await Emulator.Client.GetAsync(TemplateApi.List(Project, "@nobody"));
        using var template = await Emulator.Client.GetAsync(TemplateApi.One(Project, "AAAAAAAAAAAAAAAAAAAA"));
        using var approve = await Emulator.Anonymous.PostAsync(TemplateApi.Control(Project, "AAAAAAAAAAAAAAAAAAAA") + "/approve", null);

        await ApiAssert.FailsAsync(sender, "sender_not_found");
        await ApiAssert.FailsAsync(template, "template_not_found");
        await ApiAssert.FailsAsync(approve, "template_not_found");
    }
}
