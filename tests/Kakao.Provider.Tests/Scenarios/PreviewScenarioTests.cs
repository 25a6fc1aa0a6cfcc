using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class PreviewScenarioTests
{
    [Test]
    public async Task Preview_NewSender_PlansCreateReadingOnlyTheCategoryTree()
    {
        await using var scenario = await Scenario.StartAsync();

        var preview = await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(), scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(preview.PlannedOutputs["plusFriendId"], Is.EqualTo(PropertyValue.String("@sinch-demo")));
            Assert.That(preview.PlannedOutputs["senderId"].IsUnknown, Is.True, "senderId is assigned by the API");
            Assert.That(preview.PlannedOutputs["status"].IsUnknown, Is.True, "status is assigned by the API");
            // Preview checks the category triple against the live tree (one read-only GET, cached for the plugin's
            // life: the shared scenario plugin may have read it in an earlier test), and writes nothing.
            var requests = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Select(r => $"{r.Method} {r.Path}").ToArray();
            Assert.That(requests, Is.All.EqualTo("GET /v1/projects/scenario-project/kakaotalk/categories/senders"));
            Assert.That(requests, Has.Length.LessThanOrEqualTo(1));
            Assert.That(scenario.Session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task Preview_UnknownInputs_PassThroughCheckAndStayUnknown()
    {
        await using var scenario = await Scenario.StartAsync();
        var inputs = Scenario.SenderInputs()
            .With("name", PropertyValue.Unknown())
            .With("subLevelCategoryCode", PropertyValue.Unknown());

        var preview = await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", inputs, scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(preview.Check.Failures, Is.Empty);
            Assert.That(preview.Check.Inputs["name"].IsUnknown, Is.True);
            Assert.That(preview.Check.Inputs["subLevelCategoryCode"].IsUnknown, Is.True);
            Assert.That(preview.PlannedOutputs["name"].IsUnknown, Is.True);
            Assert.That(await scenario.Control.ApiRequestsAsync(scenario.Token), Is.Empty);
        });
    }

    [Test]
    public async Task Preview_InvalidInputs_FailsCheckNamingEachPropertyWithoutApiRequest()
    {
        await using var scenario = await Scenario.StartAsync();
        var inputs = Scenario.SenderInputs()
            .With("adminPhoneNo", PropertyValue.Secret("not a phone"))
            .With("topLevelCategoryCode", "19x");

        var error = Assert.ThrowsAsync<CheckFailedException>(() => scenario.Session.PreviewAsync(Scenario.SenderType, "sender", inputs, scenario.Token));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Failures.Select(failure => failure.Property), Does.Contain("adminPhoneNo").And.Contain("topLevelCategoryCode"));
            Assert.That(error.Message, Does.Not.Contain("not a phone"), "a secret input never appears in a failure message");
            Assert.That(await scenario.Control.ApiRequestsAsync(scenario.Token), Is.Empty);
        });
    }
}
