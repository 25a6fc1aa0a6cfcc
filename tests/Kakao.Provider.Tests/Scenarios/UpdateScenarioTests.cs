using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class UpdateScenarioTests
{
    [Test]
    public async Task Up_AfterRejectionWithFixedDetails_ResubmitsForReview()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.RejectAsync(Scenario.ProjectId, "@sinch-demo", "Name does not match the channel", scenario.Token);
        await scenario.RefreshAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs(name: "Sinch Demo Shop Official"));

        var patches = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "PATCH").ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(up.Diff!.Replaces, Is.Empty);
            Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(patches, Has.Length.EqualTo(1));
            Assert.That(patches[0].Body, Does.Contain("SUBMIT"));
            var sender = await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token);
            Assert.That(sender!.ToJsonString(), Does.Contain("Sinch Demo Shop Official"));
        });
    }

    [Test]
    public async Task Up_PlusFriendIdChanged_ReplacesSender()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs("@sinch-demo"));

        var up = await scenario.UpAsync(Scenario.SenderInputs("@sinch-demo-new"));

        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(up.Diff!.Replaces, Does.Contain("plusFriendId"));
            Assert.That(up.Diff.DetailedDiff["plusFriendId"].Kind, Is.EqualTo(PropertyDiffKind.UpdateReplace));
            Assert.That(up.State.Id, Is.EqualTo("@sinch-demo-new"));
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo-new", scenario.Token), Is.Not.Null);
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Null);
        });
    }

    [Test]
    public async Task Up_NothingChanged_DiffIsEmptyAndNoWrite()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var up = await scenario.UpAsync(Scenario.SenderInputs());

        var writes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method is "POST" or "PATCH" or "DELETE");
        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same));
            Assert.That(up.Diff!.Changes, Is.EqualTo(DiffChanges.None));
            Assert.That(writes, Is.EqualTo(1), "only the original create");
        });
    }

    [Test]
    public async Task Preview_RenameOfExistingSender_PlansUpdateWithoutWriting()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var preview = await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(name: "Renamed Shop"), scenario.Token);

        var writes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method is "POST" or "PATCH" or "DELETE");
        Assert.Multiple(async () =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(preview.PlannedOutputs["name"], Is.EqualTo(PropertyValue.String("Renamed Shop")));
            Assert.That(writes, Is.EqualTo(1), "only the original create");
            var sender = await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token);
            Assert.That(sender!.ToJsonString(), Does.Not.Contain("Renamed Shop"));
        });
    }
}
