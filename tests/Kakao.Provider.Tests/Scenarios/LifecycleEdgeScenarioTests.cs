using System.Text.Json;
using Grpc.Core;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class LifecycleEdgeScenarioTests
{
    [Test]
    public async Task Up_SubmitFalse_KeepsSenderAsDraft()
    {
        await using var scenario = await Scenario.StartAsync();

        var up = await scenario.UpAsync(Scenario.SenderInputs().With("submit", false));

        Assert.That(up.State.Outputs["status"], Is.EqualTo(PropertyValue.String("DRAFT")));
    }

    [Test]
    public async Task Up_PlusFriendIdTakenByAnotherResource_FailsWithImportHint()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs(), "first");

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(Scenario.SenderInputs(), "second"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.Not.EqualTo(StatusCode.Unknown).And.Not.EqualTo(StatusCode.Internal));
            Assert.That(error.Detail, Does.Contain("import"));
            Assert.That(scenario.Session.State.Find(scenario.Urn("second")), Is.Null);
        });
    }

    [Test]
    public async Task GetSchema_Plugin_DescribesSenderWithSecretPhoneAndReplacingPlusFriendId()
    {
        await using var scenario = await Scenario.StartAsync();

        using var schema = JsonDocument.Parse(await scenario.Session.GetSchemaAsync(scenario.Token));

        var sender = schema.RootElement.GetProperty("resources").GetProperty(Scenario.SenderType);
        Assert.Multiple(() =>
        {
            Assert.That(schema.RootElement.GetProperty("name").GetString(), Is.EqualTo("kakao"));
            Assert.That(sender.GetProperty("inputProperties").GetProperty("adminPhoneNo").GetProperty("secret").GetBoolean(), Is.True);
            Assert.That(sender.GetProperty("inputProperties").GetProperty("plusFriendId").GetProperty("replaceOnChanges").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Stop_AfterALifecycle_ExitsGracefullyWithNothingButThePortOnStdout()
    {
        await using var scenario = await Scenario.StartIsolatedAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.RefreshAsync();
        await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token);

        var exit = await scenario.Session.StopAsync(scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(exit!.Reason, Is.AnyOf(PluginStopReason.Cancel, PluginStopReason.Interrupt), exit.StandardError);
            Assert.That(exit.UnexpectedStandardOutput, Is.Empty);
        });
    }

    [Test]
    public async Task Up_OAuth2Mode_AuthenticatesWithTokenFromAuthEndpoint()
    {
        await using var scenario = await Scenario.StartAsync();
        var endpoint = scenario.Config["endpoint"];
        await scenario.Session.ConfigureAsync(scenario.Config.With("authMode", "oauth2").With("authEndpoint", endpoint), cancellationToken: scenario.Token);
        try
        {
            var up = await scenario.UpAsync(Scenario.SenderInputs());

            var requests = await scenario.Control.ApiRequestsAsync(scenario.Token);
            Assert.Multiple(() =>
            {
                Assert.That(up.State.Id, Is.EqualTo("@sinch-demo"));
                Assert.That(requests.Count(r => r.Method == "POST" && r.Path == "/oauth2/token"), Is.EqualTo(1));
            });
        }
        finally
        {
            // The plugin is shared: put the basic-auth configuration back for the next scenario.
            await scenario.Session.ConfigureAsync(scenario.Config, cancellationToken: scenario.Token);
        }
    }
}
