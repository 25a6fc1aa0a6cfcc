using System.Text.Json;
using Kakao.Cli.Commands;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Emulator;
using Kakao.Provisioning.Models;
using Kakao.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kakao.Cli.Tests.Commands;

/// <summary>The whole command line: parsing, environment fallbacks, output and exit codes.</summary>
public class CliAppTests
{
    private sealed class Run
    {
        public FakeConsole Console { get; } = new();
        public StringWriter Out { get; } = new();
        public StringWriter Err { get; } = new();
        public Dictionary<string, string?> Environment { get; init; } = [];
        public Mock<IPulumiWorkspace> Workspace { get; } = new(MockBehavior.Strict);
        public IProvisioningClientFactory Clients { get; init; } = new ProvisioningClientFactory(TimeProvider.System);
        public TimeProvider Time { get; init; } = TimeProvider.System;
        public string? Stdin { get; init; }

        /// <summary>Standard input itself (instead of <see cref="Stdin"/>'s text).</summary>
        public TextReader? StdinReader { get; init; }

        public Task<int> InvokeAsync(params string[] args) => InvokeAsync(CancellationToken.None, args);

        public Task<int> InvokeAsync(CancellationToken cancellationToken, params string[] args)
        {
            var services = new CliServices
            {
                Console = _ => Console,
                Environment = name => Environment.GetValueOrDefault(name),
                StandardInput = StdinReader ?? new StringReader(Stdin ?? ""),
                Workspace = _ => Workspace.Object,
                Clients = Clients,
                TimeProvider = Time,
            };
            return new CliApp(services).RunAsync(args, Out, Err, cancellationToken);
        }
    }

