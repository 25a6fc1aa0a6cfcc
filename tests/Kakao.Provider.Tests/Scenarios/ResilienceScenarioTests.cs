using System.Diagnostics;
using System.Text.Json.Nodes;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class ResilienceScenarioTests
{
    [Test]
    public async Task Cancel_DuringSlowCreate_EndsTheCallWithinOneSecond()
    {
        await using var scenario = await Scenario.StartIsolatedAsync();
        await scenario.Control.SetFaultsAsync([Scenario.Fault("POST", "/v1/projects/*/kakaotalk/senders", latencyMs: 30_000)], scenario.Token);
        var up = scenario.UpAsync(Scenario.SenderInputs());
        await WaitUntilAsync(async () => await scenario.Control.FaultMatchesAsync(scenario.Token) > 0, up, scenario.Token);

        var stopwatch = Stopwatch.StartNew();
        await scenario.Session.CancelAsync(scenario.Token);
        var error = Assert.ThrowsAsync<ProviderRpcException>(async () => await up);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(error!.StatusCode, Is.Not.EqualTo(StatusCode.OK));
        });
    }

    [Test]
    public async Task Up_ReadBackAfterCreateFails_ReturnsResourceInitFailedAndKeepsSenderInState()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.Control.SetFaultsAsync([Scenario.Fault("GET", "/v1/projects/*/kakaotalk/senders/**", status: 500, count: 1000)], scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(Scenario.SenderInputs()));
        await scenario.Control.ClearFaultsAsync(scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(error!.InitFailure, Is.Not.Null, $"{error.StatusCode}: {error.Detail}; details: " + string.Join(", ", error.DetailTypeUrls));
            Assert.That(error.InitFailure?.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(error.InitFailure?.Reasons, Is.Not.Empty);
            Assert.That(scenario.Session.State.Find(scenario.Urn())?.Id, Is.EqualTo("@sinch-demo"), "the engine keeps the created sender");
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null, "the sender was created");
        });
    }

    [Test]
    public async Task Refresh_During429Storm_RetriesAndSucceeds()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.SetFaultsAsync([Scenario.Fault("GET", "/v1/projects/*/kakaotalk/senders/**", status: 429, count: 3, retryAfterSeconds: 0)], scenario.Token);

        var refresh = await scenario.RefreshAsync();

        var gets = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Where(r => r.Method == "GET").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(refresh.Dropped, Is.False);
            Assert.That(refresh.After!.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(gets.Count(r => r.Status == 429), Is.EqualTo(3));
            Assert.That(gets.Last().Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Configure_MissingCredentials_ReturnsMissingKeysDetail()
    {
        await using var scenario = await Scenario.StartIsolatedAsync(configure: false);
        var config = new PropertyMap { ["endpoint"] = scenario.Config["endpoint"] };

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.Session.ConfigureAsync(config, cancellationToken: scenario.Token));

        var names = error!.MissingKeys.Select(key => key.Name.Replace("kakao:", string.Empty, StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(error.Method, Is.EqualTo("Configure"));
            Assert.That(names, Is.SupersetOf(new[] { "projectId", "keyId", "keySecret" }));
            Assert.That(error.MissingKeys.Select(key => key.Description), Has.All.Not.Empty);
        });
    }

    // Polls an observable condition while the operation under test runs; fails fast if the operation ends first.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Task operation, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.IsCompleted)
            {
                await operation;
                Assert.Fail("The operation finished before the condition held.");
            }

            await Task.Yield();
        }
    }
}
