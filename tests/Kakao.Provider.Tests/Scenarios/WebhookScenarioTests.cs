using System.Text.Json.Nodes;
using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Testing;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary><c>kakao:index:Webhook</c> driven as the engine drives it, against the emulator.</summary>
[Category("Scenario")]
public class WebhookScenarioTests
{
    private const string WebhookType = "kakao:index:Webhook";

    private static PropertyMap Inputs(string target = "https://hooks.example.com/kakao", string secret = "s3cret-one", params string[] triggers) => new()
    {
        ["target"] = target,
        ["secret"] = PropertyValue.Secret(secret),
        ["triggers"] = PropertyValue.Array(triggers.Length == 0 ? ["KAKAOTALK_SENDER_ACTIVE"] : triggers.Select(t => PropertyValue.String(t))),
    };

    private static Task<UpResult> UpAsync(Scenario scenario, PropertyMap inputs, string name = "hook") =>
        scenario.Session.UpAsync(WebhookType, name, inputs, scenario.Token);

    private static ResourceUrn Urn(Scenario scenario, string name = "hook") => scenario.Session.Urn(WebhookType, name);

    private static async Task<IReadOnlyList<EmulatorRequest>> WebhookWritesAsync(Scenario scenario) =>
        [.. (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Path.Contains("/webhooks", StringComparison.Ordinal) && r.Method is "POST" or "PUT" or "PATCH" or "DELETE")];

