using System.Text.Json;
using Kakao.Cli.Commands;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Emulator;
using Kakao.Provisioning.Models;
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

        public Task<int> InvokeAsync(params string[] args) => InvokeAsync(CancellationToken.None, args);

        public Task<int> InvokeAsync(CancellationToken cancellationToken, params string[] args)
        {
            var services = new CliServices
            {
                Console = _ => Console,
                Environment = name => Environment.GetValueOrDefault(name),
                StandardInput = new StringReader(Stdin ?? ""),
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
    public async Task Verify_OtpFromEmulator_TakesApprovedSenderToActiveInOneRun()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var run = new Run { Environment = new() { ["CI"] = "true" } };
        run.Workspace.Setup(w => w.RefreshAsync("dev", It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiCommandResult("", ""));
        run.Workspace.Setup(w => w.ExportStackAsync("dev", false, It.IsAny<CancellationToken>())).ReturnsAsync(rig.Deployment(Senders.Id));

        var exit = await run.InvokeAsync("verify", "--stack", "dev", "--otp-from", "emulator");

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

        Assert.That(exit, Is.EqualTo(7));
        Assert.That(run.Console.AllText + run.Out + run.Err, Does.Not.Contain("wrong-secret-value"));
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
