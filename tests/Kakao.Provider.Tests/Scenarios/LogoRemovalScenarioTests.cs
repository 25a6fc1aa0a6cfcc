using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>Removing <c>logoImage</c> from the program removes the sender's logo (issue 15).</summary>
[Category("Scenario")]
public class LogoRemovalScenarioTests
{
    private const string Logo = "https://cdn.example.com/logo.png";

    [Test]
    public async Task Up_LogoImageRemoved_SendsExplicitNullAndLeavesNoDiffOnceApproved()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs().With("logoImage", Logo));
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "ACTIVE", scenario.Token);
        await scenario.RefreshAsync();

        var removal = await scenario.UpAsync(Scenario.SenderInputs());
        var patch = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Last(r => r.Method == "PATCH");
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.RefreshAsync();
        var again = await scenario.UpAsync(Scenario.SenderInputs());

        Assert.Multiple(async () =>
        {
            Assert.That(removal.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(removal.Diff!.DetailedDiff.Keys, Is.EquivalentTo(new[] { "logoImage" }));
            Assert.That(patch.Body, Does.Contain("\"logoImage\":null"));
            var sender = await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token);
            Assert.That(sender!["details"]!["logoImage"], Is.Null, "the approved details have no logo");
            Assert.That(again.Operation, Is.EqualTo(ResourceOperation.Same), "no permanent diff");
            Assert.That(again.Diff!.Changes, Is.EqualTo(DiffChanges.None));
        });
    }

    [Test]
    public async Task Up_NeverHadALogo_SendsNoLogoField()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);
        await scenario.Control.SetStateAsync(Scenario.ProjectId, "@sinch-demo", "ACTIVE", scenario.Token);
        await scenario.RefreshAsync();

        await scenario.UpAsync(Scenario.SenderInputs(name: "Renamed"));

        var patch = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Last(r => r.Method == "PATCH");
        Assert.That(patch.Body, Does.Not.Contain("logoImage"));
    }
}
