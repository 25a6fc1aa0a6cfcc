using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>
/// After DELETE, Sinch keeps a sender usable for 60 days. The emulator either forgets it at once (default) or
/// keeps it readable ("retained"): chosen at start-up or through <c>/_emulator/deleted-senders</c>.
/// </summary>
[TestFixture]
public sealed class DeletedSenderRetentionTests
{
    [Test]
    public async Task Retained_AfterDelete_GetListAndActivitiesStillShowTheSenderAsItWas()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.DeletedSenders = DeletedSenderMode.Retained);
        string project = EmulatorHarness.NewProject();
        var before = await emulator.CreateActiveSenderAsync(project);

        (await emulator.Client.DeleteAsync(EmulatorHarness.Sender(project))).Dispose();

        using var get = await emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        var sender = await ApiAssert.SucceedsAsync(get, HttpStatusCode.OK, "KakaotalkSenderDto");
        using var list = await emulator.Client.GetAsync(EmulatorHarness.Senders(project));
        var page = await ApiAssert.SucceedsAsync(list, HttpStatusCode.OK, "KakaotalkSenderListDto");
        using var activities = await emulator.Client.GetAsync(EmulatorHarness.Sender(project) + "/activities");
        Assert.Multiple(() =>
        {
            Assert.That(sender["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"), "no state or status marks a deleted sender");
            Assert.That(sender["id"]!.GetValue<string>(), Is.EqualTo(before["id"]!.GetValue<string>()));
            Assert.That(page["senders"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(activities.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Retained_AfterDelete_SecondDeleteWritesAndRecreateAreRefused()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.DeletedSenders = DeletedSenderMode.Retained);
        string project = EmulatorHarness.NewProject();
        await emulator.CreateActiveSenderAsync(project);
        (await emulator.Client.DeleteAsync(EmulatorHarness.Sender(project))).Dispose();

        using var again = await emulator.Client.DeleteAsync(EmulatorHarness.Sender(project));
        using var patch = await emulator.PatchAsync(EmulatorHarness.Sender(project), """{"status": "SUBMIT", "details": {"name": "x"}}""");
        using var create = await emulator.PostAsync(EmulatorHarness.Senders(project), EmulatorHarness.SampleCreateBody());

        await ApiAssert.FailsAsync(again, "sender_already_deleted");
        await ApiAssert.FailsAsync(patch, "sender_not_found");
        await ApiAssert.FailsAsync(create, "plus_friend_id_used");
    }

    [Test]
    public async Task Retained_After60Days_SenderIsGoneAndItsIdFree()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.DeletedSenders = DeletedSenderMode.Retained);
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);
        (await emulator.Client.DeleteAsync(EmulatorHarness.Sender(project))).Dispose();

        emulator.Time.Advance(TimeSpan.FromDays(60) + TimeSpan.FromSeconds(1));

        using var get = await emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        await ApiAssert.FailsAsync(get, "sender_not_found");
        using var create = await emulator.PostAsync(EmulatorHarness.Senders(project), EmulatorHarness.SampleCreateBody());
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task ControlApi_SwitchesBetweenGoneAndRetainedAndResetRestoresStartUpMode()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);
        (await emulator.Client.DeleteAsync(EmulatorHarness.Sender(project))).Dispose();

        using var gone = await emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        var switched = await (await emulator.PostAsync("_emulator/deleted-senders", """{"mode": "retained"}""", emulator.Anonymous)).Content.ReadFromJsonAsync<JsonObject>();
        using var retained = await emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        (await emulator.Anonymous.PostAsync("_emulator/reset", null)).Dispose();
        var afterReset = await emulator.Anonymous.GetFromJsonAsync<JsonObject>("_emulator/deleted-senders");

        Assert.Multiple(() =>
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(switched!["mode"]!.GetValue<string>(), Is.EqualTo("retained"));
            Assert.That(retained.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(afterReset!["mode"]!.GetValue<string>(), Is.EqualTo("gone"));
        });
    }

    [Test]
    public async Task ControlApi_UnknownMode_AnswersInvalidInput()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostAsync("_emulator/deleted-senders", """{"mode": "forever"}""", emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }
}
