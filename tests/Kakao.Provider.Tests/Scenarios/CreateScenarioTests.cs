using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class CreateScenarioTests
{
    [Test]
    public async Task Up_NewSender_SubmitsItAndRecordsOutputs()
    {
        await using var scenario = await Scenario.StartAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs());
        var progress = await scenario.WaitForLogAsync(log => log.Urn == scenario.Urn().ToString() && log.Severity == LogSeverity.Info);

        var requests = await scenario.Control.ApiRequestsAsync(scenario.Token);
        var outputs = up.State.Outputs;
        Assert.Multiple(async () =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(up.State.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(outputs["name"], Is.EqualTo(PropertyValue.String("Sinch Demo Shop")));
            Assert.That(outputs["topLevelCategoryCode"], Is.EqualTo(PropertyValue.String("019")));
            Assert.That(outputs["senderId"].Kind, Is.EqualTo(PropertyValueKind.String));
            Assert.That(outputs["senderId"].StringValue, Is.Not.Empty);
            Assert.That(outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/kakaotalk/senders", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null);
            Assert.That(progress?.Message, Does.Contain("review"), "the user is told the sender waits for review");
        });
    }

    [Test]
    public async Task Up_SecretInput_StaysSecretInOutputsAndNeverAppearsInDiagnostics()
    {
        await using var scenario = await Scenario.StartAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.RefreshAsync();
        var stderr = scenario.Session.Process!.StandardError;

        var state = scenario.Session.State.Get(scenario.Urn());
        Assert.Multiple(() =>
        {
            Assert.That(up.Check.Inputs["adminPhoneNo"].IsSecret, Is.True, "Check keeps the secret");
            Assert.That(up.State.Outputs["adminPhoneNo"].IsSecret, Is.True, "Create keeps the secret");
            Assert.That(state.Outputs["adminPhoneNo"].IsSecret, Is.True, "Read keeps the secret");
            Assert.That(state.Outputs["adminPhoneNo"].SecretValue, Is.EqualTo(PropertyValue.String("+48777777777")));
            Assert.That(stderr, Does.Not.Contain("48777777777").And.Not.Contain(Scenario.KeySecret));
            Assert.That(scenario.Session.Engine.Logs.Select(log => log.Message), Has.None.Contain("48777777777"));
        });
    }

    [Test]
    public async Task Up_TwentySendersInParallel_CreatesAll()
    {
        await using var scenario = await Scenario.StartAsync();
        var names = Enumerable.Range(1, 20).Select(i => $"sender-{i:00}").ToArray();

        var results = await Task.WhenAll(names.Select(name => scenario.UpAsync(Scenario.SenderInputs($"@sinch-demo-{name}"), name)));

        var requests = await scenario.Control.ApiRequestsAsync(scenario.Token);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.State.Id), Is.EquivalentTo(names.Select(name => $"@sinch-demo-{name}")));
            Assert.That(results.Select(r => r.State.Outputs["status"]), Has.All.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(requests.Count(r => r.Method == "POST" && r.Status == 201), Is.EqualTo(20));
            Assert.That(scenario.Session.State.Resources, Has.Count.EqualTo(20));
        });
    }
}
