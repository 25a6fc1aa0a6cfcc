using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>--data with templates: a restart keeps them (details, changes, activities, pending inspections); old files still load.</summary>
[TestFixture]
public sealed class TemplatePersistenceTests : DataFileFixture
{
    [Test]
    public async Task Restart_WithDataFile_KeepsEveryTemplateAsItWas()
    {
        string project = EmulatorHarness.NewProject();
        string list, activities, code;
        await using (var first = await EmulatorHarness.StartAsync(o => { o.DataFile = DataFile; o.TemplateReviewMode = ReviewMode.Manual; }))
        {
            await first.CreateActiveSenderAsync(project);
            code = TemplateApi.Code(await TemplateApi.CreateAsync(first, project, TemplateApi.Body("approved")));
            await TemplateApi.ControlAsync(first, project, code, "approve");
            (await first.PatchAsync(TemplateApi.One(project, code), """{"details": {"content": "next version", "buttons": null}}""")).Dispose();
            string rejected = TemplateApi.Code(await TemplateApi.CreateAsync(first, project, TemplateApi.Body("rejected")));
            await TemplateApi.ControlAsync(first, project, rejected, "reject", """{"comment": "그대로 둡니다"}""");
            await TemplateApi.CreateAsync(first, project, TemplateApi.Body("draft", status: "DRAFT", extraDetails: ""","emphasizeType": "EMPHASIZE_TYPE_TEXT", "title": "제목" """));
            list = await first.Client.GetStringAsync(TemplateApi.List(project));
            activities = await first.Client.GetStringAsync(TemplateApi.One(project, rejected) + "/activities");
            code = rejected;
        }

        await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile);

        Assert.Multiple(async () =>
        {
            Assert.That(await second.Client.GetStringAsync(TemplateApi.List(project)), Is.EqualTo(list));
            Assert.That(await second.Client.GetStringAsync(TemplateApi.One(project, code) + "/activities"), Is.EqualTo(activities));
            Assert.That(File.ReadAllText(DataFile), Does.Contain("\"format\": \"kakao-emulator-state/2\""));
        });
    }

    [Test]
    public async Task Restart_PendingInspection_IsAppliedWhenItFallsDue()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        string project = EmulatorHarness.NewProject();
        string code;
        await using (var first = await EmulatorHarness.StartAsync(o => { o.DataFile = DataFile; o.TemplateReviewDelay = TimeSpan.FromHours(2); }, time))
        {
            await first.CreateActiveSenderAsync(project);
            code = TemplateApi.Code(await TemplateApi.CreateAsync(first, project));
        }

        time.Advance(TimeSpan.FromHours(3));
        await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile, time);

        Assert.That((await TemplateApi.GetAsync(second, project, code))["state"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
    }

    [Test]
    public async Task Start_FormatOneFileWithoutTemplates_LoadsAndIsRewrittenAsFormatTwo()
    {
        File.WriteAllText(DataFile, """
            {"format": "kakao-emulator-state/1", "revision": 4, "nextSequence": 1,
             "projects": {"p": {"senders": {"@old": {"id": "6f1f7c8e-1111-4a4a-9b9b-000000000001", "plusFriendId": "@old", "sequence": 1,
               "state": "ACTIVE", "details": {"name": "Old"}, "created": "2026-01-01T00:00:00+00:00", "modified": "2026-01-01T00:00:00+00:00", "activities": []}},
               "webhooks": []}},
             "tokens": []}
            """);

        await using (var emulator = await EmulatorHarness.StartAsync(o => o.DataFile = DataFile))
        {
            using var list = await emulator.Client.GetAsync(TemplateApi.List("p", "@old"));
            Assert.That((await ApiAssert.SucceedsAsync(list, HttpStatusCode.OK, "KakaotalkTemplateListDto"))["totalSize"]!.GetValue<int>(), Is.Zero);
            await TemplateApi.CreateAsync(emulator, "p", plusFriendId: "@old");
        }

        string content = File.ReadAllText(DataFile);
        Assert.Multiple(() =>
        {
            Assert.That(content, Does.Contain("\"format\": \"kakao-emulator-state/2\""));
            Assert.That(content, Does.Contain("order-shipped"));
        });
    }

    [TestCase("""{"format": "kakao-emulator-state/2", "projects": {"p": {"senders": {"@a": {"templates": []}}}}, "tokens": []}""")]
    [TestCase("""{"format": "kakao-emulator-state/2", "projects": {"p": {"senders": {"@a": {"templates": {"X": 1}}}}}, "tokens": []}""")]
    [TestCase("""{"format": "kakao-emulator-state/3", "projects": {}, "tokens": []}""")]
    public void Start_MalformedTemplatesOrNewerFormat_IsRefusedAndLeftUntouched(string content)
    {
        File.WriteAllText(DataFile, content);

        var ex = Assert.ThrowsAsync<InvalidDataException>(async () => await EmulatorServer.StartAsync(new EmulatorOptions { DataFile = DataFile }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("is not an emulator state file"));
            Assert.That(File.ReadAllText(DataFile), Is.EqualTo(content));
        });
    }
}
