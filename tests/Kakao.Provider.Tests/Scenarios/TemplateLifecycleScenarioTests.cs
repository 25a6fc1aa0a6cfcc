using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// kakao:index:KakaoTemplate against the emulator, step by step as the engine drives it (pulumi-go-provider's
/// LifeCycleTest as model): preview, create, refresh after Kakao's verdict, resubmission, replace, import, delete.
/// </summary>
[Category("Scenario")]
public class TemplateLifecycleScenarioTests
{
    [Test]
    public async Task Preview_NewTemplate_PlansCreateWithoutAnyApiCall()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        var before = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count;

        var preview = await scenario.Session.PreviewAsync(TemplateWorld.TemplateType, "template", TemplateWorld.Inputs(), scenario.Token);

        var requests = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Skip(before).Select(r => $"{r.Method} {r.Path}").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(preview.PlannedOutputs["code"].IsUnknown, Is.True, "the code is assigned by the API");
            Assert.That(requests, Is.Empty);
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task Preview_NewTemplateWithUnknownContent_KeepsItAndTheVariablesUnknown()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;

        var preview = await scenario.Session.PreviewAsync(
            TemplateWorld.TemplateType, "template", TemplateWorld.Inputs().With("content", PropertyValue.Unknown()), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(preview.Check.Failures, Is.Empty);
            Assert.That(preview.PlannedOutputs["content"].IsUnknown, Is.True);
            Assert.That(preview.PlannedOutputs["variables"].IsUnknown, Is.True, "the variables come from the content");
            Assert.That(preview.PlannedOutputs["name"], Is.EqualTo(PropertyValue.String("order-shipped")));
        });
    }

    [Test]
    public async Task UpThenRefresh_SecretContent_KeepsTheContentAndTheVariablesTakenFromItSecret()
    {
        var (scenario, world) = await TemplateWorld.StartAsync(review: "approve");
        await using var _ = scenario;

        var up = await world.UpAsync(TemplateWorld.Inputs().With("content", PropertyValue.Secret(TemplateWorld.Content)));
        var refresh = await scenario.Session.RefreshAsync(world.Urn(), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(up.State.Outputs["content"].IsSecret, Is.True);
            Assert.That(up.State.Outputs["variables"].IsSecret, Is.True, "the variable names are part of the secret content");
            Assert.That(refresh.After!.Outputs["content"].IsSecret, Is.True);
            Assert.That(refresh.After.Outputs["variables"].IsSecret, Is.True);
            Assert.That(refresh.After.Inputs["content"].IsSecret, Is.True);
        });
    }

    [Test]
    public async Task Invoke_GetTemplateWithASecretPlusFriendId_EchoesItSecret()
    {
        var (scenario, world) = await TemplateWorld.StartAsync(review: "approve");
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());

        var result = await scenario.Session.InvokeAsync(
            "kakao:index:getTemplate",
            new PropertyMap { ["plusFriendId"] = PropertyValue.Secret(TemplateWorld.Sender), ["code"] = world.CodeOf() },
            scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Return["plusFriendId"], Is.EqualTo(PropertyValue.Secret(TemplateWorld.Sender)), "an argument the program marked secret stays secret");
            Assert.That(result.Return["code"].IsSecret, Is.False);
        });
    }

    [Test]
    public async Task Up_NewTemplate_SubmitsItAndRecordsCodeStatusAndVariables()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;

        var up = await world.UpAsync(TemplateWorld.Inputs());

        var outputs = up.State.Outputs;
        string code = outputs["code"].StringValue!;
        var posts = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "POST" && r.Path.EndsWith("/templates", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(up.State.Id, Is.EqualTo($"{TemplateWorld.Sender}/{code}"));
            Assert.That(outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(outputs["changesStatus"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(outputs["variables"], Is.EqualTo(PropertyValue.Array(PropertyValue.String("customer"), PropertyValue.String("trackingNo"))));
            Assert.That(posts, Has.Length.EqualTo(1));
            Assert.That(posts[0].Body, Does.Contain("\"ordering\":1").And.Contain("SUBMIT"));
            Assert.That((await world.GetAsync(code))!["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
        });
    }

    [Test]
    public async Task Refresh_AfterApproval_ShowsApprovedAsDrift()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());

        await world.ApproveAsync(world.CodeOf());
        var refresh = await scenario.Session.RefreshAsync(world.Urn(), scenario.Token);

        var outputs = refresh.After!.Outputs;
        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Does.Contain("status").And.Contain("state"));
            Assert.That(outputs["status"], Is.EqualTo(PropertyValue.String("APPROVED")));
            Assert.That(outputs["state"], Is.EqualTo(PropertyValue.String("APPROVED")));
            Assert.That(refresh.Drift!.Changes, Is.EqualTo(DiffChanges.None), "an approval is no drift of what the user declared");
        });
    }

    [Test]
    public async Task Refresh_AfterRejection_ShowsRejectedWithTheReviewersComment()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());

        await world.RejectAsync(world.CodeOf(), "Say what the message is about before the variables.");
        var refresh = await scenario.Session.RefreshAsync(world.Urn(), scenario.Token);

        var outputs = refresh.After!.Outputs;
        Assert.Multiple(() =>
        {
            Assert.That(outputs["status"], Is.EqualTo(PropertyValue.String("REJECTED")));
            Assert.That(outputs["state"], Is.EqualTo(PropertyValue.String("REJECTED")));
            Assert.That(outputs["comment"], Is.EqualTo(PropertyValue.String("Say what the message is about before the variables.")));
        });
    }

    [Test]
    public async Task Up_ChangedContentAfterRejection_ResubmitsWithOnePatch()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());
        await world.RejectAsync(world.CodeOf(), "Too vague.");
        await scenario.Session.RefreshAsync(world.Urn(), scenario.Token);

        var up = await world.UpAsync(TemplateWorld.Inputs().With("content", "#{customer}님, 주문 #{orderNo} 상품이 발송되었습니다."));

        var patches = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "PATCH").ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(patches, Has.Length.EqualTo(1));
            Assert.That(patches[0].Body, Does.Contain("SUBMIT").And.Contain("orderNo"));
            Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(up.State.Outputs["variables"], Is.EqualTo(PropertyValue.Array(PropertyValue.String("customer"), PropertyValue.String("orderNo"))));
            Assert.That((await world.GetAsync(world.CodeOf()))!["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
        });
    }

    [Test]
    public async Task Preview_EditWhileKakaoInspects_StopsWithWhatToWaitForAndNoWrite()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());
        int writes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method is "POST" or "PATCH" or "DELETE");

        var error = Assert.CatchAsync(() => scenario.Session.PreviewAsync(TemplateWorld.TemplateType, "template", TemplateWorld.Inputs().With("content", "changed #{customer}"), scenario.Token));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Message, Does.Contain("inspecting").And.Contain("wait"));
            Assert.That((await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method is "POST" or "PATCH" or "DELETE"), Is.EqualTo(writes));
        });
    }

    [Test]
    public async Task Up_ChangedLanguage_ReplacesTheTemplate()
    {
        var (scenario, world) = await TemplateWorld.StartAsync(review: "approve");
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());
        await scenario.Session.RefreshAsync(world.Urn(), scenario.Token);
        string old = world.CodeOf();

        var up = await world.UpAsync(TemplateWorld.Inputs(language: "EN"));

        Assert.Multiple(async () =>
        {
            Assert.That(up.Diff!.Replaces, Is.EqualTo(new[] { "language" }));
            Assert.That(up.Diff.DetailedDiff["language"].Kind, Is.EqualTo(PropertyDiffKind.UpdateReplace));
            Assert.That(up.Diff.DetailedDiff.Values.Where(d => d.Kind != PropertyDiffKind.UpdateReplace), Is.Empty, "nothing else changed");
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(world.CodeOf(), Is.Not.EqualTo(old));
            Assert.That(await world.GetAsync(old), Is.Null, "the old template is deleted (first: names are unique per sender)");
            var created = (await world.GetAsync(world.CodeOf()))!;
            Assert.That((created["changes"]?["details"] ?? created["details"])!["language"]!.GetValue<string>(), Is.EqualTo("EN"));
        });
    }

    [Test]
    public async Task PulumiImport_TemplateMadeElsewhere_ImportsWithoutWarningsAndNoDiff()
    {
        var (scenario, world) = await TemplateWorld.StartAsync(review: "approve");
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs(), "created-elsewhere");
        string code = world.CodeOf("created-elsewhere");
        scenario.Session.State.Remove(world.Urn("created-elsewhere"));

        var import = await scenario.Session.ImportAsync(TemplateWorld.TemplateType, "imported", $"{TemplateWorld.Sender}/{code}", scenario.Token);
        var up = await world.UpAsync(TemplateWorld.Inputs(), "imported");

        Assert.Multiple(() =>
        {
            Assert.That(import.Warnings, Is.Empty, "the inputs Read returns pass the provider's own Check");
            Assert.That(import.State.Inputs["name"], Is.EqualTo(PropertyValue.String("order-shipped")));
            Assert.That(import.State.Outputs["status"], Is.EqualTo(PropertyValue.String("APPROVED")));
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same), "the declaration equals the imported template");
        });
    }

    [Test]
    public async Task Destroy_Template_DeletesIt()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());
        string code = world.CodeOf();

        await scenario.Session.DestroyAsync(world.Urn(), scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(await world.GetAsync(code), Is.Null);
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task Destroy_TemplateAlreadyDeletedElsewhere_Succeeds()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await world.UpAsync(TemplateWorld.Inputs());
        await world.DeleteAsync(world.CodeOf());

        await scenario.Session.DestroyAsync(world.Urn(), scenario.Token);

        var deletes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "DELETE").Select(r => r.Status).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(deletes, Is.EqualTo(new[] { 204, 404 }), "template_not_found counts as deleted");
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }
}
