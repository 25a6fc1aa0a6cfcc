using Kakao.Cli.Pulumi;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;
using Kakao.Cli.Webhooks;
using Kakao.Emulator;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Cli.Tests.Api;

/// <summary>The verify flow against the emulator over loopback; the emulator's OTP endpoint plays the phone.</summary>
public class EmulatorVerifyTests
{
    private static Mock<IPulumiWorkspace> Workspace(EmulatorRig rig, List<string> calls, params string[] ids)
    {
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        workspace.Setup(w => w.RefreshAsync(It.IsAny<string?>(), It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("refresh")).ReturnsAsync(new PulumiCommandResult("", ""));
        workspace.Setup(w => w.ExportStackAsync(It.IsAny<string?>(), false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(rig.Deployment(ids));
        return workspace;
    }

    private static Task<VerifyReport> RunAsync(EmulatorRig rig, FakeConsole console, IOtpSource otp, List<string> calls, IActivationWaiter? waiter = null, params string[] ids)
    {
        var runner = new VerifyRunner(Workspace(rig, calls, ids.Length == 0 ? [Senders.Id] : ids).Object,
            new ProvisioningClientFactory(TimeProvider.System), console, TimeProvider.System, _ => null);
        return runner.RunAsync(new VerifySettings { Stack = "dev" }, otp, waiter ?? new PollingActivationWaiter(TimeProvider.System, console), CancellationToken.None);
    }

    [Test]
    public async Task Verify_ApprovedSenderAndCodeFromThePhone_EndsActiveAndRefreshesTwice()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var console = new FakeConsole(interactive: true);
        string? code = null;
        console.AnswerPromptAsync = async () => code = await rig.PhoneAsync();
        var calls = new List<string>();

        var report = await RunAsync(rig, console, new PromptOtpSource(console), calls);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success), console.AllText);
        Assert.That((await rig.Client.GetSenderAsync(Senders.Id)).State, Is.EqualTo(SenderState.Active));
        Assert.That(calls, Is.EqualTo(new[] { "refresh", "refresh" }));
        Assert.That(code, Is.Not.Null);
        Assert.That(console.AllText + report.ToJson(), Does.Not.Contain(code!));
    }

    [Test]
    public async Task Verify_RunTwice_SecondRunLeavesTheActiveSenderAlone()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var console = new FakeConsole(interactive: true);
        console.AnswerPromptAsync = () => rig.PhoneAsync();
        await RunAsync(rig, console, new PromptOtpSource(console), []);
        var registersAfterFirstRun = await rig.RequestCountAsync("/register");

        var second = new FakeConsole(interactive: true);
        var report = await RunAsync(rig, second, new PromptOtpSource(second), []);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.AlreadyActive));
        Assert.That(await rig.RequestCountAsync("/register"), Is.EqualTo(registersAfterFirstRun));
        Assert.That(second.Prompts, Is.Zero);
    }

    [Test]
    public async Task Verify_VerifyingWithFreshCodeInEnv_VerifiesWithoutRegisteringAgain()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var code = await rig.PhoneAsync();
        var console = new FakeConsole(interactive: false);

        var report = await RunAsync(rig, console, new EnvOtpSource("KAKAO_OTP", name => name == "KAKAO_OTP" ? code : null), []);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success), console.AllText);
        Assert.That(await rig.RequestCountAsync("/register"), Is.EqualTo(1));
        Assert.That(console.AllText, Does.Not.Contain(code!));
    }

    [Test]
    public async Task Verify_WrongCodeThenThePhonesCode_Succeeds()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var console = new FakeConsole(interactive: true);
        var prompts = 0;
        console.AnswerPromptAsync = async () =>
        {
            var real = await rig.PhoneAsync();
            return ++prompts == 1 ? (real == "999999" ? "999998" : "999999") : real;
        };

        var report = await RunAsync(rig, console, new PromptOtpSource(console), []);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success), console.AllText);
        Assert.That(prompts, Is.EqualTo(2));
        Assert.That(console.Lines, Has.Some.Contains("not accepted"));
    }

    [Test]
    public async Task Verify_RejectedByReview_PrintsTheEmulatorsCommentAndExitsFour()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, "The logo is blurry.");
        await rig.CreateSenderAsync();
        var console = new FakeConsole();

        var report = await RunAsync(rig, console, new NoOtpSource(), []);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Rejected));
        Assert.That(console.AllText, Does.Contain("The logo is blurry."));
    }

    [Test]
    public async Task Verify_ManualReviewPending_ExitsThree()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync();
        var console = new FakeConsole();

        var report = await RunAsync(rig, console, new NoOtpSource(), []);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.InReview));
        Assert.That(console.AllText, Does.Contain("in review"));
    }

    [Test]
    public async Task WebhookWaiter_EmulatorCallbackAfterVerify_DeliversActiveAndDeletesTheWebhook()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var console = new FakeConsole();
        var waiter = new WebhookActivationWaiter(new Uri("http://127.0.0.1:0"), null, console, TimeProvider.System);

        await waiter.EnsureRegisteredAsync(rig.Client, CancellationToken.None);
        var registered = await rig.Client.ListWebhooksAsync().ToListAsync();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        console.OnInfo = line => { if (line.StartsWith("Waiting for a webhook", StringComparison.Ordinal)) listening.TrySetResult(); };
        var wait = waiter.WaitForActiveAsync(rig.Client, Senders.Id, CancellationToken.None);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(wait.IsCompleted, Is.False, "not ACTIVE yet, so it waits for the callback");
        await rig.Client.VerifySenderAsync(Senders.Id, int.Parse((await rig.PhoneAsync())!, System.Globalization.CultureInfo.InvariantCulture));
        var sender = await wait.WaitAsync(TimeSpan.FromSeconds(20));
        await waiter.DisposeAsync();

        Assert.That(registered.Single().Target, Is.EqualTo(waiter.ListenAddress.ToString()));
        Assert.That(sender.State, Is.EqualTo(SenderState.Active));
        Assert.That(console.AllText, Does.Contain("Webhook: KAKAOTALK_SENDER_ACTIVE"));
        Assert.That(await rig.Client.ListWebhooksAsync().ToListAsync(), Is.Empty);
    }
}
