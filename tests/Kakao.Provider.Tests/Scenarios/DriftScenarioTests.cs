using System.Text.Json.Nodes;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class DriftScenarioTests
{
    [Test]
    public async Task Refresh_DetailsEditedOutOfBand_ShowsInputDriftThenUpRestoresDeclaredName()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "ACTIVE", scenario.Token);
        await scenario.RefreshAsync();
        await scenario.Control.EditDetailsAsync(Scenario.ProjectId, "@sinch-demo", new JsonObject { ["name"] = "Edited Elsewhere" }, scenario.Token);

        var refresh = await scenario.RefreshAsync();
        var up = await scenario.UpAsync(Scenario.SenderInputs());

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Does.Contain("name"));
            Assert.That(refresh.ChangedInputs, Does.Contain("name"), "Read returns the inputs that reproduce the sender as it is now");
            Assert.That(refresh.After!.Inputs["name"], Is.EqualTo(PropertyValue.String("Edited Elsewhere")));
            Assert.That(refresh.Drift!.DetailedDiff.Keys, Does.Contain("name"), "the drift the user sees: Diff with old and new swapped");
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update), "the program's declaration wins on the next up");
            Assert.That(up.Diff!.DetailedDiff.Keys, Does.Contain("name"));
        });
    }

    [Test]
    public async Task Up_DraftThenSubmitTrue_SubmitsForReview()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs().With("submit", false));

        var up = await scenario.UpAsync(Scenario.SenderInputs().With("submit", true));

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task Import_DraftSenderDeclaredWithSubmitFalse_DiffIsEmpty()
    {
        await using var scenario = await Scenario.StartAsync();
        var draft = Scenario.SenderInputs().With("submit", false);
        await scenario.UpAsync(draft, "created-elsewhere");
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));

        var import = await scenario.Session.UpAsync(
            Scenario.SenderType, "imported", draft, new ResourceOptions { ImportId = "@sinch-demo" }, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(import.Operation, Is.EqualTo(ResourceOperation.Import));
            Assert.That(import.Diff!.Changes, Is.EqualTo(DiffChanges.None));
            Assert.That(import.State.Outputs["status"], Is.EqualTo(PropertyValue.String("DRAFT")));
        });
    }
}
