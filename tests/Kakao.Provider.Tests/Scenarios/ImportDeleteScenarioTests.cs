using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class ImportDeleteScenarioTests
{
    [Test]
    public async Task ImportOption_ExistingSenderDeclaredAsIs_ReadsWithIdOnlyAndDiffIsEmpty()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs(), "created-elsewhere");
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));

        var import = await scenario.Session.UpAsync(
            Scenario.SenderType, "imported", Scenario.SenderInputs(), new ResourceOptions { ImportId = "@sinch-demo" }, scenario.Token);

        var writes = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method is "POST" or "PATCH" or "DELETE");
        Assert.Multiple(() =>
        {
            Assert.That(import.Operation, Is.EqualTo(ResourceOperation.Import));
            Assert.That(import.Imported!.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(import.Imported.Inputs["plusFriendId"], Is.EqualTo(PropertyValue.String("@sinch-demo")));
            Assert.That(import.Imported.Inputs["name"], Is.EqualTo(PropertyValue.String("Sinch Demo Shop")));
            Assert.That(import.Diff!.Changes, Is.EqualTo(DiffChanges.None));
            Assert.That(import.Diff.Replaces, Is.Empty);
            Assert.That(writes, Is.EqualTo(1), "only the original create: adopting the sender writes nothing");
            Assert.That(scenario.Session.State.Get(scenario.Urn("imported")).Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task ImportOption_DeclarationDiffersFromActiveSender_ImportsThenUpdatesWhichResubmitsForReview()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs(), "created-elsewhere");
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "ACTIVE", scenario.Token);
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));

        var import = await scenario.Session.UpAsync(
            Scenario.SenderType, "imported", Scenario.SenderInputs(name: "Declared Name"), new ResourceOptions { ImportId = "@sinch-demo" }, scenario.Token);

        var patches = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "PATCH").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(import.Operation, Is.EqualTo(ResourceOperation.Update), "the engine imports, then updates in the same deployment");
            Assert.That(import.Imported, Is.Not.Null);
            Assert.That(patches, Has.Length.EqualTo(1));
            Assert.That(patches[0].Body, Does.Contain("Declared Name").And.Contain("SUBMIT"), "for a sender the update is a PATCH that resubmits it for review");
        });
    }

    [Test]
    public async Task PulumiImport_ExistingSender_ReadsWithIdOnlyChecksWithoutWarningsAndRecordsIt()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs(), "created-elsewhere");
        scenario.Session.State.Remove(scenario.Urn("created-elsewhere"));

        var import = await scenario.Session.ImportAsync(Scenario.SenderType, "imported", "@sinch-demo", scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(import.Warnings, Is.Empty, "the inputs Read returns pass the provider's own Check");
            Assert.That(import.State.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(import.State.Inputs["name"], Is.EqualTo(PropertyValue.String("Sinch Demo Shop")));
            Assert.That(import.State.Inputs["adminPhoneNo"].IsSecret, Is.True, "the admin phone stays secret in the imported inputs");
            Assert.That(scenario.Session.State.Find(scenario.Urn("imported")), Is.Not.Null);
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
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Null);
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task Destroy_SenderAlreadyGone_Succeeds()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Api.DeleteSenderAsync("@sinch-demo", scenario.Token);

        Assert.That(async () => await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token), Throws.Nothing);
        Assert.That(scenario.Session.State.Resources, Is.Empty);
    }
}
