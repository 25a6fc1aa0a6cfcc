using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Domain;

/// <summary>Automatic review on the emulator's clock: default approve at once, delays, reject, manual.</summary>
[TestFixture]
public sealed class ReviewPolicyTests
{
    [Test]
    public async Task Review_Default_CreateAnswersInProgressNextGetInactive()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();

        var created = await emulator.CreateSenderAsync(project);
        var next = await emulator.GetSenderAsync(project);

        Assert.Multiple(() =>
        {
            Assert.That(created["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(next["state"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
        });
    }

    [Test]
    public async Task Review_WithDelay_ApprovesOnlyAfterTheDelayHasPassed()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ReviewDelay = TimeSpan.FromMinutes(5));
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);

        emulator.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var before = await emulator.GetSenderAsync(project);
        emulator.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await emulator.GetSenderAsync(project);

        Assert.Multiple(() =>
        {
            Assert.That(before["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(after["state"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
        });
    }

    [Test]
    public async Task Review_RejectMode_RejectsWithConfiguredComment()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.ReviewMode = ReviewMode.Reject;
            o.ReviewComment = "Category does not match the channel.";
        });
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);

        using var activities = await emulator.Client.GetAsync(EmulatorHarness.Sender(project) + "/activities");
        var newest = (await EmulatorHarness.ReadJsonAsync(activities))!["notifications"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(newest["comment"]!.GetValue<string>(), Is.EqualTo("Category does not match the channel."));
        });
    }

    [Test]
    public async Task ControlPolicy_SwitchToManualWithDelay_AppliesToNextSubmissions()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var set = await emulator.PostAsync("_emulator/review-policy", """{"mode": "manual", "delaySeconds": 0}""", emulator.Anonymous);
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);

        emulator.Time.Advance(TimeSpan.FromDays(1));

        Assert.That((await emulator.GetSenderAsync(project))["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
    }

    [TestCase("""{"mode": "sometimes"}""")]
    [TestCase("""{"delaySeconds": -1}""")]
    [TestCase("""{"mode": 1}""")]
    public async Task ControlPolicy_BadBody_Answers400(string body)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostAsync("_emulator/review-policy", body, emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }

    [Test]
    public async Task ControlApprove_SenderNotInReview_Answers409()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project, status: "DRAFT");

        using var response = await emulator.Anonymous.PostAsync(EmulatorHarness.Control(project) + "/approve", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