    [TestCase("verify", "--timeout", "soon")]
    [TestCase("verify", "--no-such-option")]
    [TestCase("frobnicate")]
    [TestCase("senders", "register")]
    public async Task RunAsync_BadUsage_ExitsTwo(params string[] args)
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync(args), Is.EqualTo(2));
        Assert.That(run.Err.ToString(), Does.Contain("error:"));
    }

    [Test]
    public async Task RunAsync_Help_ExitsZeroAndListsCommands()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("--help"), Is.Zero);
        Assert.That(run.Out.ToString(), Does.Contain("verify").And.Contain("status").And.Contain("senders"));
    }

    [Test]
    public async Task Verify_WebhookResourceWithoutListen_ExitsTwoSayingWhatItNeeds()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("verify", "--stack", "dev", "--webhook-resource", "hooks"), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("--webhook-resource needs --webhook-listen"));
    }

    [Test]
    public async Task Verify_WebhookResourceNamed_ReadsTheStackWithShowSecretsAndNeverPrintsTheSecret()
    {
        var run = new Run();
        var hooks = Webhooks.StackWebhooksTests.Workspace(Webhooks.StackWebhooksTests.Hook("hooks", "https://tunnel.example.com/", "whsec-cli-sentinel", triggers: ["KAKAOTALK_TEMPLATE_APPROVED"]));
        run.Workspace.Setup(w => w.ExportStackAsync("dev", true, It.IsAny<CancellationToken>())).Returns(hooks.Object.ExportStackAsync("dev", true, CancellationToken.None));

        var exit = await run.InvokeAsync("verify", "--stack", "dev", "--webhook-listen", "http://127.0.0.1:0", "--webhook-resource", "hooks");

        // The chosen webhook cannot deliver activations: a configuration error before any sender is touched.
        Assert.That(exit, Is.EqualTo(2), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("does not subscribe KAKAOTALK_SENDER_ACTIVE").And.Not.Contain("whsec-cli-sentinel"));
        run.Workspace.Verify(w => w.ExportStackAsync("dev", true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Verify_WebhookListenNotLoopback_ExitsTwo()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("verify", "--webhook-listen", "http://0.0.0.0:8080"), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("loopback"));
    }

    [Test]
    public async Task Verify_PulumiNotLoggedIn_ExitsTwoWithTheAdvice()
    {
        var run = new Run();
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PulumiCommandException(PulumiErrorKind.NotLoggedIn, "refresh", 255, "`pulumi refresh` failed: run `pulumi login`."));

        Assert.That(await run.InvokeAsync("verify", "--stack", "dev"), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("pulumi login"));
    }

    [Test]
    public async Task Verify_RefreshFails_ExitsSeven()
    {
        var run = new Run();
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PulumiCommandException(PulumiErrorKind.CommandFailed, "refresh", 1, "`pulumi refresh` failed with exit code 1"));

        Assert.That(await run.InvokeAsync("verify", "--stack", "dev"), Is.EqualTo(7));
    }

    [Test]
    public async Task Verify_JsonAgainstEmulatorWithCodeOnStdin_PrintsMachineReadableReport()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var code = await rig.PhoneAsync();
        var run = new Run { Stdin = code + "\n" };
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiCommandResult("", ""));
        run.Workspace.Setup(w => w.ExportStackAsync("dev", false, It.IsAny<CancellationToken>())).ReturnsAsync(rig.Deployment(Senders.Id));

        var exit = await run.InvokeAsync("verify", "--stack", "dev", "--otp-from", "stdin", "--json");

        Assert.That(exit, Is.Zero, run.Console.AllText);
        using var json = JsonDocument.Parse(run.Console.Data.Single());
        Assert.That(json.RootElement.GetProperty("exitCode").GetInt32(), Is.Zero);
        var sender = json.RootElement.GetProperty("senders")[0];
        Assert.That(sender.GetProperty("plusFriendId").GetString(), Is.EqualTo(Senders.Id));
        Assert.That(sender.GetProperty("statusBefore").GetString(), Is.EqualTo("VERIFYING"));
        Assert.That(sender.GetProperty("status").GetString(), Is.EqualTo("ACTIVE"));
        Assert.That(run.Console.AllText + run.Out + run.Err, Does.Not.Contain(code!));
    }

    [Test]
    public async Task Verify_CiWithoutOtpFrom_ExitsTwoAndSaysWhatToPass()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run();
        run.Workspace.Setup(w => w.RefreshAsync(null, It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiCommandResult("", ""));
        run.Workspace.Setup(w => w.ExportStackAsync(null, false, It.IsAny<CancellationToken>())).ReturnsAsync(rig.Deployment(Senders.Id));

        Assert.That(await run.InvokeAsync("verify"), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("--otp-from"));
        Assert.That(await rig.RequestCountAsync("/register"), Is.Zero);
    }

    [Test]
    public async Task Verify_OtpFromStdin_TakesApprovedSenderToActiveInOneRun()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run { Environment = new() { ["CI"] = "true" }, StdinReader = new PhoneReader(rig) };
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiCommandResult("", ""));
        run.Workspace.Setup(w => w.ExportStackAsync("dev", false, It.IsAny<CancellationToken>())).ReturnsAsync(rig.Deployment(Senders.Id));

        var exit = await run.InvokeAsync("verify", "--stack", "dev", "--otp-from", "stdin");

        Assert.That(exit, Is.Zero, run.Console.AllText);
        Assert.That((await rig.Client.GetSenderAsync(Senders.Id)).State, Is.EqualTo(SenderState.Active));
        Assert.That(await rig.RequestCountAsync("/register"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendersRegisterThenVerify_CodeFromFile_MakesTheSenderActive()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.Zero, run.Console.AllText);
        var file = Path.GetTempFileName();
        try
        {
            var code = await rig.PhoneAsync();
            await File.WriteAllTextAsync(file, $"{Senders.Id}={code}\n");
            Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "file:" + file), Is.Zero, run.Console.AllText);
            Assert.That(run.Console.AllText, Does.Not.Contain(code!));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.That((await rig.Client.GetSenderAsync(Senders.Id)).State, Is.EqualTo(SenderState.Active));
    }

    [Test]
    public async Task SendersVerify_WrongCodeFromEnv_ExitsFive()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var real = await rig.PhoneAsync();
        var env = rig.Environment();
        env["KAKAO_OTP"] = real == "123456" ? "654321" : "123456";
        var run = new Run { Environment = env };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "env:KAKAO_OTP"), Is.EqualTo(5));
    }

    [Test]
    public async Task SendersActivitiesAndCategories_Json_PrintTheApisData()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, "Name must match the channel.");
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "activities", Senders.Id, "--json"), Is.Zero, run.Console.AllText);
        Assert.That(await run.InvokeAsync("senders", "categories", "--json"), Is.Zero, run.Console.AllText);

        Assert.That(run.Console.Data[0], Does.Contain("REJECTED").And.Contain("Name must match the channel."));
        using var categories = JsonDocument.Parse(run.Console.Data[1]);
        Assert.That(categories.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Contain("019"));
    }

    [Test]
    public async Task SendersRegister_MissingCredentials_ExitsTwoNamingTheVariables()
    {
        var run = new Run { Environment = new() { ["SINCH_PROJECT_ID"] = "p" } };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("SINCH_KEY_ID").And.Contain("SINCH_KEY_SECRET"));
    }

    [Test]
    public async Task SendersRegister_KeySecretGiven_NeverPrintsIt()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var env = rig.Environment();
        env["SINCH_KEY_SECRET"] = "wrong-secret-value";
        var run = new Run { Environment = env };

        var exit = await run.InvokeAsync("senders", "register", Senders.Id);

        Assert.That(exit, Is.EqualTo(8));
        Assert.That(run.Console.AllText + run.Out + run.Err, Does.Not.Contain("wrong-secret-value"));
    }

    [Test]
    public async Task SendersRegister_WrongSecretFromEnvironment_ExitsEightNamingTheSettings()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var env = rig.Environment();
        env["SINCH_KEY_SECRET"] = "wrong-secret-value";
        var run = new Run { Environment = env };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.EqualTo((int)ExitCode.AuthenticationFailed));
        Assert.That(run.Console.AllText, Does.Contain("refused the access key").And.Contain("environment variable SINCH_KEY_ID")
            .And.Contain("environment variable SINCH_KEY_SECRET").And.Contain("unauthorized_error"));
    }

    [Test]
    public async Task SendersRegister_WrongSecretOnCommandLine_NamesTheOption()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id, "--key-secret", "wrong-secret-value"), Is.EqualTo(8));
        Assert.That(run.Console.AllText, Does.Contain("the key secret (from --key-secret)").And.Not.Contain("wrong-secret-value"));
    }

    [Test]
    public async Task SendersRegister_InReview_SaysItsStatusAndWhatToDoAndExitsThree()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.EqualTo((int)ExitCode.InReview), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("cannot be registered yet: it is IN_PROGRESS").And.Contain("Once Sinch approves it"));
    }

    [Test]
    public async Task SendersRegister_Rejected_PrintsTheCommentAndExitsFour()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, "Logo is blurry.");
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.EqualTo((int)ExitCode.Rejected), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("it was REJECTED (reason: Logo is blurry.)").And.Contain("pulumi up"));
    }

    [Test]
    public async Task SendersRegister_AlreadyActive_SaysNoCodeWasSentAndExitsZero()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        await rig.Client.VerifySenderAsync(Senders.Id, int.Parse((await rig.PhoneAsync())!, System.Globalization.CultureInfo.InvariantCulture));
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.Zero, run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("already ACTIVE").And.Contain("none was sent"));
    }

    [Test]
    public async Task SendersActivities_UnknownSender_ExitsNine()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("senders", "activities", "@nope"), Is.EqualTo((int)ExitCode.NotFound), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("@nope does not exist in project emu-project").And.Contain("sender_not_found"));
    }

    [Test]
    public async Task SendersVerify_WrongCode_PrintsSinchsReasonAndResolution()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var real = await rig.PhoneAsync();
        var env = rig.Environment();
        env["KAKAO_OTP"] = real == "123456" ? "654321" : "123456";
        var run = new Run { Environment = env };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "env:KAKAO_OTP"), Is.EqualTo(5));
        Assert.That(run.Console.AllText, Does.Contain("code is incorrect").And.Contain("Correct the validation errors").And.Not.Contain("Invalid input.."));
    }

    [Test]
    public async Task SendersVerify_RightCodeAfterTooManyWrongOnes_SaysTheCodeIsSpentAndToRegisterAgain()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var real = (await rig.PhoneAsync())!;
        var wrong = real == "123456" ? 654321 : 123456;
        for (var i = 0; i < 5; i++)
        {
            Assert.ThrowsAsync<Kakao.Provisioning.ProvisioningApiException>(() => rig.Client.VerifySenderAsync(Senders.Id, wrong));
        }

        var env = rig.Environment();
        env["KAKAO_OTP"] = real;
        var run = new Run { Environment = env };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "env:KAKAO_OTP"), Is.EqualTo(5));
        Assert.That(run.Console.AllText, Does.Contain("the code is spent").And.Contain("must be registered again")
            .And.Contain("`kakao senders register @sinch-demo`").And.Contain("no longer valid").And.Not.Contain(real));
    }

    [Test]
    public async Task SendersVerify_NeverRegistered_SaysNoCodeWasSentAndExitsTwoWithoutRegistering()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment(), Stdin = "123456\n" };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "stdin"), Is.EqualTo(2), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("No code was sent").And.Contain("kakao senders register @sinch-demo").And.Not.Contain("Code sent"));
        Assert.That(await rig.RequestCountAsync("/register"), Is.Zero);
    }

    [Test]
    public async Task SendersVerify_NeverRegisteredWithRegister_RegistersAndVerifiesInOneRun()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment(), StdinReader = new PhoneReader(rig) };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "stdin", "--register"), Is.Zero, run.Console.AllText);
        Assert.That((await rig.Client.GetSenderAsync(Senders.Id)).State, Is.EqualTo(SenderState.Active));
    }

    [Test]
    public async Task SendersVerify_OtpFileMissing_ExitsTwoAsAConfigurationError()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        var run = new Run { Environment = rig.Environment() };
        var missing = Path.Combine(Path.GetTempPath(), "kakao-no-such-otp-" + Guid.NewGuid().ToString("N"));

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "file:" + missing), Is.EqualTo(2), run.Console.AllText);
        Assert.That(run.Console.AllText, Does.Contain("does not exist"));
        Assert.That(await rig.RequestCountAsync("/verify"), Is.Zero);
    }

    [Test]
    public async Task SendersVerify_Json_EndsWithOneOutcomeObject()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment(), Stdin = "123456\n" };

        Assert.That(await run.InvokeAsync("senders", "verify", Senders.Id, "--otp-from", "stdin", "--json"), Is.EqualTo(3));
        using var json = JsonDocument.Parse(run.Console.Data.Single());
        Assert.That(json.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("in_review"));
        Assert.That(json.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Status_ProjectWithoutSenders_SaysSoAndExitsNine()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("status", "--project", "no-such-project"), Is.EqualTo((int)ExitCode.NotFound));
        Assert.That(run.Console.AllText, Does.Contain("Project no-such-project has no KakaoTalk senders").And.Contain("--project"));
    }

    [Test]
    public async Task Status_EveryRequestedSenderMissing_SaysSoAndExitsNine()
    {
        await using var rig = await EmulatorRig.StartAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("status", "--project", EmulatorRig.Project, "--sender", "@nope"), Is.EqualTo((int)ExitCode.NotFound));
        Assert.That(run.Console.Lines, Has.Some.StartsWith("error: No such sender at Sinch: @nope (project emu-project)"));
    }

    [Test]
    public async Task Status_SomeRequestedSendersMissing_WarnsAndExitsZero()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync();
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("status", "--project", EmulatorRig.Project, "--sender", Senders.Id, "--sender", "@nope"), Is.Zero);
        Assert.That(run.Console.Lines, Has.Some.StartsWith("warn: Not found at Sinch: @nope"));
    }

    [Test]
    public async Task Verify_JsonFailingBeforeAnySender_WritesOneJsonObjectWithTheError()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("verify", "--json", "--webhook-listen", "http://0.0.0.0:8080"), Is.EqualTo(2));
        using var json = JsonDocument.Parse(run.Console.Data.Single());
        Assert.That(json.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(2));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("loopback"));
        Assert.That(json.RootElement.GetProperty("senders").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Verify_JsonWhenRefreshFails_WritesOneJsonObjectWithExitSeven()
    {
        var run = new Run();
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PulumiCommandException(PulumiErrorKind.CommandFailed, "refresh", 1, "`pulumi refresh` failed with exit code 1"));

        Assert.That(await run.InvokeAsync("verify", "--stack", "dev", "--json"), Is.EqualTo(7));
        using var json = JsonDocument.Parse(run.Console.Data.Single());
        Assert.That(json.RootElement.GetProperty("stack").GetString(), Is.EqualTo("dev"));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("pulumi refresh"));
    }

    [Test]
    public async Task Verify_JsonWithUnparsableOption_WritesJsonToStandardOutput()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("verify", "--json", "--timeout", "soon"), Is.EqualTo(2));
        using var json = JsonDocument.Parse(run.Out.ToString());
        Assert.That(json.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(2));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("soon"));
    }

    [TestCase("verify", "[default: 30m]")]
    [TestCase("status", "[default: 10s]")]
    public async Task Help_DurationOption_ShowsTheDefaultInTheInputForm(string command, string expected)
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync(command, "--help"), Is.Zero);
        Assert.That(run.Out.ToString(), Does.Contain(expected).And.Not.Contain("00:"));
    }

    [Test]
    public async Task SendersRegister_PlainHttpToRemoteHost_ExitsTwo()
    {
        var run = new Run { Environment = new() { ["SINCH_PROJECT_ID"] = "p", ["SINCH_KEY_ID"] = "k", ["SINCH_KEY_SECRET"] = "s", ["KAKAO_ENDPOINT"] = "http://provisioning.example.com" } };

        Assert.That(await run.InvokeAsync("senders", "register", Senders.Id), Is.EqualTo(2));
        Assert.That(run.Console.AllText, Does.Contain("https://"));
    }

    [Test]
    public async Task Status_ProjectJson_ListsEverySenderOfTheProject()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync("@one");
        await rig.CreateSenderAsync("@two");
        var run = new Run { Environment = rig.Environment() };

        Assert.That(await run.InvokeAsync("status", "--project", EmulatorRig.Project, "--json"), Is.Zero, run.Console.AllText);

        using var json = JsonDocument.Parse(run.Console.Data.Single());
        Assert.That(json.RootElement.EnumerateArray().Select(s => s.GetProperty("plusFriendId").GetString()), Is.EquivalentTo(new[] { "@one", "@two" }));
        Assert.That(json.RootElement[0].GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
        Assert.That(json.RootElement[0].GetProperty("changesStatus").GetString(), Is.EqualTo("IN_PROGRESS"));
    }

    [Test]
    public async Task Status_Stack_ShowsTableRowPerSenderFromTheStack()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, "Logo is blurry.");
        await rig.CreateSenderAsync();
        var run = new Run();
        run.Workspace.Setup(w => w.ExportStackAsync("dev", false, It.IsAny<CancellationToken>())).ReturnsAsync(rig.Deployment(Senders.Id));

        Assert.That(await run.InvokeAsync("status", "--stack", "dev"), Is.Zero, run.Console.AllText);

        var row = run.Console.Lines.Single(l => l.StartsWith("row: ", StringComparison.Ordinal));
        Assert.That(row, Does.Contain(Senders.Id).And.Contain("REJECTED").And.Contain("Logo is blurry."));
        run.Workspace.Verify(w => w.RefreshAsync(It.IsAny<string?>(), It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Status_WatchUntilCtrlC_RendersOnEveryIntervalThenExitsZero()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Manual);
        await rig.CreateSenderAsync();
        var time = new RecordingTimeProvider(Senders.Start);
        var interval = TimeSpan.FromSeconds(10);
        var run = new Run { Environment = rig.Environment(), Time = time };
        using var ctrlC = new CancellationTokenSource();

        var watch = run.InvokeAsync(ctrlC.Token, "status", "--project", EmulatorRig.Project, "--sender", Senders.Id, "--watch", "--interval", "10s");
        for (var i = 0; i < 3; i++)
        {
            await WaitForTablesAsync(run.Console, i + 1, watch);
            Assert.That(await time.WaitForTimersAsync(interval, i + 1, TimeSpan.FromSeconds(20)), Is.True, $"interval delay {i + 1} was never armed");
            time.Advance(interval);
        }

        await WaitForTablesAsync(run.Console, 4, watch);
        await ctrlC.CancelAsync();

        Assert.That(await watch, Is.Zero);
        Assert.That(run.Console.Lines.Count(l => l.StartsWith("table:", StringComparison.Ordinal)), Is.EqualTo(4));
    }

    [Test]
    public async Task Status_StackAndProjectTogether_ExitsTwo()
    {
        var run = new Run();

        Assert.That(await run.InvokeAsync("status", "--stack", "dev", "--project", "p"), Is.EqualTo(2));
    }

    // Waits for the next render (the HTTP round trip to the emulator), never on the clock.
    private static async Task WaitForTablesAsync(FakeConsole console, int count, Task<int> watch)
    {
        var rendered = await console.TablesWritten.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(rendered && !watch.IsCompleted, Is.True, $"render {count} did not happen: {console.AllText}");
    }
}
