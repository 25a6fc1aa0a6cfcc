using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// A project change never destroys a sender (issue 11 §2): DiffConfig never asks the engine to replace every
/// sender, and a sender's own Diff stops a move it cannot carry out, before anything is deleted.
/// </summary>
[Category("Scenario")]
public class ProjectMoveScenarioTests
{
    [Test]
    public async Task Preview_ProjectIdOverrideChanged_StopsWithWhatToDoAndDeletesNothing()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        var moved = Scenario.SenderInputs().With("projectId", "other-project");

        var preview = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.Session.PreviewAsync(Scenario.SenderType, "sender", moved, scenario.Token));
        var up = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(moved));

        var requests = await scenario.Control.ApiRequestsAsync(scenario.Token);
        Assert.Multiple(async () =>
        {
            Assert.That(preview!.Method, Is.EqualTo("Diff"));
            Assert.That(preview.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
            Assert.That(preview.Detail, Does.Contain("60 days").And.Contain("projectId: scenario-project").And.Contain("pulumi state delete"));
            Assert.That(up!.Method, Is.EqualTo("Diff"));
            Assert.That(requests.Where(r => r.Method is "DELETE" or "POST" && r.Path.Contains("other-project", StringComparison.Ordinal)), Is.Empty);
            Assert.That(requests.Count(r => r.Method == "DELETE"), Is.Zero);
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null, "the live sender is untouched");
            Assert.That(scenario.Session.State.Find(scenario.Urn())?.Id, Is.EqualTo("@sinch-demo"));
        });
    }

    [Test]
    public async Task Configure_ProviderProjectChanged_DiffConfigUpdatesAndTheSendersDiffRefusesTheMove()
    {
        await using var scenario = await Scenario.StartIsolatedAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        var oldConfig = scenario.Config;
        var newConfig = scenario.Config.With("projectId", "other-project");

        var configDiff = await scenario.Session.Provider.DiffConfigAsync(scenario.Session.ProviderUrn, oldConfig, oldConfig, newConfig, scenario.Token);
        await scenario.Session.ConfigureAsync(newConfig, oldConfig, scenario.Token);
        var preview = Assert.ThrowsAsync<ProviderRpcException>(() =>
            scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(), scenario.Token));

        Assert.Multiple(async () =>
        {
            Assert.That(configDiff.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(configDiff.Replaces, Is.Empty, "a provider-level replace would replace every sender without their Diff");
            Assert.That(preview!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
            Assert.That(preview.Detail, Does.Contain("kakao:projectId"));
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null);
        });
    }

    [Test]
    public async Task Up_PlusFriendIdChanged_CreatesTheNewSenderBeforeDeletingTheOld()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var up = await scenario.UpAsync(Scenario.SenderInputs("@sinch-demo-2"));

        var writes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method is "POST" or "DELETE").Select(r => r.Method).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(up.Diff!.DeleteBeforeReplace, Is.False);
            Assert.That(writes, Is.EqualTo(new[] { "POST", "POST", "DELETE" }), "create the new one, then delete the old");
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo-2", scenario.Token), Is.Not.Null);
        });
    }
}
