using Kakao.EngineHarness;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class ConfigScenarioTests
{
    [Test]
    public async Task Configure_VariablesOnlyLikeOlderEngines_ConfiguresThePlugin()
    {
        await using var scenario = await Scenario.StartAsync();
        var session = scenario.Session;

        // Same values as the shared configuration, so later scenarios are unaffected.
        await session.Provider.ConfigureAsync(session.ProviderUrn, "kakao", scenario.Config, ConfigEncoding.VariablesOnly, scenario.Token);
        var up = await scenario.UpAsync(Scenario.SenderInputs());

        Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
    }

    [TestCase("endpoint", "http://provisioning.example.com", TestName = "CheckConfig_PlainHttpToRemoteHost_FailsOnEndpoint")]
    [TestCase("endpoint", "not a url", TestName = "CheckConfig_MalformedEndpoint_FailsOnEndpoint")]
    [TestCase("authMode", "kerberos", TestName = "CheckConfig_UnknownAuthMode_FailsOnAuthMode")]
    public async Task CheckConfig_InvalidValue_FailsNamingTheKey(string key, string value)
    {
        await using var scenario = await Scenario.StartAsync();
        var session = scenario.Session;

        var check = await session.Provider.CheckConfigAsync(session.ProviderUrn, PropertyMap.Empty, scenario.Config.With(key, value), scenario.Token);

        Assert.That(check.Failures.Select(failure => failure.Property), Has.Some.Contain(key));
    }

    [Test]
    public async Task DiffConfig_ProjectIdChanged_DoesNotReplaceEverySender()
    {
        await using var scenario = await Scenario.StartIsolatedAsync();
        await scenario.UpAsync(Scenario.SenderInputs());

        var configure = await scenario.Session.ConfigureAsync(scenario.Config.With("projectId", "other-project"), scenario.Config, scenario.Token);

        Assert.That(configure.ConfigDiff!.Replaces, Is.Empty, "a provider-level replace would replace every sender without asking their Diff");
    }

    [Test]
    public async Task CheckConfig_LoopbackHttpEndpoint_IsAccepted()
    {
        await using var scenario = await Scenario.StartAsync();
        var session = scenario.Session;

        var check = await session.Provider.CheckConfigAsync(session.ProviderUrn, PropertyMap.Empty, scenario.Config, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(check.Failures, Is.Empty);
            Assert.That(check.Inputs["keySecret"].IsSecret, Is.True, "the key secret stays secret");
        });
    }
}
