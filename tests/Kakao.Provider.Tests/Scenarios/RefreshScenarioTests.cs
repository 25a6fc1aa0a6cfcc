using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class RefreshScenarioTests
{
    [Test]
    public async Task Refresh_NothingChanged_ShowsNoDrift()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var refresh = await scenario.RefreshAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Is.Empty);
            Assert.That(refresh.ChangedInputs, Is.Empty);
            Assert.That(refresh.HasDrift, Is.False);
        });
    }

    [Test]
    public async Task Refresh_ApprovedOutOfBand_ShowsPendingVerification()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);

        var refresh = await scenario.RefreshAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Does.Contain("status"));
            Assert.That(refresh.After!.Outputs["status"], Is.EqualTo(PropertyValue.String("PENDING_VERIFICATION")));
            Assert.That(refresh.ChangedInputs, Is.Empty, "an approval is not an input change");
        });
    }

    [Test]
    public async Task Refresh_RejectedOutOfBand_ShowsRejectionAndComment()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.RejectAsync(Scenario.ProjectId, "@sinch-demo", "Logo image is blurry", scenario.Token);

        var refresh = await scenario.RefreshAsync();
        var warning = await scenario.WaitForLogAsync(log => log.Severity == LogSeverity.Warning && log.Message.Contains("Logo image is blurry", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Does.Contain("status"));
            Assert.That(refresh.After!.Outputs["status"], Is.EqualTo(PropertyValue.String("REJECTED")));
            Assert.That(refresh.After.Outputs["rejectionComment"], Is.EqualTo(PropertyValue.String("Logo image is blurry")));
            Assert.That(warning?.Urn, Is.EqualTo(scenario.Urn().ToString()), "the rejection comment is shown to the user as a warning on the sender");
        });
    }

    [Test]
    public async Task Refresh_SuspendedOutOfBand_ShowsSuspended()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.RefreshAsync();
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "SUSPENDED", scenario.Token);

        var refresh = await scenario.RefreshAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Does.Contain("status").And.Contain("state"));
            Assert.That(refresh.After!.Outputs["status"], Is.EqualTo(PropertyValue.String("SUSPENDED")));
            Assert.That(refresh.After.Outputs["state"], Is.EqualTo(PropertyValue.String("SUSPENDED")));
        });
    }

    [Test]
    public async Task Refresh_DeletedOutOfBand_DropsSenderFromState()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Api.DeleteSenderAsync("@sinch-demo", scenario.Token);

        var refresh = await scenario.RefreshAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refresh.Dropped, Is.True);
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }
}
