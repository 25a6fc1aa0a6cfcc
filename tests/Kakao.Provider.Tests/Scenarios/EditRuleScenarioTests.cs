using Grpc.Core;
using Kakao.EngineHarness.Results;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// Editing a sender under review: Sinch's guide (REJECTED changes are editable) and its error text (only DRAFT)
/// disagree, so the provider's message states both instead of claiming one rule (issue 15).
/// </summary>
[Category("Scenario")]
public class EditRuleScenarioTests
{
    [Test]
    public async Task Up_EditWhileInReview_FailsNamingWhatSinchDocumentsWithoutClaimingMore()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(Scenario.SenderInputs(name: "Renamed during review")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.Not.EqualTo(StatusCode.Unknown).And.Not.EqualTo(StatusCode.Internal));
            Assert.That(error.Detail, Does.Contain("Updates are only supported by sender changes with status: DRAFT"), "Sinch's own resolution");
            Assert.That(error.Detail, Does.Contain("guide allows edits while the pending changes are DRAFT or REJECTED"));
            Assert.That(error.Detail, Does.Contain("error text names only DRAFT"));
            Assert.That(error.Detail, Does.Not.Contain("Sinch accepts edits of"), "no rule stated as certain");
        });
    }
}
