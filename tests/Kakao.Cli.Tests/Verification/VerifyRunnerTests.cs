using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Cli.Tests.Verification;

public class VerifyRunnerTests
{
    private const string Code = "482913";

    [Test]
    public async Task RunAsync_SenderActive_SkipsItWithoutRegisteringOrRefreshingAgain()
    {
        var rig = new VerifyRig(interactive: true, Senders.Active());

        var report = await rig.RunAsync(rig.Prompt());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Calls, Is.EqualTo(new[] { "refresh", "export", "describe @sinch-demo" }));
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.AlreadyActive));
        Assert.That(rig.Console.Prompts, Is.Zero);
    }

    [Test]
    public async Task RunAsync_PendingVerificationWithPromptedCode_RegistersVerifiesAndRefreshesAgain()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        var sentCodes = new List<int>();
        rig.SetupVerify(code => { sentCodes.Add(code); return Senders.Sender(SenderState.Active); });

        var report = await rig.RunAsync(rig.Prompt(Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Calls, Is.EqualTo(new[] { "refresh", "export", "describe @sinch-demo", "register @sinch-demo", "verify @sinch-demo", "refresh" }));
        Assert.That(sentCodes, Is.EqualTo(new[] { 482913 }));
        Assert.That(rig.Console.AllText, Does.Not.Contain(Code));
        Assert.That(report.ToJson(), Does.Not.Contain(Code));
    }

    [Test]
    public async Task RunAsync_ProviderKeySecretPlaintext_BuildsClientForProviderProjectAndEndpoint()
    {
        var rig = new VerifyRig(interactive: true, Senders.Active());

        await rig.RunAsync(rig.Prompt());

        var connection = rig.Connections.Single();
        Assert.That(connection.ProjectId, Is.EqualTo(Senders.Project));
        Assert.That(connection.Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:9999")));
        Assert.That(connection.KeyId, Is.EqualTo("key-1"));
        Assert.That(connection.KeySecret, Is.EqualTo(Deployments.KeySecret));
        Assert.That(connection.ToString(), Does.Not.Contain(Deployments.KeySecret));
    }

    [Test]
    public async Task RunAsync_VerifyingWithCodeInEnvironment_VerifiesWithoutRegistering()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(code => code == 482913 ? Senders.Sender(SenderState.Active) : throw Senders.WrongCode());
        rig.Environment["KAKAO_OTP"] = Code;

        var report = await rig.RunAsync(new EnvOtpSource("KAKAO_OTP", rig.Environment.GetValueOrDefault));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Calls, Does.Not.Contain("register @sinch-demo"));
        Assert.That(rig.Calls, Is.EqualTo(new[] { "refresh", "export", "describe @sinch-demo", "verify @sinch-demo", "refresh" }));
        Assert.That(rig.Console.AllText, Does.Not.Contain(Code));
    }

    [Test]
    public async Task RunAsync_PendingVerificationWithEnvironmentSource_RegistersThenAsksToStoreTheCodeAndRerun()
    {
        var rig = new VerifyRig(interactive: false, Senders.PendingVerification());
        rig.SetupRegister();
        rig.Environment["KAKAO_OTP"] = "111111";

        var report = await rig.RunAsync(new EnvOtpSource("KAKAO_OTP", rig.Environment.GetValueOrDefault));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.UsageError));
        Assert.That(rig.Calls, Does.Contain("register @sinch-demo"));
        rig.Client.Verify(c => c.VerifySenderAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(report.Senders.Single().Message, Does.Contain("environment variable KAKAO_OTP").And.Contain("run `kakao verify --stack dev` again"));
    }

    [Test]
    public async Task RunAsync_CiWithoutCodeSource_ExitsTwoWithoutRegistering()
    {
        var rig = new VerifyRig(interactive: false, Senders.PendingVerification());

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.UsageError));
        rig.Client.Verify(c => c.RegisterSenderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(rig.Console.AllText, Does.Contain("--otp-from"));
    }

    [Test]
    public async Task RunAsync_SenderInReview_ReportsHowLongAndExitsThree()
    {
        var rig = new VerifyRig(interactive: false, Senders.InReview());

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.InReview));
        Assert.That(report.Senders.Single().InReviewFor, Is.EqualTo(TimeSpan.FromHours(27)));
        Assert.That(rig.Console.AllText, Does.Contain("in review for 1d3h"));
    }

    [Test]
    public async Task RunAsync_SenderRejected_PrintsRejectionCommentAndExitsFour()
    {
        var rig = new VerifyRig(interactive: false, Senders.Rejected("Logo does not match the channel."));

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Rejected));
        Assert.That(rig.Console.AllText, Does.Contain("Logo does not match the channel."));
        Assert.That(report.Senders.Single().RejectionComment, Is.EqualTo("Logo does not match the channel."));
    }

    [Test]
    public async Task RunAsync_ThreeWrongCodesAtPrompt_ExitsFiveAfterThreeTries()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        rig.SetupVerify(_ => throw Senders.WrongCode());

        var report = await rig.RunAsync(rig.Prompt("111111", "222222", "333333", "444444"));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.VerificationFailed));
        Assert.That(rig.Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)), Is.EqualTo(SenderVerifier.MaxCodeAttempts));
        Assert.That(rig.Calls.Count(c => c == "refresh"), Is.EqualTo(1), "nothing was verified, so no second refresh");
        Assert.That(rig.Console.AllText, Does.Not.Contain("111111").And.Not.Contain("333333"));
    }

    [Test]
    public async Task RunAsync_WrongCodeThenRightOne_Succeeds()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        rig.SetupVerify(code => code == 482913 ? Senders.Sender(SenderState.Active) : throw Senders.WrongCode());

        var report = await rig.RunAsync(rig.Prompt("000001", Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Console.Lines, Has.Some.Contains("2 tries left"));
    }

    [Test]
    public async Task RunAsync_MalformedInputAtPrompt_RepromptsWithoutCallingTheApi()
    {
        var rig = new VerifyRig(interactive: true, Senders.Verifying());
        var sent = new List<int>();
        rig.SetupVerify(code => { sent.Add(code); return Senders.Sender(SenderState.Active); });

        var report = await rig.RunAsync(rig.Prompt("12ab56", Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(sent, Is.EqualTo(new[] { 482913 }));
        Assert.That(rig.Console.Prompts, Is.EqualTo(2));
    }

    [Test]
    public async Task RunAsync_CodeExpiredAndUserAcceptsResend_RegistersAgainAndVerifies()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        var verifies = 0;
        rig.SetupVerify(_ => ++verifies == 1 ? throw Senders.ExpiredCode() : Senders.Sender(SenderState.Active));
        rig.Console.ConfirmAnswers.Enqueue(true);

        var report = await rig.RunAsync(rig.Prompt("111111", Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Calls.Count(c => c == "register @sinch-demo"), Is.EqualTo(2));
        Assert.That(rig.Console.Lines, Has.Some.StartsWith("confirm: ").And.Contains("expired"));
    }

    [Test]
    public async Task RunAsync_CodeExpiredWithFileSource_ExitsFive()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(_ => throw Senders.ExpiredCode());
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Code + "\n");

            var report = await rig.RunAsync(new FileOtpSource(file));

            Assert.That(report.ExitCode, Is.EqualTo(ExitCode.VerificationFailed));
            Assert.That(report.Senders.Single().Message, Does.Contain("expired"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task RunAsync_VerifyAnswersVerifying_PollsWithBackoffUntilActive()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(_ => Senders.Sender(SenderState.Verifying));
        var polls = 0;
        rig.Client.Setup(c => c.GetSenderAsync(Senders.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++polls < 3 ? Senders.Sender(SenderState.Verifying) : Senders.Sender(SenderState.Active));
        rig.Environment["KAKAO_OTP"] = Code;

        var task = rig.RunAsync(new EnvOtpSource("KAKAO_OTP", rig.Environment.GetValueOrDefault));
        var report = await rig.Time.DriveAsync(task, TimeSpan.FromSeconds(1));

        Assert.That(rig.Time.Timers.Where(t => t < TimeSpan.FromMinutes(1)), Is.EqualTo(new[] { 2, 4, 8 }.Select(s => TimeSpan.FromSeconds(s))), "back-off doubles");
        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(polls, Is.EqualTo(3));
        Assert.That(rig.Calls.Last(), Is.EqualTo("refresh"));
    }

    [Test]
    public async Task RunAsync_NeverActiveWithinTimeout_ExitsSixWithoutFinalRefresh()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(_ => Senders.Sender(SenderState.Verifying));
        rig.Client.Setup(c => c.GetSenderAsync(Senders.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Senders.Sender(SenderState.Verifying));
        rig.Environment["KAKAO_OTP"] = Code;

        var task = rig.RunAsync(new EnvOtpSource("KAKAO_OTP", rig.Environment.GetValueOrDefault), new VerifySettings { Stack = "dev", Timeout = TimeSpan.FromMinutes(5) });
        var report = await rig.Time.DriveAsync(task, TimeSpan.FromSeconds(5));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Timeout));
        Assert.That(rig.Calls.Count(c => c == "refresh"), Is.EqualTo(1));
        Assert.That(rig.Time.GetUtcNow() - Senders.Start, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(report.Senders.Single().Message, Does.Contain("5m timeout"));
    }

    [Test]
    public async Task RunAsync_CtrlCAtThePrompt_StopsWithExit130AndNoRefresh()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        using var ctrlC = new CancellationTokenSource();
        rig.Console.OnPrompt = ctrlC.Cancel;

        var report = await rig.RunAsync(rig.Prompt(Code), cancellationToken: ctrlC.Token);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Cancelled));
        Assert.That(rig.Calls.Count(c => c == "refresh"), Is.EqualTo(1));
        Assert.That(rig.Console.AllText, Does.Contain("Interrupted"));
        rig.Client.Verify(c => c.VerifySenderAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RunAsync_CtrlCDuringRefresh_SaysHowToRecover()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active());
        using var ctrlC = new CancellationTokenSource();
        rig.Workspace.Setup(w => w.RefreshAsync(It.IsAny<string?>(), It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (string? _, PulumiRunOptions? _, CancellationToken ct) =>
            {
                await ctrlC.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return new PulumiCommandResult("", "");
            });

        var report = await rig.RunAsync(new NoOtpSource(), cancellationToken: ctrlC.Token);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Cancelled));
        Assert.That(rig.Console.AllText, Does.Contain("pulumi refresh").And.Contain("pending operation"));
        rig.Workspace.Verify(w => w.ExportStackAsync(It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RunAsync_FinalRefreshFails_KeepsTheReportAndExitsSeven()
    {
        var rig = new VerifyRig(interactive: true, Senders.Verifying());
        rig.SetupVerify(_ => Senders.Sender(SenderState.Active));
        var refreshes = 0;
        rig.Workspace.Setup(w => w.RefreshAsync(It.IsAny<string?>(), It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++refreshes == 1
                ? new PulumiCommandResult("", "")
                : throw new PulumiCommandException(PulumiErrorKind.ConcurrentUpdate, "refresh", 255, "`pulumi refresh` failed: another update is in progress."));

        var report = await rig.RunAsync(rig.Prompt(Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.ApiFailure));
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.Verified));
        Assert.That(rig.Console.AllText, Does.Contain("were verified").And.Contain("pulumi refresh"));
    }

    [Test]
    public async Task RunAsync_RegisterFailsWithServerError_ExitsSeven()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.Client.Setup(c => c.RegisterSenderAsync(Senders.Id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(500, "internal_error", "Internal error"));

        var report = await rig.RunAsync(rig.Prompt(Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.ApiFailure));
        Assert.That(rig.Console.AllText, Does.Contain("internal_error"));
    }

    [Test]
    public async Task RunAsync_OneActiveOneRejectedOneInReview_ExitsWithMostSevereCode()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active("@a"), Senders.Rejected("bad name", "@b"), Senders.InReview("@c"));

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Rejected));
        Assert.That(report.Senders.Select(s => s.ExitCode), Is.EqualTo(new[] { ExitCode.Success, ExitCode.Rejected, ExitCode.InReview }));
        Assert.That(rig.Connections, Has.Count.EqualTo(1), "senders of one provider share one client");
    }

    [Test]
    public async Task RunAsync_SenderFilter_OnlyTouchesSelectedSenders()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active("@a"), Senders.Rejected("x", "@b"));

        var report = await rig.RunAsync(new NoOtpSource(), new VerifySettings { Stack = "dev", Senders = ["@a"] });

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        Assert.That(rig.Calls, Does.Not.Contain("describe @b"));
    }

    [Test]
    public void RunAsync_UnknownSenderFilter_RaisesConfigurationErrorNamingTheStacksSenders()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active("@a"));

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => rig.RunAsync(new NoOtpSource(), new VerifySettings { Senders = ["@zzz"] }));

        Assert.That(ex!.Message, Does.Contain("@zzz").And.Contain("@a"));
    }

    [Test]
    public void RunAsync_StackWithoutSenders_RaisesConfigurationError()
    {
        var rig = new VerifyRig(interactive: false);

        Assert.ThrowsAsync<ConfigurationException>(() => rig.RunAsync(new NoOtpSource()));
    }

    [Test]
    public async Task RunAsync_SenderMissingAtSinch_ExitsNineWithPulumiAdvice()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active());
        rig.Client.Setup(c => c.DescribeSenderAsync(Senders.Id, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.NotFound));
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.NotFound));
        Assert.That(report.Senders.Single().Message, Does.Contain("pulumi up"));
    }
    [Test]
    public async Task RunAsync_WrongCodeAtPrompt_WarnsWithSinchsReasonAndTheTriesLeft()
    {
        var rig = new VerifyRig(interactive: true, Senders.Verifying());
        rig.SetupVerify(code => code == 482913 ? Senders.Sender(SenderState.Active) : throw Senders.WrongCode());

        var report = await rig.RunAsync(rig.Prompt("000001", Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success));
        var warning = rig.Console.Lines.Single(l => l.StartsWith("warn: The code was not accepted", StringComparison.Ordinal));
        Assert.That(warning, Does.Contain("code: the code is not valid").And.Contain("2 tries left").And.Contain("400 invalid_input"));
    }

    [Test]
    public async Task RunAsync_ApiStatesTriesLeft_ShowsSinchsCount()
    {
        var rig = new VerifyRig(interactive: true, Senders.Verifying());
        var refusal = new ProvisioningApiException(400, "invalid_input", "Invalid input.", "Correct the validation errors and submit again.",
            new Dictionary<string, IReadOnlyList<string>> { ["validationErrors"] = ["code is incorrect (1 attempt remaining)"] });
        rig.SetupVerify(code => code == 482913 ? Senders.Sender(SenderState.Active) : throw refusal);

        await rig.RunAsync(rig.Prompt("000001", Code));

        Assert.That(rig.Console.Lines, Has.Some.Contains("1 try left").And.Contains("Correct the validation errors"));
    }

    [Test]
    public async Task RunAsync_SpentCodeFromEnvironment_SaysToRegisterAgainWithTheCommand()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(_ => throw new ProvisioningApiException(400, "invalid_input", "Invalid input.", "Correct the validation errors and submit again.",
            new Dictionary<string, IReadOnlyList<string>> { ["validationErrors"] = ["code is no longer valid: register the sender again to receive a new code"] }));

        var report = await rig.RunAsync(new EnvOtpSource("KAKAO_OTP", _ => Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.VerificationFailed));
        Assert.That(report.Senders.Single().Message, Does.Contain("spent").And.Contain("kakao senders register @sinch-demo")
            .And.Contain("code is no longer valid").And.Contain("kakao verify --stack dev"));
    }

    [Test]
    public async Task RunAsync_AccessKeyRefused_ExitsEightNamingWhereTheKeyCameFrom()
    {
        var rig = new VerifyRig(interactive: false, Senders.Active());
        rig.Client.Setup(c => c.DescribeSenderAsync(Senders.Id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(401, "unauthorized_error", "Unauthorized error.", "Verify that projectId is correct."));

        var report = await rig.RunAsync(new NoOtpSource());

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.AuthenticationFailed));
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.AccessDenied));
        Assert.That(report.Senders.Single().Message, Does.Contain("refused the access key").And.Contain("stack config kakao:keyId")
            .And.Contain("stack config kakao:keySecret").And.Contain("Unauthorized error").And.Not.Contain(Deployments.KeySecret));
    }

    [Test]
    public async Task RunAsync_RegisterRefusedBecauseSenderIsInReviewAgain_SaysItsStatus()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.Client.Setup(c => c.RegisterSenderAsync(Senders.Id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(409, "not_allowed_register", "Sender not allowed to be registered.", "Sender in \"ACTIVE\" state can't be registered."));
        rig.Client.SetupSequence(c => c.DescribeSenderAsync(Senders.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Senders.PendingVerification()).ReturnsAsync(Senders.InReview());

        var report = await rig.RunAsync(rig.Prompt(Code));

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.InReview));
        Assert.That(report.Senders.Single().Message, Does.StartWith("@sinch-demo cannot be registered yet: it is IN_PROGRESS"));
    }
}
