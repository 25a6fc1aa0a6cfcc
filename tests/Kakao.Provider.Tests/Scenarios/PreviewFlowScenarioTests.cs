using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// What a real preview does around a sender (issue 11 §2): invokes run with preview = true, also for a sender
/// the same program only plans (examples/yaml-basic), and an update says in the preview that it resubmits.
/// </summary>
[Category("Scenario")]
public class PreviewFlowScenarioTests
{
    [Test]
    public async Task Invoke_GetSenderInPreviewOfAPlannedSender_AnswersExistsFalseInsteadOfFailing()
    {
        await using var scenario = await Scenario.StartAsync();
        // As in examples/yaml-basic: getSender(plusFriendId: ${sender.plusFriendId}); the planned Create echoes
        // the plusFriendId, so the YAML host runs the invoke in the preview already.
        var planned = await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(), scenario.Token);

        var result = await scenario.Session.Provider.InvokeAsync(
            "kakao:index:getSender", new PropertyMap { ["plusFriendId"] = planned.PlannedOutputs["plusFriendId"] }, preview: true, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Return["exists"], Is.EqualTo(PropertyValue.Bool(false)));
            Assert.That(result.Return["plusFriendId"], Is.EqualTo(PropertyValue.String("@sinch-demo")));
            Assert.That(result.Return.ContainsKey("status"), Is.False);
        });
    }

    [Test]
    public async Task Invoke_GetSenderAfterUp_AnswersExistsTrue()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var result = await scenario.Session.InvokeAsync("kakao:index:getSender", new PropertyMap { ["plusFriendId"] = "@sinch-demo" }, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result.Return["exists"], Is.EqualTo(PropertyValue.Bool(true)));
            Assert.That(result.Return["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task Preview_UpdateOfASender_WarnsThatItResubmitsForReview()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        scenario.Session.Engine.ClearLogs();

        await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(name: "Renamed Shop"), scenario.Token);
        var warning = await scenario.WaitForLogAsync(log => log.Severity == LogSeverity.Warning && log.Urn == scenario.Urn().ToString());

        Assert.That(warning?.Message, Does.Contain("resubmits it for review").And.Contain("@sinch-demo"));
    }
}
