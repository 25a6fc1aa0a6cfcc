using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.State;

/// <summary>--data FILE: state written atomically after each change, nothing lost across a restart.</summary>
[TestFixture]
public sealed class PersistenceTests : DataFileFixture
{
    [Test]
    public async Task Restart_WithDataFile_KeepsSendersActivitiesOtpAndWebhooks()
    {
        string project = EmulatorHarness.NewProject();
        string before;
        int code;
        await using (var first = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile))
        {
            await first.CreateActiveSenderAsync(project, "@active");
            await first.CreateSenderAsync(project, "@verifying");
            (await first.Client.PostAsync(EmulatorHarness.Sender(project, "@verifying") + "/register", null)).Dispose();
            code = await first.GetOtpAsync(project, "@verifying");
            (await first.PostAsync($"v1/projects/{project}/webhooks", """{"target": "http://127.0.0.1:9/h", "secret": "s", "triggers": ["KAKAOTALK_SENDER_ACTIVE"]}""")).Dispose();
            before = await first.Client.GetStringAsync(EmulatorHarness.Sender(project, "@active") + "/activities");
        }

        await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile);

        Assert.That(await second.Client.GetStringAsync(EmulatorHarness.Sender(project, "@active") + "/activities"), Is.EqualTo(before));
        Assert.That((await second.GetSenderAsync(project, "@active"))["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
        using var verify = await second.PostAsync(EmulatorHarness.Sender(project, "@verifying") + "/verify", $$"""{"code": {{code}}}""");
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string webhooks = await second.Client.GetStringAsync($"v1/projects/{project}/webhooks");
        Assert.That(webhooks, Does.Contain("http://127.0.0.1:9/h"));
    }

    [Test]
    public async Task Create_WithDataFile_IsOnDiskBeforeTheResponseArrives()
    {
        // Manual review: no background review may be writing while the directory is listed.
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.DataFile = DataFile;
            o.ReviewMode = ReviewMode.Manual;
        });

        await emulator.CreateSenderAsync(EmulatorHarness.NewProject(), "@on-disk");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(DataFile), Does.Contain("@on-disk"));
            Assert.That(Directory.GetFiles(DataDirectory), Is.EqualTo(new[] { DataFile }), "no temp file left behind");
        });
    }

    [Test]
    public async Task Restart_DeletedSender_StaysDeletedAndItsIdTaken()
    {
        string project = EmulatorHarness.NewProject();
        await using (var first = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile))
        {
            await first.CreateSenderAsync(project);
            (await first.Client.DeleteAsync(EmulatorHarness.Sender(project))).Dispose();
        }

        await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile);

        using var delete = await second.Client.DeleteAsync(EmulatorHarness.Sender(project));
        await ApiAssert.FailsAsync(delete, "sender_already_deleted");
    }

    [Test]
    public async Task Restart_PendingDelayedReview_StillHappens()
    {
        string project = EmulatorHarness.NewProject();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var first = await EmulatorHarness.StartAsync(o => { o.DataFile = DataFile; o.ReviewDelay = TimeSpan.FromHours(1); }, time))
        {
            await first.CreateSenderAsync(project);
        }

        time.Advance(TimeSpan.FromHours(2));
        await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile, time);

        Assert.That((await second.GetSenderAsync(project))["state"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
    }

    [Test]
    public void Start_CorruptDataFile_FailsLoudlyAndLeavesTheFileAlone()
    {
        File.WriteAllText(DataFile, "{ this is not state");

        Assert.That(async () => await EmulatorServer.StartAsync(new EmulatorOptions { DataFile = DataFile }), Throws.InstanceOf<InvalidDataException>());
        Assert.That(File.ReadAllText(DataFile), Is.EqualTo("{ this is not state"));
    }

    private const string PackageJson = """
        {
          "name": "my-app",
          "version": "1.0.0",
          "scripts": { "start": "node index.js" }
        }
        """;

    [TestCase(PackageJson)]
    [TestCase("""{"projects": null}""")]
    [TestCase("""{"projects": {}, "tokens": null, "revision": 1, "nextSequence": 0}""")]
    [TestCase("""{"projects": [], "tokens": [], "revision": 1, "nextSequence": 0}""")]
    [TestCase("""{"projects": {"p": null}, "tokens": [], "revision": 1, "nextSequence": 0}""")]
    [TestCase("""{"format": "kakao-emulator-state/1", "projects": {"p": {"senders": {"@a": null}}}, "tokens": []}""")]
    [TestCase("""{"format": "something-else", "projects": {}, "tokens": []}""")]
    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("null")]
    [TestCase("\"text\"")]
    [TestCase("")]
    [TestCase("  \n")]
    public void Start_DataFileThatIsNotEmulatorState_IsRefusedAndLeftUntouched(string content)
    {
        File.WriteAllText(DataFile, content);
        var written = File.GetLastWriteTimeUtc(DataFile);

        var ex = Assert.ThrowsAsync<InvalidDataException>(async () => await EmulatorServer.StartAsync(new EmulatorOptions { DataFile = DataFile }));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("is not an emulator state file").And.Contain("left untouched"));
            Assert.That(File.ReadAllText(DataFile), Is.EqualTo(content));
            Assert.That(File.GetLastWriteTimeUtc(DataFile), Is.EqualTo(written));
            Assert.That(Directory.GetFiles(DataDirectory), Is.EqualTo(new[] { DataFile }), "no temp file left beside it");
        });
    }

    [Test]
    public async Task Start_DataFileWrittenBeforeTheFormatMarker_StillLoads()
    {
        File.WriteAllText(DataFile, """{"revision": 3, "nextSequence": 0, "projects": {"p": {"senders": {}, "webhooks": []}}, "tokens": []}""");

        await using (var emulator = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile))
        {
            using var create = await emulator.PostAsync(EmulatorHarness.Senders("p"), EmulatorHarness.SampleCreateBody());
            Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That(File.ReadAllText(DataFile), Does.Contain("\"format\": \"kakao-emulator-state/2\""), "rewritten with the marker");
    }

    [Test]
    public async Task Token_WithDataFile_IsNeverStoredInPlainText()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile);
        using var response = await emulator.Anonymous.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "emulator-key",
            ["client_secret"] = "emulator-secret",
        }));
        string token = (await EmulatorHarness.ReadJsonAsync(response))!["access_token"]!.GetValue<string>();

        Assert.That(File.ReadAllText(DataFile), Does.Not.Contain(token).And.Not.Contain("emulator-secret"));
    }
}
