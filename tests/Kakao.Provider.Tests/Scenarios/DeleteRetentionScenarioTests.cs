using System.Net.Http.Json;
using Grpc.Core;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// Refresh, import, destroy and recreate when Sinch keeps a deleted sender for 60 days (emulator
/// <c>retained</c>) and when it is gone at once (<c>gone</c>, the emulator's default).
/// </summary>
[Category("Scenario")]
public class DeleteRetentionScenarioTests
{
    [Test]
    public async Task Retained_DeletedOutOfBand_RefreshKeepsItAndDestroySucceeds()
    {
        await using var scenario = await Scenario.StartAsync();
        await RetainDeletedSendersAsync(scenario);
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Api.DeleteSenderAsync("@sinch-demo", scenario.Token);

        var refresh = await scenario.RefreshAsync();

        Assert.That(refresh.Dropped, Is.False, "Sinch still shows the sender for 60 days, so state keeps it");
        Assert.That(async () => await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token), Throws.Nothing, "409 sender_already_deleted means done");
        Assert.That(scenario.Session.State.Resources, Is.Empty);
    }

    [Test]
    public async Task Retained_ImportOfDeletedSender_ReadsItWithNoDiff()
    {
        await using var scenario = await Scenario.StartAsync();
        await RetainDeletedSendersAsync(scenario);
        await scenario.UpAsync(Scenario.SenderInputs(), "elsewhere");
        await scenario.Session.DestroyAsync(scenario.Urn("elsewhere"), scenario.Token);

        var import = await scenario.Session.UpAsync(
            Scenario.SenderType, "imported", Scenario.SenderInputs(), new ResourceOptions { ImportId = "@sinch-demo" }, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(import.Imported!.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(import.Diff!.Changes, Is.EqualTo(DiffChanges.None));
        });
    }

    [TestCase(false, TestName = "Gone_DestroyThenUpAgain_FailsNamingThe60Days")]
    [TestCase(true, TestName = "Retained_DestroyThenUpAgain_FailsNamingThe60Days")]
    public async Task DestroyThenUpAgain_FailsNamingThe60Days(bool retained)
    {
        await using var scenario = await Scenario.StartAsync();
        if (retained)
        {
            await RetainDeletedSendersAsync(scenario);
        }

        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Session.DestroyAsync(scenario.Urn(), scenario.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => scenario.UpAsync(Scenario.SenderInputs()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.Not.EqualTo(StatusCode.Unknown).And.Not.EqualTo(StatusCode.Internal));
            Assert.That(error.Detail, Does.Contain("60 days"));
            Assert.That(scenario.Session.State.Resources, Is.Empty, "nothing was created");
        });
    }

    private static async Task RetainDeletedSendersAsync(Scenario scenario)
    {
        using var http = new HttpClient { BaseAddress = scenario.Emulator.BaseAddress };
        using var response = await http.PostAsJsonAsync("_emulator/deleted-senders", new { mode = "retained" }, scenario.Token);
        response.EnsureSuccessStatusCode();
    }
}
