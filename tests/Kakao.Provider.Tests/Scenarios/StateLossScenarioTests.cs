using System.Text.Json.Nodes;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// Never lose a sender from state (issue 11 §3): whenever a sender may exist at Sinch, the engine hears of it
/// through an init-failed error carrying the id, whatever interrupted the create.
/// </summary>
[Category("Scenario")]
public class StateLossScenarioTests
{
    private const string SendersPath = "/v1/projects/*/kakaotalk/senders";

    [Test]
    public async Task Create_CustomTimeoutWhileSinchHoldsTheAnswer_AnswersInitFailedWithTheId()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.Control.SetFaultsAsync([SlowAnswer(30_000)], scenario.Token);
        var check = await scenario.Session.Provider.CheckAsync(scenario.Urn(), PropertyMap.Empty, Scenario.SenderInputs(), scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() =>
            scenario.Session.Provider.CreateAsync(scenario.Urn(), check.Inputs, timeoutSeconds: 1, cancellationToken: scenario.Token));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.InitFailure, Is.Not.Null, $"{error.StatusCode}: {error.Detail}");
            Assert.That(error.InitFailure?.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(error.InitFailure?.Properties["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null, "Sinch created it");
        });
    }

    [Test]
    public async Task Up_CancelWhileSinchHoldsTheAnswer_RecordsTheSenderFromInitFailed()
    {
        await using var scenario = await Scenario.StartIsolatedAsync();
        await scenario.Control.SetFaultsAsync([SlowAnswer(60_000)], scenario.Token);
        var up = scenario.UpAsync(Scenario.SenderInputs());
        while (await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token) is null)
        {
            Assert.That(up.IsCompleted, Is.False, "the create ended before Sinch applied it");
        }

        await scenario.Session.CancelAsync(scenario.Token);
        var error = Assert.ThrowsAsync<ProviderRpcException>(async () => await up);

        Assert.Multiple(() =>
        {
            Assert.That(error!.InitFailure?.Id, Is.EqualTo("@sinch-demo"), $"{error.StatusCode}: {error.Detail}");
            Assert.That(scenario.Session.State.Find(scenario.Urn())?.Id, Is.EqualTo("@sinch-demo"), "the engine keeps the sender");
        });
    }

    [Test]
    public async Task Up_CommittedThenEveryReadFails_AnswersInitFailedInsteadOfUnavailable()
    {
        await using var scenario = await Scenario.StartAsync();
        var commitThenFail = new JsonObject { ["method"] = "POST", ["path"] = SendersPath, ["commitThenFail"] = true, ["count"] = 1 };
        await scenario.Control.SetFaultsAsync([commitThenFail, Scenario.Fault("GET", SendersPath + "/**", status: 503, count: 1000, retryAfterSeconds: 0)], scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(Scenario.SenderInputs()));
        await scenario.Control.ClearFaultsAsync(scenario.Token);
        var refresh = await scenario.RefreshAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(error!.InitFailure?.Id, Is.EqualTo("@sinch-demo"), $"{error.StatusCode}: {error.Detail}");
            Assert.That(error.InitFailure?.Reasons, Has.Some.Contain("pulumi refresh"));
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null, "Sinch created it");
            Assert.That(refresh.Dropped, Is.False, "a refresh settles the unknown outcome");
            Assert.That(refresh.After!.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task Destroy_404WithoutSinchErrorCode_FailsAndKeepsTheSender()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.SetFaultsAsync([Scenario.Fault("DELETE", SendersPath + "/*", status: 404, count: 1000)], scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token));
        await scenario.Control.ClearFaultsAsync(scenario.Token);

        Assert.Multiple(async () =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
            Assert.That(scenario.Session.State.Find(scenario.Urn()), Is.Not.Null, "a failed delete leaves the sender in state");
            Assert.That(await scenario.Api.GetSenderAsync("@sinch-demo", scenario.Token), Is.Not.Null);
        });
    }

    // The create is applied at once, its answer held back.
    private static JsonObject SlowAnswer(int delayMs) =>
        new() { ["method"] = "POST", ["path"] = SendersPath, ["commitThenDelayMs"] = delayMs, ["count"] = 1 };
}