    [Test]
    public async Task Create_NewWebhook_RecordsItsIdProjectAndSecret()
    {
        await using var scenario = await Scenario.StartAsync();

        var up = await UpAsync(scenario, Inputs(triggers: ["ALL"]));

        var (status, live) = await scenario.Api.WebhookApiAsync(HttpMethod.Get, up.State.Id, null, scenario.Token);
        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(up.State.Id, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(up.State.Outputs["webhookId"], Is.EqualTo(PropertyValue.String(up.State.Id)));
            Assert.That(up.State.Outputs["projectId"], Is.EqualTo(PropertyValue.String(Scenario.ProjectId)));
            Assert.That(up.State.Outputs["secret"].IsSecret, Is.True, "the signing secret is secret in state");
            Assert.That(status, Is.EqualTo(200));
            Assert.That(live!["triggers"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "ALL" }));
        });
    }

    [Test]
    public async Task Update_NewTargetAndTriggers_PatchesTheSameWebhookWithoutDeleteOrCreate()
    {
        await using var scenario = await Scenario.StartAsync();
        var created = await UpAsync(scenario, Inputs());

        var updated = await UpAsync(scenario, Inputs(target: "https://hooks.example.com/v2", triggers: ["KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_TEMPLATE_APPROVED"]));

        var writes = await WebhookWritesAsync(scenario);
        Assert.Multiple(() =>
        {
            Assert.That(updated.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(updated.Diff!.Replaces, Is.Empty);
            Assert.That(updated.State.Id, Is.EqualTo(created.State.Id));
            Assert.That(writes.Select(w => w.Method), Is.EqualTo(new[] { "POST", "PATCH" }), "one create, then one PATCH: never a window without a subscription");
            Assert.That(updated.State.Outputs["target"], Is.EqualTo(PropertyValue.String("https://hooks.example.com/v2")));
        });
    }

    [Test]
    public async Task Update_RotatedSecret_PatchesOnlyTheSecret()
    {
        await using var scenario = await Scenario.StartAsync();
        await UpAsync(scenario, Inputs());

        var rotated = await UpAsync(scenario, Inputs(secret: "s3cret-two"));

        var patch = (await WebhookWritesAsync(scenario)).Single(w => w.Method == "PATCH");
        var body = JsonNode.Parse(patch.Body!)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(rotated.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(body.Select(kv => kv.Key), Is.EqualTo(new[] { "secret" }));
            Assert.That(rotated.State.Outputs["secret"], Is.EqualTo(PropertyValue.Secret("s3cret-two")));
        });
    }

    [Test]
    public async Task ImportOption_ExistingWebhookDeclaredAsIs_AdoptsItWithoutDiffOrWrites()
    {
        await using var scenario = await Scenario.StartAsync();
        var original = await UpAsync(scenario, Inputs(), "created-elsewhere");
        scenario.Session.State.Remove(Urn(scenario, "created-elsewhere"));

        var import = await scenario.Session.UpAsync(WebhookType, "imported", Inputs(), new ResourceOptions { ImportId = original.State.Id }, scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(import.Operation, Is.EqualTo(ResourceOperation.Import));
            Assert.That(import.Diff!.Changes, Is.EqualTo(DiffChanges.None), "the secret Sinch never returns is taken as declared");
            Assert.That((await WebhookWritesAsync(scenario)).Select(w => w.Method), Is.EqualTo(new[] { "POST" }));
        });
    }

    [Test]
    public async Task Refresh_TargetChangedOutOfBand_ShowsTheDrift()
    {
        await using var scenario = await Scenario.StartAsync();
        var up = await UpAsync(scenario, Inputs());
        await scenario.Api.WebhookApiAsync(HttpMethod.Patch, up.State.Id, new JsonObject { ["target"] = "https://elsewhere.example.com/x", ["triggers"] = new JsonArray("ALL") }, scenario.Token);

        var refresh = await scenario.Session.RefreshAsync(Urn(scenario), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Is.SupersetOf(new[] { "target", "triggers" }));
            Assert.That(refresh.After!.Outputs["target"], Is.EqualTo(PropertyValue.String("https://elsewhere.example.com/x")));
            Assert.That(refresh.After.Outputs["secret"].IsSecret, Is.True, "the secret state knows survives the refresh");
        });
    }

    [Test]
    public async Task Destroy_Webhook_DeletesIt_AndOneGoneAlreadyCountsAsDeleted()
    {
        await using var scenario = await Scenario.StartAsync();
        var first = await UpAsync(scenario, Inputs(), "first");
        var second = await UpAsync(scenario, Inputs(target: "https://hooks.example.com/second"), "second");
        await scenario.Api.WebhookApiAsync(HttpMethod.Delete, second.State.Id, null, scenario.Token);

        await scenario.Session.DestroyAsync(Urn(scenario, "first"), scenario.Token);
        await scenario.Session.DestroyAsync(Urn(scenario, "second"), scenario.Token);

        var (status, _) = await scenario.Api.WebhookApiAsync(HttpMethod.Get, first.State.Id, null, scenario.Token);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(404));
            Assert.That(scenario.Session.State.Find(Urn(scenario, "second")), Is.Null);
        });
    }

    [Test]
    public async Task Preview_WebhookWithUnknownTarget_PlansCreateWithUnknownsAndTheSecretStillSecret()
    {
        await using var scenario = await Scenario.StartAsync();

        var preview = await scenario.Session.PreviewAsync(WebhookType, "hook", Inputs().With("target", PropertyValue.Unknown()), scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(preview.Check.Failures, Is.Empty, "an unknown target is validated once it is known");
            Assert.That(preview.PlannedOutputs["target"].IsUnknown, Is.True);
            Assert.That(preview.PlannedOutputs["webhookId"].IsUnknown, Is.True, "Sinch assigns the id");
            Assert.That(preview.PlannedOutputs["secret"].IsSecret, Is.True);
            Assert.That(await WebhookWritesAsync(scenario), Is.Empty);
        });
    }

    [Test]
    public async Task Preview_WebhookMovedToAnotherProject_ReplacesWithAReplacingInputDiff()
    {
        await using var scenario = await Scenario.StartAsync();
        await UpAsync(scenario, Inputs());

        var preview = await scenario.Session.PreviewAsync(WebhookType, "hook", Inputs().With("projectId", "another-project"), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(preview.Diff!.Replaces, Is.EqualTo(new[] { "projectId" }));
            // An input diff: the old inputs left projectId to the provider, so it is added, replacing.
            Assert.That(preview.Diff.DetailedDiff["projectId"], Is.EqualTo(new PropertyDiff(PropertyDiffKind.AddReplace, InputDiff: true)));
            Assert.That(preview.Diff.DeleteBeforeReplace, Is.False, "the new webhook is created first");
        });
    }

    [Test]
    public async Task Preview_WebhookWithItsOwnProjectWrittenDown_IsNoChange()
    {
        await using var scenario = await Scenario.StartAsync();
        await UpAsync(scenario, Inputs());

        var preview = await scenario.Session.PreviewAsync(WebhookType, "hook", Inputs().With("projectId", Scenario.ProjectId), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(preview.Diff!.Changes, Is.EqualTo(DiffChanges.None), "the provider's project, written down, is the same project");
            Assert.That(preview.Operation, Is.Not.EqualTo(ResourceOperation.Replace));
        });
    }

    [Test]
    public async Task Preview_WebhookSecretRotated_UpdatesInPlaceWithAnUpdateDiff()
    {
        await using var scenario = await Scenario.StartAsync();
        await UpAsync(scenario, Inputs());

        var preview = await scenario.Session.PreviewAsync(WebhookType, "hook", Inputs(secret: "s3cret-two"), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(preview.Diff!.Replaces, Is.Empty);
            Assert.That(preview.Diff.DetailedDiff.Keys, Is.EqualTo(new[] { "secret" }));
            Assert.That(preview.Diff.DetailedDiff["secret"].Kind, Is.EqualTo(PropertyDiffKind.Update));
            Assert.That(preview.PlannedOutputs["secret"], Is.EqualTo(PropertyValue.Secret("s3cret-two")));
        });
    }

    [Test]
    public async Task PulumiImport_Webhook_RecordsItWithoutASecretAndWarnsThatOneIsNeeded()
    {
        await using var scenario = await Scenario.StartAsync();
        var original = await UpAsync(scenario, Inputs(), "created-elsewhere");
        scenario.Session.State.Remove(Urn(scenario, "created-elsewhere"));

        var import = await scenario.Session.ImportAsync(WebhookType, "imported", original.State.Id!, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(import.State.Id, Is.EqualTo(original.State.Id));
            Assert.That(import.State.Outputs["target"], Is.EqualTo(PropertyValue.String("https://hooks.example.com/kakao")));
            Assert.That(import.State.Outputs.ContainsKey("secret"), Is.False, "Sinch never returns the secret");
            Assert.That(import.Warnings.Select(w => w.Property), Is.EqualTo(new[] { "secret" }), "pulumi import prints Check failures as warnings");
            Assert.That(import.Warnings.Single().Reason, Does.Not.Contain("s3cret-one"));
        });
    }

    [Test]
    public async Task Up_CustomTimeoutWhileSinchHoldsTheAnswer_RecordsTheWebhookFromInitFailed()
    {
        await using var scenario = await Scenario.StartAsync();
        // The create is applied at once, its answer held back past the custom timeout.
        await scenario.Control.SetFaultsAsync(
            [new JsonObject { ["method"] = "POST", ["path"] = "/v1/projects/*/webhooks", ["commitThenDelayMs"] = 30_000, ["count"] = 1 }], scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.Session.UpAsync(
            WebhookType, "hook", Inputs(), new ResourceOptions { CustomTimeouts = new CustomTimeouts(Create: TimeSpan.FromSeconds(1)) }, scenario.Token));

        var recorded = scenario.Session.State.Find(Urn(scenario));
        Assert.Multiple(() =>
        {
            Assert.That(error!.InitFailure, Is.Not.Null, $"{error.StatusCode}: {error.Detail}");
            Assert.That(recorded?.Id, Does.Match("^[0-9a-f]{32}$"), "the webhook Sinch created is not lost from state");
            Assert.That(recorded?.Outputs["secret"].IsSecret, Is.True, "and its secret stays secret there");
        });
    }

    [Test]
    public async Task Create_SixteenthWebhookOfAProject_AnswersTheLimitClearly()
    {
        await using var scenario = await Scenario.StartAsync();
        for (int i = 0; i < 15; i++)
        {
            var body = new JsonObject { ["target"] = $"https://hooks.example.com/{i}", ["secret"] = "s", ["triggers"] = new JsonArray("ALL") };
            var (status, _) = await scenario.Api.WebhookApiAsync(HttpMethod.Post, null, body, scenario.Token);
            Assert.That(status, Is.EqualTo(201));
        }

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => UpAsync(scenario, Inputs()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(error.Detail, Does.Contain("15 webhooks").And.Contain("webhook_limit_reached").And.Contain("pulumi import kakao:index:Webhook"));
            Assert.That(scenario.Session.State.Find(Urn(scenario)), Is.Null);
        });
    }

    [Test]
    public async Task Check_PlainHttpTargetAndRepeatedTrigger_FailsNamingThem()
    {
        await using var scenario = await Scenario.StartAsync();

        var error = Assert.ThrowsAsync<CheckFailedException>(() => scenario.Session.PreviewAsync(
            WebhookType, "hook", Inputs(target: "http://hooks.example.com/x", triggers: ["ALL", "ALL"]), scenario.Token));

        Assert.That(error!.Failures.Select(f => f.Property), Is.EquivalentTo(new[] { "target", "triggers" }));
    }
}
