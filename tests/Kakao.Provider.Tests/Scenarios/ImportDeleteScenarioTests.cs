using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class ImportDeleteScenarioTests
{
    [Test]
    public async Task Import_ExistingSender_ReadsWithIdOnlyAndDiffIsEmpty()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs(), "created-elsewhere");
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));

        var import = await scenario.Session.ImportAsync(
            Scenario.SenderType, "imported", "@sinch-demo", Scenario.SenderInputs(), scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(import.Read.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(import.Read.Inputs["plusFriendId"], Is.EqualTo(PropertyValue.String("@sinch-demo")));
            Assert.That(import.Read.Inputs["name"], Is.EqualTo(PropertyValue.String("Sinch Demo Shop")));
            Assert.That(import.Diff.Changes, Is.EqualTo(DiffChanges.None));
            Assert.That(import.Diff.Replaces, Is.Empty);
            Assert.That(scenario.Session.State.Get(scenario.Urn("imported")).Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task Destroy_ExistingSender_DeletesIt()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(await scenario.Control.GetSenderAsync("@sinch-demo", scenario.Token), Is.Null);
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task Destroy_SenderAlreadyGone_Succeeds()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.DeleteSenderAsync("@sinch-demo", scenario.Token);

        Assert.That(async () => await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token), Throws.Nothing);
        Assert.That(scenario.Session.State.Resources, Is.Empty);
    }
}
