using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class DiffScenarioTests
{
    [Test]
    public async Task Preview_ExistingSenderWithUnknownInput_NeverPlansNoChange()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var preview = await scenario.Session.PreviewAsync(
            Scenario.SenderType, "sender", Scenario.SenderInputs().With("name", PropertyValue.Unknown()), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(preview.Diff!.Changes, Is.Not.EqualTo(DiffChanges.None));
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
        });
    }

    [Test]
    public async Task Up_AfterOutOfBandApprovalWithSameInputs_HasNothingToApply()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.RefreshAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs());

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same), "output-only differences are not changes");
            Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("PENDING_VERIFICATION")));
        });
    }

    [Test]
    public async Task Up_PhoneWithSpacing_IsNormalisedSoImportShowsNoDiff()
    {
        await using var scenario = await Scenario.StartAsync();
        var spaced = Scenario.SenderInputs().With("adminPhoneNo", PropertyValue.Secret("+48 777 777 777"));

        var up = await scenario.UpAsync(spaced, "created-elsewhere");
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));
        var import = await scenario.Session.UpAsync(
            Scenario.SenderType, "imported", spaced, new ResourceOptions { ImportId = "@sinch-demo" }, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(up.Check.Inputs["adminPhoneNo"], Is.EqualTo(PropertyValue.Secret("+48777777777")));
            Assert.That(import.Diff!.Changes, Is.EqualTo(DiffChanges.None));
        });
    }

    [Test]
    public async Task Up_ActiveSenderRenamed_UpdatesAndSendsChangesToReview()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "ACTIVE", scenario.Token);
        await scenario.RefreshAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs(name: "Sinch Demo Shop 2"));

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(up.Diff!.DetailedDiff.Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(up.State.Outputs["changesStatus"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(up.State.Outputs["state"], Is.EqualTo(PropertyValue.String("ACTIVE")), "the live sender stays active while its edit is reviewed");
        });
    }
}
